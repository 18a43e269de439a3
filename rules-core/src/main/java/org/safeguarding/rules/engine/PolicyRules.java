package org.safeguarding.rules.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.safeguarding.rules.api.Action;
import org.safeguarding.rules.api.ActionCode;
import org.safeguarding.rules.api.Fact;
import org.safeguarding.rules.api.Pathway;
import org.safeguarding.rules.api.Person;
import org.safeguarding.rules.api.Reason;
import org.safeguarding.rules.api.Warning;
import org.safeguarding.rules.tables.RuleRow;
import org.safeguarding.rules.tables.RuleTables;
import org.safeguarding.rules.tables.TableTemplate;

/**
 * The setting's Policy sheet: its own stricter rules, applied after the tables. A row either
 * raises the pathway to ESCALATE or adds an action (never one of
 * {@link TableTemplate#POLICY_NEVER_ADDS}), so a policy can only make advice stricter; the safety
 * analysis proves the rest (e.g. that raising keeps the pathway monotone). Rows are matched in
 * plain Java by equality, like the generated rules: nothing a lead types is run.
 */
final class PolicyRules {
    /** The youngest child's age when nobody involved has a known age. */
    static final int AGE_UNKNOWN = Integer.MAX_VALUE;

    private record Rule(RuleInfo info, int[] facts, Enum<?>[] values, int under, boolean readsUnknown, ActionCode adds) {
        boolean matches(FactVector incident, int youngest) {
            for (int i = 0; i < facts.length; i++) {
                if (incident.at(facts[i]) != values[i]) {
                    return false;
                }
            }
            return under == AGE_UNKNOWN || youngest < under; // AGE_UNKNOWN as a limit: the row reads no age
        }

        boolean matchesButForAge(FactVector incident) {
            return matches(incident, Integer.MIN_VALUE);
        }
    }

    private final Rule[] escalations;
    private final Rule[] additions;
    private final List<Integer> representativeAges;

    PolicyRules(RuleTables tables, int firstRank) {
        List<Rule> escalate = new ArrayList<>();
        List<Rule> add = new ArrayList<>();
        TreeSet<Integer> limits = new TreeSet<>();
        int rank = firstRank;
        for (RuleRow row : tables.policyRows()) {
            List<Integer> facts = new ArrayList<>();
            List<Enum<?>> values = new ArrayList<>();
            int under = AGE_UNKNOWN;
            for (Map.Entry<String, String> condition : row.conditions().entrySet()) {
                if (condition.getKey().equals(TableTemplate.YOUNGEST_CHILD_UNDER)) {
                    under = Integer.parseInt(condition.getValue());
                    limits.add(under);
                } else {
                    Fact fact = Fact.byFieldName(condition.getKey()).orElseThrow();
                    facts.add(fact.ordinal());
                    values.add(fact.valueNamed(condition.getValue()).orElseThrow());
                }
            }
            boolean escalation = row.outcome().equals(Pathway.ESCALATE.name());
            ActionCode code = escalation ? null : ActionCode.valueOf(row.outcome());
            Action[] actions = null;
            if (code != null) {
                actions = new Action[2 * Pathway.values().length];
                for (Pathway pathway : Pathway.values()) {
                    for (boolean provisional : new boolean[] {false, true}) {
                        actions[RuleInfo.slot(pathway, provisional)] = new Action(code, tables.actionText(code, pathway, provisional), row.guidance());
                    }
                }
            }
            RuleInfo info = new RuleInfo(row, rank++, new Reason(row.id(), row.sheet().sheetName(), row.description(), row.guidance()), actions);
            Rule rule = new Rule(info, facts.stream().mapToInt(Integer::intValue).toArray(), values.toArray(Enum<?>[]::new), under,
                    row.readsUnknown(), code);
            (escalation ? escalate : add).add(rule);
        }
        this.escalations = escalate.toArray(Rule[]::new);
        this.additions = add.toArray(Rule[]::new);
        List<Integer> ages = new ArrayList<>();
        limits.forEach(limit -> ages.add(limit - 1));
        ages.add(AGE_UNKNOWN);
        this.representativeAges = List.copyOf(ages);
    }

    boolean isEmpty() {
        return escalations.length == 0 && additions.length == 0;
    }

