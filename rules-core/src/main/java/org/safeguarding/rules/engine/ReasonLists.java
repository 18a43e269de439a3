package org.safeguarding.rules.engine;

import java.util.Arrays;
import java.util.List;

import org.safeguarding.rules.api.Reason;

/**
 * The reasons of a decision, the Pathway part's followed by the Actions part's and the Questions part's,
 * as one list that is handed out again whenever the same two parts come together. Both parts
 * are shared outcomes of the index, so most decisions find their list here, and a writer that
 * encodes a list once (the service's JSON) encodes it once for all of them. Lock-free: a slot
 * holds the last pair that landed there, and a miss just builds the list.
 */
final class ReasonLists {
    private static final int SLOTS = 1024;

    private record Entry(Reason[] pathway, Reason[] actions, Reason[] questions, List<Reason> reasons) {
    }

    private final Entry[] slots = new Entry[SLOTS];

    List<Reason> of(Reason[] pathway, Reason[] actions, Reason[] questions) {
        int slot = (961 * System.identityHashCode(pathway) + 31 * System.identityHashCode(actions) + System.identityHashCode(questions))
                & (SLOTS - 1);
        Entry entry = slots[slot];
        if (entry == null || entry.pathway() != pathway || entry.actions() != actions || entry.questions() != questions) {
            Reason[] all = Arrays.copyOf(pathway, pathway.length + actions.length + questions.length);
            System.arraycopy(actions, 0, all, pathway.length, actions.length);
            System.arraycopy(questions, 0, all, pathway.length + actions.length, questions.length);
            // The entry's fields are final: another thread that reads the slot sees it whole.
            entry = new Entry(pathway, actions, questions, List.of(all));
            slots[slot] = entry;
        }
        return entry.reasons();
    }
}
