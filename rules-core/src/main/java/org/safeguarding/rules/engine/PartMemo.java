package org.safeguarding.rules.engine;

/**
 * The assembled parts of outcomes, by the bit mask of the rules that fired: a decision's two
 * lookups (actions, questions) without boxing the mask or walking a hash map's nodes, which
 * cost more than the rest of the lookup put together ({@code DecideBenchmark}, docs/performance.md).
 * Open addressing in an array of immutable entries: a reader sees an entry whole or not at all
 * (its fields are final), so reads take no lock; writers take one, and stop adding at the bound
 * (unusual combinations are then assembled each time). Kept to this class: nothing else in the
 * engine reads racily.
 */
final class PartMemo<T> {
    private record Entry(long key, Object part) {
    }

    private final Entry[] slots;
    private final int bound;
    private int size;

    /** @param bound how many parts are remembered at most; the table is kept at most half full */
    PartMemo(int bound) {
        this.bound = bound;
        this.slots = new Entry[Integer.highestOneBit(bound * 2 - 1) << 1];
    }

    @SuppressWarnings("unchecked")
    T get(long key) {
        Entry[] table = slots;
        int mask = table.length - 1;
        for (int i = slot(key, mask); ; i = (i + 1) & mask) {
            Entry entry = table[i];
            if (entry == null) {
                return null;
            }
            if (entry.key() == key) {
                return (T) entry.part();
            }
        }
    }

    synchronized void put(long key, T part) {
        if (size >= bound || get(key) != null) {
            return;
        }
        int mask = slots.length - 1;
        int i = slot(key, mask);
        while (slots[i] != null) {
            i = (i + 1) & mask;
        }
        slots[i] = new Entry(key, part);
        size++;
    }

    synchronized int size() {
        return size;
    }

    /** Every remembered part replaced by what {@code change} makes of it: the proof's tests corrupt parts this way. */
    @SuppressWarnings("unchecked")
    synchronized void replaceAll(java.util.function.UnaryOperator<T> change) {
        for (int i = 0; i < slots.length; i++) {
            Entry entry = slots[i];
            if (entry != null) {
                slots[i] = new Entry(entry.key(), change.apply((T) entry.part()));
            }
        }
    }

    private static int slot(long key, int mask) {
        long mixed = key * 0x9E3779B97F4A7C15L;
        return (int) (mixed ^ (mixed >>> 32)) & mask;
    }
}
