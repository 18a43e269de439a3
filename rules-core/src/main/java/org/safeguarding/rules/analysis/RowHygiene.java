package org.safeguarding.rules.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.safeguarding.rules.api.Fact;
import org.safeguarding.rules.api.HygieneFinding;
import org.safeguarding.rules.api.IncidentWords;
import org.safeguarding.rules.api.Reason;
import org.safeguarding.rules.api.SafetyFinding;
import org.safeguarding.rules.engine.FactVector;
import org.safeguarding.rules.tables.RuleRow;
import org.safeguarding.rules.tables.SheetTemplate;

/** Rows that never apply, never decide anything, or repeat another: not unsafe, but a lead should know. */
final class RowHygiene {
    private final Proof proof;
    /** Rows that apply but are never a reason: why, in words. */
    private final Map<String, String> overruled = new HashMap<>();

    RowHygiene(Proof proof) {
        this.proof = proof;
    }

    /**
     * A Pathway or Policy row that is never a reason may still apply, overruled: it is tried on
     * the combination its own conditions make (every other fact unknown). Its conditions are
     * equalities, so it applies somewhere exactly when it applies there. Once per age band.
     */
    void findRowsThatApply() {
        for (List<RuleRow> rows : List.of(proof.tables.pathwayRows(), proof.tables.policyRows())) {
            for (RuleRow row : rows) {
                if (!proof.fired.contains(row.id())) {
                    tryOwnConditions(row);
                }
            }
        }
    }

    private void tryOwnConditions(RuleRow row) {
        FactVector values = FactVector.allUnknown();
        row.conditions().forEach((input, value) -> Fact.byFieldName(input)
                .ifPresent(fact -> fact.valueNamed(value).ifPresent(v -> values.set(fact, v))));
        List<String> matching = proof.decider.matchingPathwayRules(values, proof.youngest);
        proof.fired.addAll(matching);
        if (matching.contains(row.id())) {
            // It applies, but never decides anything: the rules that do, on the incident its own conditions describe.
            Map<String, String> incident = new LinkedHashMap<>();
            row.conditions().forEach((input, value) -> { if (Fact.byFieldName(input).isPresent()) incident.put(input, value); });
            List<String> deciding = java.util.Arrays.stream(proof.decider.pathwayStep(values, proof.youngest).served().reasons())
                    .map(Reason::rule).filter(id -> !id.equals(row.id())).toList();
            overruled.put(row.id(), (deciding.isEmpty() ? "other rules" : String.join(", ", deciding)) + " already "
                    + (deciding.size() == 1 ? "decides" : "decide") + " every incident it covers (for example: "
                    + IncidentWords.describe(incident) + ")");
        }
    }

    List<HygieneFinding> findings() {
        List<HygieneFinding> hygiene = new ArrayList<>();
        for (SheetTemplate sheet : SafetyAnalyser.RULES_AND_POLICY) {
            Map<String, RuleRow> seen = new HashMap<>();
            for (RuleRow row : proof.tables.rows(sheet)) {
                SafetyFinding.RuleLocation location = new SafetyFinding.RuleLocation(row.workbook(), sheet.sheetName(), row.excelRow(), row.id());
                RuleRow same = seen.putIfAbsent(row.conditions() + " -> " + row.outcome(), row);
                if (same != null) {
                    hygiene.add(new HygieneFinding(HygieneFinding.Kind.DUPLICATE, location, "Rule " + row.id()
                            + " has the same conditions and outcome as " + same.id() + " (row " + same.excelRow() + "): delete one."));
                } else if (!proof.fired.contains(row.id())) {
                    hygiene.add(new HygieneFinding(HygieneFinding.Kind.NEVER_APPLIES, location, "Rule " + row.id()
                            + " never applies: no combination of facts matches all its conditions. Check its conditions."));
                } else if (overruled.containsKey(row.id())) {
                    hygiene.add(new HygieneFinding(HygieneFinding.Kind.NEVER_DECIDES, location, "Rule " + row.id()
                            + " never changes a decision: " + overruled.get(row.id()) + ". Delete it, or make its conditions narrower "
                            + "or its pathway stricter if it was meant to decide something."));
                }
            }
        }
        return hygiene;
    }
}
