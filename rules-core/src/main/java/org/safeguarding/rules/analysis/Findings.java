package org.safeguarding.rules.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.safeguarding.rules.api.Fact;
import org.safeguarding.rules.api.SafetyFinding;
import org.safeguarding.rules.engine.FactVector;
import org.safeguarding.rules.tables.RuleRow;
import org.safeguarding.rules.tables.RuleTables;
import org.safeguarding.rules.tables.SheetTemplate;

/**
 * The findings of one analysis, each kept once with the first combination that shows it and
 * counted over every combination that fails the same way. A check that stands for many
 * combinations reports with their number as its weight; a check made once and remembered can
 * be counted again without being made again.
 */
final class Findings {
    private final RuleTables tables;
    private final Map<String, Accumulator> byKey = new LinkedHashMap<>();
    private long weight = 1;
    private Map<String, String> ageContext = Map.of();
    private List<String> recording;

    Findings(RuleTables tables) {
        this.tables = tables;
    }

    /** How many combinations the check being made stands for, until told otherwise. */
    void weigh(long combinations) {
        weight = combinations;
    }

    /** The age band being analysed, shown with every counterexample found in it. */
    void inAgeBand(Map<String, String> context) {
        ageContext = context;
    }

    /** A property that fails for the tables as a whole, not for a combination. */
    void ofTables(SafetyProperty property, String message) {
        byKey.putIfAbsent(key(property, message), new Accumulator(property, message, Map.of(), List.of(), 1));
    }

    /** A finding for a combination of the Pathway table's facts, shown with those facts only. */
    void ofPathway(SafetyProperty property, String message, FactVector values, List<String> matchingRules) {
        String key = key(property, message);
        Accumulator existing = byKey.get(key);
        if (existing != null) {
            existing.count++;
            return;
        }
        Map<String, String> example = describe(values, SafetyAnalyser.PATHWAY_FACTS);
        example.putAll(ageContext);
        byKey.put(key, new Accumulator(property, message, example, locations(matchingRules), 1));
    }

    /** A finding for the combination being checked, with the rules that fired for it. */
    void of(SafetyProperty property, String message, FactVector values, Map<String, String> context, List<String> rules) {
        of(property, message, values, context, () -> locations(rules));
    }

    /** A finding for the combination being checked, counted with its weight and remembered for the combinations like it. */
    void of(SafetyProperty property, String message, FactVector values, Map<String, String> context,
            Supplier<List<SafetyFinding.RuleLocation>> where) {
        String key = key(property, message);
        if (recording != null) {
            recording.add(key);
        }
        Accumulator existing = byKey.get(key);
        if (existing != null) {
            existing.count += weight;
            return;
        }
        Map<String, String> example = new LinkedHashMap<>(context);
        example.putAll(describe(values, List.of(Fact.values())));
        example.putAll(ageContext);
        byKey.put(key, new Accumulator(property, message, example, where.get(), weight));
    }

    /** Remembers what is found from now until {@link #stopRecording}, to count it again for a check not made again. */
    List<String> startRecording() {
        recording = new ArrayList<>(0);
        return recording;
    }

    void stopRecording() {
        recording = null;
    }

    void countAgain(List<String> recorded) {
        for (String key : recorded) {
            byKey.get(key).count += weight;
        }
    }

    List<SafetyFinding> list() {
        return byKey.values().stream().map(Accumulator::finding).toList();
    }

    List<SafetyFinding.RuleLocation> locations(List<String> ruleIds) {
        List<SafetyFinding.RuleLocation> locations = new ArrayList<>();
        for (SheetTemplate sheet : SafetyAnalyser.RULES_AND_POLICY) {
            for (RuleRow row : tables.rows(sheet)) {
                if (ruleIds.contains(row.id())) {
                    locations.add(new SafetyFinding.RuleLocation(row.workbook(), sheet.sheetName(), row.excelRow(), row.id()));
                }
            }
        }
        return locations;
    }

    private static String key(SafetyProperty property, String message) {
        return property.number + message;
    }

    private static Map<String, String> describe(FactVector values, List<Fact> facts) {
        Map<String, String> example = new LinkedHashMap<>();
        for (Fact fact : facts) {
            example.put(fact.fieldName(), values.get(fact).name());
        }
        return example;
    }

    private static final class Accumulator {
        private final SafetyProperty property;
        private final String message;
        private final Map<String, String> example;
        private final List<SafetyFinding.RuleLocation> rules;
        private long count;

        Accumulator(SafetyProperty property, String message, Map<String, String> example, List<SafetyFinding.RuleLocation> rules,
                    long count) {
            this.property = property;
            this.message = message;
            this.example = example;
            this.rules = rules;
            this.count = count;
        }

        SafetyFinding finding() {
            return new SafetyFinding(property.number, property.title, message, example, rules, count);
        }
    }
}
