package org.safeguarding.rules.analysis;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.safeguarding.rules.api.Answer;
import org.safeguarding.rules.api.Fact;
import org.safeguarding.rules.api.ImageryOrigin;
import org.safeguarding.rules.engine.FactVector;
import org.safeguarding.rules.engine.Decider;
import org.safeguarding.rules.tables.TableTemplate;

/**
 * Every combination of the facts the Pathway table reads, numbered 0 to {@link #size()} - 1
 * (each fact a digit in a mixed radix), with facts the table does not read left UNKNOWN; and
 * the facts the Actions table reads besides (the "free" facts), which the Pathway table never
 * sees.
 */
final class FactSpace {
    static final List<Fact> PATHWAY_FACTS = TableTemplate.PATHWAY_FACTS;

    private final int[] radix;
    private final int[] weight;
    private final int size;
    /** The digit of each Pathway fact's "not yet known" value. */
    private final int[] unknownDigit;
    private final List<Fact> sharedWithActions = new ArrayList<>();
    private final List<Fact> freeForActions = new ArrayList<>();

    FactSpace() {
        radix = PATHWAY_FACTS.stream().mapToInt(f -> f.domain().size()).toArray();
        weight = new int[radix.length];
        int product = 1;
        for (int k = 0; k < radix.length; k++) {
            weight[k] = product;
            product *= radix[k];
        }
        size = product;
        unknownDigit = PATHWAY_FACTS.stream().mapToInt(f -> f.domain().indexOf(f.unknown())).toArray();
        for (String input : TableTemplate.ACTIONS.conditionInputs()) {
            Fact.byFieldName(input).ifPresent(f -> (PATHWAY_FACTS.contains(f) ? sharedWithActions : freeForActions).add(f));
        }
    }

    int size() {
        return size;
    }

    FactVector values(int index) {
        FactVector values = FactVector.allUnknown();
        for (int k = 0; k < PATHWAY_FACTS.size(); k++) {
            values.set(PATHWAY_FACTS.get(k), PATHWAY_FACTS.get(k).domain().get((index / weight[k]) % radix[k]));
        }
        return values;
    }

    /** The combination equal to {@code index} but for the k-th Pathway fact, which takes {@code value}. */
    int withValue(int index, int k, Enum<?> value) {
        int current = (index / weight[k]) % radix[k];
        return index + (PATHWAY_FACTS.get(k).domain().indexOf(value) - current) * weight[k];
    }

    /** The first Pathway fact, from the k-th on, not yet known in this combination; -1 if there is none. */
    int firstUnknown(int index, int from) {
        for (int k = from; k < radix.length; k++) {
            if ((index / weight[k]) % radix[k] == unknownDigit[k]) {
                return k;
            }
        }
        return -1;
    }

    /** Facts both the Pathway and the Actions table read. */
    List<Fact> sharedWithActions() {
        return sharedWithActions;
    }

    /** How many combinations of the facts only the Actions table reads there are. */
    int freeCombinations() {
        return freeForActions.stream().mapToInt(f -> f.domain().size()).reduce(1, (a, b) -> a * b);
    }

    /**
     * One fact taking a value in {@code when} brings another into {@code allowed}: the engine works
     * the second out from the first ({@code FactDerivation.derive}).
     */
    record Link(Fact given, Set<Enum<?>> when, Fact implied, Set<Enum<?>> allowed) {
        static Link yes(Fact given, Fact implied) {
            return new Link(given, Set.of(Answer.YES), implied, Set.of(Answer.YES));
        }

        boolean holds(FactVector values) {
            return !when.contains(values.get(given)) || allowed.contains(values.get(implied));
        }
    }

    /**
     * What {@link #reachable} reads: an adult who is staff or a volunteer is an adult involved; a
     * threat to share is blackmail; imagery made by software was made without the pictured child's
     * consent; and a request with no image leaves nobody's consent to one unknown. Nothing else ties
     * one fact to another, so a combination of some facts with the rest unknown is reachable when
     * each link it touches holds.
     */
    static final List<Link> LINKS = List.of(Link.yes(Fact.ADULT_IS_STAFF_OR_VOLUNTEER, Fact.ADULT_INVOLVED),
            Link.yes(Fact.THREAT_TO_SHARE, Fact.COERCION_OR_BLACKMAIL),
            new Link(Fact.IMAGERY_ORIGIN, Set.of(ImageryOrigin.AI_OR_ALTERED, ImageryOrigin.AI_OR_ALTERED_FROM_SETTING_PHOTOS),
                    Fact.CONSENT_GIVEN, Set.of(Answer.NO)),
            new Link(Fact.IMAGERY_ORIGIN, Set.of(ImageryOrigin.REQUEST_ONLY), Fact.CONSENT_GIVEN, Set.of(Answer.YES, Answer.NO)));

    /**
     * Whether a decision can see these facts: the engine derives the implied fact from the given
     * one (so the Actions table never sees adultIsStaffOrVolunteer YES with adultInvolved anything
     * but YES, nor imagery made by software with consentGiven anything but NO).
     */
    static boolean reachable(FactVector values) {
        for (Link link : LINKS) {
            if (!link.holds(values)) {
                return false;
            }
        }
        return true;
    }

    /** These facts and every fact a link ties to one of them. */
    static Set<Fact> withLinked(Set<Fact> facts) {
        Set<Fact> closed = EnumSet.copyOf(facts);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Link link : LINKS) {
                if (closed.contains(link.given()) != closed.contains(link.implied())) {
                    closed.add(link.given());
                    closed.add(link.implied());
                    grew = true;
                }
            }
        }
        return closed;
    }

    /**
     * The served pathway step for every combination (null where no Pathway rule matches), and its
     * pathway and flag as arrays.
     */
    record Pathways(Decider.PathwayStep[] steps, byte[] pathway, boolean[] provisional) {
    }

    /** The same, the youngest involved person being {@code youngest} years old (only the Policy sheet reads it). */
    Pathways evaluate(Decider decider, int youngest) {
        Decider.PathwayStep[] steps = new Decider.PathwayStep[size];
        byte[] pathway = new byte[size];
        boolean[] provisional = new boolean[size];
        for (int index = 0; index < size; index++) {
            FactVector values = values(index);
            Decider.PathwayStep step;
            try {
                step = decider.pathwayStep(values, youngest);
            } catch (IllegalStateException noRuleMatched) {
                step = null; // property 1 (complete) reports it
            }
            steps[index] = step;
            pathway[index] = (byte) (step == null ? -1 : step.pathway().ordinal());
            provisional[index] = step != null && step.provisional();
        }
        return new Pathways(steps, pathway, provisional);
    }
}
