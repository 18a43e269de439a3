package org.safeguarding.rules.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.safeguarding.rules.api.Fact;
import org.safeguarding.rules.engine.FactVector;
import org.safeguarding.rules.tables.RuleRow;

/**
 * Values that rows treat alike, grouped so a check is made once per group and counted for all:
 * each value some row (or link) names is a class of its own, and the rest of a fact's values one
 * class with their count. The safety analysis and the impact of an edit both walk these.
 */
final class ValueClasses {
    private ValueClasses() {
    }

    /** For each fact, the values some row of these sheets compares it with (their conditions are all equalities). */
    static Map<Fact, Set<Enum<?>>> distinguishedValues(List<List<RuleRow>> sheets) {
        Map<Fact, Set<Enum<?>>> values = new java.util.EnumMap<>(Fact.class);
        for (Fact fact : Fact.values()) {
            values.put(fact, new HashSet<>());
        }
        for (List<RuleRow> rows : sheets) {
            for (RuleRow row : rows) {
                row.conditions().forEach((input, value) -> Fact.byFieldName(input)
                        .ifPresent(fact -> fact.valueNamed(value).ifPresent(values.get(fact)::add)));
            }
        }
        return values;
    }

    /**
     * Both ends of every link get a class of their own for each value the link names, so whether a
     * combination is reachable is the same for every combination its classes stand for: a class
     * whose first value could not be reached would otherwise hide the others in it.
     */
    static void distinguishLinks(Map<Fact, Set<Enum<?>>> read) {
        for (FactSpace.Link link : FactSpace.LINKS) {
            read.get(link.given()).addAll(link.when());
            read.get(link.implied()).addAll(link.allowed());
        }
    }

    /** One combination of some facts standing for {@code weight} combinations the rows treat alike. */
    record Representative(List<Fact> facts, Enum<?>[] chosen, long weight) {
        boolean unknown() {
            for (int i = 0; i < chosen.length; i++) {
                if (chosen[i] != facts.get(i).unknown()) {
                    return false;
                }
            }
            return true;
        }

        FactVector fill(FactVector base) {
            FactVector values = base.copy();
            for (int i = 0; i < chosen.length; i++) {
                values.set(facts.get(i), chosen[i]);
            }
            return values;
        }
    }

    /**
     * The classes of one fact's values the rows and properties tell apart: each value they name,
     * then one value standing for all the others, with how many each stands for.
     */
    record Classes(Enum<?>[] values, long[] counts) {
        static Classes of(Fact fact, Map<Fact, Set<Enum<?>>> read) {
            List<Enum<?>> named = new ArrayList<>();
            Enum<?> other = null;
            long others = 0;
            for (Enum<?> value : fact.domain()) {
                if (read.get(fact).contains(value)) {
                    named.add(value);
                } else {
                    other = other == null || value == fact.unknown() ? value : other; // "not yet known" where it is among them
                    others++;
                }
            }
            long[] counts = new long[named.size() + (other == null ? 0 : 1)];
            java.util.Arrays.fill(counts, 1);
            if (other != null) {
                named.add(other);
                counts[counts.length - 1] = others;
            }
            return new Classes(named.toArray(Enum<?>[]::new), counts);
        }
    }

    /** Every class of values of these facts: each distinguished value, and one value for all the others. */
    static List<Representative> representatives(List<Fact> facts, Map<Fact, Set<Enum<?>>> read) {
        List<Representative> all = new ArrayList<>(List.of(new Representative(facts, new Enum<?>[0], 1)));
        for (int i = 0; i < facts.size(); i++) {
            Classes classes = Classes.of(facts.get(i), read);
            List<Representative> next = new ArrayList<>(all.size() * classes.values().length);
            for (Representative r : all) {
                for (int c = 0; c < classes.values().length; c++) {
                    Enum<?>[] chosen = Arrays.copyOf(r.chosen(), i + 1);
                    chosen[i] = classes.values()[c];
                    next.add(new Representative(facts, chosen, r.weight() * classes.counts()[c]));
                }
            }
            all = next;
        }
        return all;
    }
}
