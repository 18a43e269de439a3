package org.safeguarding.rules.engine;

import java.util.Objects;

import org.safeguarding.rules.api.Answer;
import org.safeguarding.rules.api.Fact;
import org.safeguarding.rules.api.Incident;

/**
 * One value for every {@link Fact}, each from that fact's own {@link Fact#type()}: the facts as
 * the tables read them for one decision, and the combination the analyser is looking at. A value
 * of another fact's type cannot be put in, so a walk over the facts that mixes up two of them
 * fails where it happens, not as a wrong answer later. Mutable, because the analyser walks
 * millions of combinations by changing one fact at a time; a decision makes its own.
 *
 * <p>Public only for the analysis package; the engine package is not exported.
 */
public final class FactVector {
    private static final Fact[] FACTS = Fact.values(); // Fact.values() copies the array on every call

    /** By {@link Fact#ordinal()}. */
    private final Enum<?>[] values;

    private FactVector(Enum<?>[] values) {
        this.values = values;
    }

    /** Every fact UNKNOWN. */
    public static FactVector allUnknown() {
        Enum<?>[] values = new Enum<?>[FACTS.length];
        for (Fact fact : FACTS) {
            values[fact.ordinal()] = fact.unknown();
        }
        return new FactVector(values);
    }

    /** The facts an incident gives, as given (nothing derived). */
    public static FactVector of(Incident incident) {
        Enum<?>[] values = new Enum<?>[FACTS.length];
        for (Fact fact : FACTS) {
            values[fact.ordinal()] = incident.value(fact); // of the fact's type: Incident's own fields are typed
        }
        return new FactVector(values);
    }

    public Enum<?> get(Fact fact) {
        return values[fact.ordinal()];
    }

    /**
     * A yes/no fact's answer.
     *
     * @throws ClassCastException when the fact's values are not {@link Answer}s
     */
    public Answer answer(Fact fact) {
        return (Answer) values[fact.ordinal()];
    }

    /** The fact's value, as the enum it is declared with; for the facts whose values are not answers. */
    public <E extends Enum<E>> E get(Fact fact, Class<E> type) {
        return type.cast(values[fact.ordinal()]);
    }

    public boolean isUnknown(Fact fact) {
        return values[fact.ordinal()] == fact.unknown();
    }

    /**
     * Sets one fact.
     *
     * @return this vector
     * @throws IllegalArgumentException when the value is not one of the fact's own
     */
    public FactVector set(Fact fact, Enum<?> value) {
        Objects.requireNonNull(value, fact.fieldName());
        if (!fact.type().isInstance(value)) {
            throw new IllegalArgumentException(fact.fieldName() + " takes a value of " + fact.type().getSimpleName()
                    + ", not " + value.getClass().getSimpleName() + "." + value.name());
        }
        values[fact.ordinal()] = value;
        return this;
    }

    /** A vector of its own with the same values, to change without changing this one. */
    public FactVector copy() {
        return new FactVector(values.clone());
    }

    /** The value of the fact whose ordinal is {@code ordinal}: for loops over facts held as ordinals. */
    Enum<?> at(int ordinal) {
        return values[ordinal];
    }

    static int size() {
        return FACTS.length;
    }
}
