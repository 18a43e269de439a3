package org.safeguarding.rules.analysis;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.safeguarding.rules.api.Answer;
import org.safeguarding.rules.api.Fact;
import org.safeguarding.rules.api.Question;
import org.safeguarding.rules.engine.FactVector;
import org.safeguarding.rules.engine.Decider;
import org.safeguarding.rules.tables.RuleRow;

/**
 * Property 7 for the third step: a provisional decision carries the questions that would settle
 * it (decision model section 2), so every unknown fact that matters gets its question.
 *
 * <p>Fact by fact rather than over every fact at once, which grows as the product of all the
 * facts' classes. The served questions are the union of what each Questions row that fires
 * asks, and a row fires on the facts it fills in and nothing else (the decision index keeps one
 * bit per combination of exactly those: see DecisionIndex). So whether one fact's question is
 * served depends only on the facts read by the rows that ask it; whether it matters reads one
 * more; and reachability ties linked facts ({@link FactSpace#LINKS}). Every combination of
 * those facts' classes is checked, the other facts not yet known (which no row asking this
 * question reads, and which keeps every link). Each row is met over every combination of what
 * it reads in the check of its own question, so the rows that fire and the questions shown
 * are all found.
 */
final class QuestionsProperty {
    /**
     * Whether the adult is staff matters only while an adult is, or may be, involved; whether
     * someone threatens to share only while coercion or blackmail (which a threat is) is not ruled out.
     */
    private static final Map<Fact, Fact> MATTERS_UNLESS_NO = Map.of(Fact.ADULT_IS_STAFF_OR_VOLUNTEER, Fact.ADULT_INVOLVED,
            Fact.THREAT_TO_SHARE, Fact.COERCION_OR_BLACKMAIL);

    private final Proof proof;

    QuestionsProperty(Proof proof) {
        this.proof = proof;
    }

    /** Checks every fact's question and answers the questions shown somewhere. */
    Set<Fact> check() {
        List<RuleRow> rows = proof.tables.questionRows();
        Map<Fact, Set<Enum<?>>> read = ValueClasses.distinguishedValues(List.of(rows));
        for (Fact fact : Fact.values()) {
            read.get(fact).add(fact.unknown());
        }
        MATTERS_UNLESS_NO.values().forEach(fact -> read.get(fact).add(Answer.NO)); // whether a question matters reads them
        ValueClasses.distinguishLinks(read);
        Map<Fact, Set<Fact>> readByAsking = new EnumMap<>(Fact.class);
        for (Fact fact : Fact.values()) {
            readByAsking.put(fact, EnumSet.of(fact));
            if (MATTERS_UNLESS_NO.containsKey(fact)) {
                readByAsking.get(fact).add(MATTERS_UNLESS_NO.get(fact));
            }
        }
        for (RuleRow row : rows) {
            Set<Fact> reads = readByAsking.get(Fact.byFieldName(row.outcome()).orElseThrow());
            row.conditions().keySet().forEach(input -> reads.add(Fact.byFieldName(input).orElseThrow()));
        }
        Set<Fact> shown = EnumSet.noneOf(Fact.class);
        Map<Object, long[]> askedOf = new IdentityHashMap<>();
        for (Fact fact : Fact.values()) {
            checkQuestion(fact, FactSpace.withLinked(readByAsking.get(fact)), read, shown, askedOf);
        }
        proof.findings.weigh(1);
        return shown;
    }

    /** One fact, over every class of the facts its question depends on. */
    private void checkQuestion(Fact question, Set<Fact> relevant, Map<Fact, Set<Enum<?>>> read, Set<Fact> shown,
                               Map<Object, long[]> askedOf) {
        Fact[] facts = relevant.toArray(Fact[]::new);
        Enum<?>[][] choices = new Enum<?>[facts.length][];
        long[][] counts = new long[facts.length][];
        FactVector values = FactVector.allUnknown();
        for (int i = 0; i < facts.length; i++) {
            ValueClasses.Classes classes = ValueClasses.Classes.of(facts[i], read);
            choices[i] = classes.values();
            counts[i] = classes.counts();
            values.set(facts[i], choices[i][0]);
        }
        long others = reachableCombinationsOfTheOthers(relevant);
        int[] digit = new int[facts.length];
        while (true) {
            if (FactSpace.reachable(values)) {
                Decider.QuestionsPart questions = proof.decider.questionsStep(values);
                long asked = askedOf.computeIfAbsent(questions, q -> {
                    proof.fired.addAll(Proof.ruleIds(questions.reasons()));
                    long bits = 0;
                    for (Question shownQuestion : questions.questions()) {
                        bits |= 1L << shownQuestion.code().ordinal();
                        shown.add(shownQuestion.code());
                    }
                    return new long[] {bits};
                })[0];
                if (values.get(question) == question.unknown() && (asked & 1L << question.ordinal()) == 0
                        && matters(question, values)) {
                    long combinationWeight = others;
                    for (int i = 0; i < facts.length; i++) {
                        combinationWeight *= counts[i][digit[i]];
                    }
                    proof.findings.weigh(combinationWeight);
                    proof.findings.of(SafetyProperty.PROVISIONAL, "there is no question about " + question.fieldName()
                            + ", which is not yet known.", values, Map.of(), Proof.ruleIds(questions.reasons()));
                }
            }
            int k = 0;
            while (k < facts.length && ++digit[k] == choices[k].length) {
                digit[k] = 0;
                values.set(facts[k], choices[k][0]);
                k++;
            }
            if (k == facts.length) {
                return;
            }
            values.set(facts[k], choices[k][digit[k]]);
        }
    }

    private boolean matters(Fact fact, FactVector values) {
        Fact unless = MATTERS_UNLESS_NO.get(fact);
        return (unless == null || values.get(unless) != Answer.NO) && !proof.tables.predates(fact);
    }

    /** How many reachable combinations the facts outside {@code relevant} have (links never cross it). */
    private static long reachableCombinationsOfTheOthers(Set<Fact> relevant) {
        long product = 1;
        List<Fact> linked = new ArrayList<>();
        for (Fact fact : Fact.values()) {
            if (relevant.contains(fact)) {
                continue;
            }
            if (FactSpace.withLinked(Set.of(fact)).size() > 1) {
                linked.add(fact);
            } else {
                product *= fact.domain().size();
            }
        }
        FactVector values = FactVector.allUnknown();
        long reachable = 0;
        int[] digit = new int[linked.size()];
        while (true) {
            for (int i = 0; i < linked.size(); i++) {
                values.set(linked.get(i), linked.get(i).domain().get(digit[i]));
            }
            if (FactSpace.reachable(values)) {
                reachable++;
            }
            int k = 0;
            while (k < linked.size() && ++digit[k] == linked.get(k).domain().size()) {
                digit[k] = 0;
                k++;
            }
            if (k == linked.size()) {
                return product * reachable;
            }
        }
    }
}
