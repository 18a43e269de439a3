package org.safeguarding.rules.engine;

import java.util.function.Supplier;

/** A value made on first use and kept: Drools is compiled only if a decision is asked of it. */
final class Once<T> implements Supplier<T> {
    private final Supplier<T> maker;
    private volatile T value;

    Once(Supplier<T> maker) {
        this.maker = maker;
    }

    @Override
    public T get() {
        T result = value;
        if (result == null) {
            synchronized (this) {
                if (value == null) {
                    value = maker.get();
                }
                result = value;
            }
        }
        return result;
    }
}