    /** The youngest involved person's age (a reporter is not involved); {@link #AGE_UNKNOWN} when nobody's is known. */
    static int youngest(List<Person> people) {
        int youngest = AGE_UNKNOWN;
        for (Person person : people) {
            if (person.isInvolved() && person.age() != null) {
                youngest = Math.min(youngest, person.age());
            }
        }
        return youngest;
    }

    /**
     * One age from each band the rows' age limits make, and {@link #AGE_UNKNOWN}: every distinct
     * answer of the policy is seen when the analysis tries these.
     */
    List<Integer> representativeAges() {
        return representativeAges;
    }

    /**
     * The Pathway table's answer after the policy. An escalation row that matches raises
     * HANDLE_INTERNALLY to ESCALATE (EMERGENCY is never lowered, so there the rows are overruled
     * and are not reasons). Raised, the decision is provisional when a child may be in immediate
     * danger or when every matching row matched on a fact not yet known, as for the Pathway table.
     */
    Decider.PathwayPart apply(Decider.PathwayPart table, FactVector values, int youngest) {
        if (escalations.length == 0 || table.pathway() == Pathway.EMERGENCY || table.pathway() == null) {
            return table;
        }
        List<Reason> matched = new ArrayList<>(1);
        boolean definite = false;
        for (Rule rule : escalations) {
            if (rule.matches(values, youngest)) {
                matched.add(rule.info().reason());
                definite |= !rule.readsUnknown();
            }
        }
        if (matched.isEmpty()) {
            return table;
        }
        boolean dangerUnknown = values.isUnknown(Fact.IMMEDIATE_DANGER);
        List<Reason> reasons = new ArrayList<>();
        boolean provisional;
        if (table.pathway() == Pathway.HANDLE_INTERNALLY) {
            provisional = dangerUnknown || !definite; // the table's reasons argued for handling it internally: overruled
        } else {
            provisional = dangerUnknown || table.provisional() && !definite;
            reasons.addAll(List.of(table.reasons()));
        }
        reasons.addAll(matched);
        return new Decider.PathwayPart(Pathway.ESCALATE, provisional, reasons.toArray(Reason[]::new));
    }

    /** The policy rows that match, escalations and additions, by ID: for the analysis' record of rules that fire. */
    List<String> matching(FactVector values, int youngest) {
        List<String> ids = new ArrayList<>();
        for (Rule[] rules : List.of(escalations, additions)) {
            for (Rule rule : rules) {
                if (rule.matches(values, youngest)) {
                    ids.add(rule.info().row().id());
                }
            }
        }
        return ids;
    }

    /** The actions the policy adds (those the tables did not give already), with the rows that added them. */
    record Added(List<Action> actions, List<Reason> reasons) {
        static final Added NOTHING = new Added(List.of(), List.of());
    }

    Added additions(FactVector values, int youngest, Pathway pathway, boolean provisional, List<Action> given) {
        if (additions.length == 0) {
            return Added.NOTHING;
        }
        List<Action> actions = new ArrayList<>();
        List<Reason> reasons = new ArrayList<>();
        for (Rule rule : additions) {
            if (rule.matches(values, youngest) && given.stream().noneMatch(a -> a.code() == rule.adds())
                    && actions.stream().noneMatch(a -> a.code() == rule.adds())) {
                actions.add(rule.info().action(pathway, provisional));
                reasons.add(rule.info().reason());
            }
        }
        return actions.isEmpty() ? Added.NOTHING : new Added(actions, reasons);
    }

    /**
     * A warning when a row about the youngest child's age would apply but nobody's age is known:
     * the policy is not applied on a guess, so the caller is asked for the ages.
     */
    Optional<Warning> ageWarning(FactVector values, int youngest) {
        if (youngest != AGE_UNKNOWN) {
            return Optional.empty();
        }
        List<String> ids = new ArrayList<>();
        for (Rule[] rules : List.of(escalations, additions)) {
            for (Rule rule : rules) {
                if (rule.under() != AGE_UNKNOWN && rule.matchesButForAge(values)) {
                    ids.add(rule.info().row().id());
                }
            }
        }
        return ids.isEmpty() ? Optional.empty() : Optional.of(new Warning("people", "gives nobody's age, so the setting's policy "
                + (ids.size() == 1 ? "rule " : "rules ") + String.join(", ", ids) + " about the youngest child's age could not be "
                + "applied: give the ages of the children involved."));
    }
}
