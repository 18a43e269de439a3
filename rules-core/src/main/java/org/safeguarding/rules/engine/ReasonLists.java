package org.safeguarding.rules.engine;

import java.util.Arrays;
import java.util.List;

import org.safeguarding.rules.api.Reason;

/**
 * The reasons of a decision, the Pathway part's followed by the Actions and Questions part's,
 * as one list that is handed out again whenever the same two parts come together. Both parts
 * are shared outcomes of the index, so most decisions find their list here, and a writer that
 * encodes a list once (the service's JSON) encodes it once for all of them. Lock-free: a slot
 * holds the last pair that landed there, and a miss just builds the list.
 */
final class ReasonLists {
    private static final int SLOTS = 1024;

    private record Entry(Reason[] pathway, Reason[] outcome, List<Reason> reasons) {
    }

    private final Entry[] slots = new Entry[SLOTS];

    List<Reason> of(Reason[] pathway, Reason[] outcome) {
        int slot = (31 * System.identityHashCode(pathway) + System.identityHashCode(outcome)) & (SLOTS - 1);
        Entry entry = slots[slot];
        if (entry == null || entry.pathway() != pathway || entry.outcome() != outcome) {
            Reason[] all = Arrays.copyOf(pathway, pathway.length + outcome.length);
            System.arraycopy(outcome, 0, all, pathway.length, outcome.length);
            // The entry's fields are final: another thread that reads the slot sees it whole.
            entry = new Entry(pathway, outcome, List.of(all));
            slots[slot] = entry;
        }
        return entry.reasons();
    }
}
