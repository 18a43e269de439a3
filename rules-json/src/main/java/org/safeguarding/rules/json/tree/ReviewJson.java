package org.safeguarding.rules.json.tree;

import org.safeguarding.rules.api.ReviewReport;
import org.safeguarding.rules.api.ImpactReport;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.safeguarding.rules.api.HygieneFinding;
import org.safeguarding.rules.api.SafetyFinding;
import org.safeguarding.rules.api.SafetyReport;
import org.safeguarding.rules.api.Problem;
import org.safeguarding.rules.api.ScenarioResult;

/** A candidate rule set's check report as JSON: problems by cell, safety findings, scenarios, impact. */
public final class ReviewJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ReviewJson() {
    }

    public static ObjectNode toJson(ReviewReport report) {
        ObjectNode json = NODES.objectNode().put("passed", report.passed());
        json.set("problems", problems(report.problems()));
        report.safety().ifPresent(safety -> json.set("safety", safety(safety)));
        json.set("scenarios", scenarios(report.scenarios()));
        report.impact().ifPresent(impact -> json.set("impact", impact(impact)));
        return json;
    }

    /** Problems in workbooks, each with its workbook, sheet, cell and message: everywhere problems are listed. */
    public static ArrayNode problems(List<Problem> problems) {
        ArrayNode list = NODES.arrayNode();
        for (Problem p : problems) {
            list.addObject().put("workbook", p.workbook()).put("sheet", p.sheet()).put("cell", p.cell()).put("message", p.message());
        }
        return list;
    }

    /** Scenario results, counted and one by one, as in an upload's report and {@code bin/rules test --json}. */
    public static ObjectNode scenarios(List<ScenarioResult> scenarios) {
        ObjectNode json = NODES.objectNode();
        json.put("passed", scenarios.stream().filter(ScenarioResult::passed).count())
                .put("failed", scenarios.stream().filter(r -> !r.passed()).count());
        ArrayNode results = json.putArray("results");
        for (ScenarioResult r : scenarios) {
            ObjectNode node = results.addObject().put("id", r.scenario().id()).put("workbook", r.scenario().workbook())
                    .put("row", r.scenario().excelRow()).put("description", r.scenario().description()).put("passed", r.passed());
            r.differences().forEach(node.putArray("differences")::add);
        }
        return json;
    }

    /** The safety analysis, as in an upload's report and {@code bin/rules analyse --json}. */
    public static ObjectNode safety(SafetyReport safety) {
        ObjectNode json = NODES.objectNode().put("safe", safety.safe()).put("pathwayCombinations", safety.pathwayCombinations())
                .put("actionCombinations", safety.actionCombinations());
        ArrayNode findings = json.putArray("findings");
        for (SafetyFinding f : safety.findings()) {
            ObjectNode node = findings.addObject().put("property", f.property()).put("title", f.title()).put("message", f.message())
                    .put("combinations", f.combinations());
            node.set("counterexample", map(f.counterexample()));
            node.put("example", f.exampleInWords());
            // The same incident fact by fact, in the words a lead reads (never field names or values in capitals).
            ArrayNode facts = node.putArray("exampleFacts");
            f.counterexample().forEach((key, value) -> {
                String clause = org.safeguarding.rules.api.IncidentWords.clause(key, value);
                if (clause != null && !clause.isBlank()) {
                    facts.add(clause);
                }
            });
            ArrayNode rules = node.putArray("rules");
            // "cell" is the cell to change: a rule's ID cell, or a text's own cell (safety property 12, where "id" is that cell).
            f.rules().forEach(r -> rules.addObject().put("id", r.id()).put("workbook", r.workbook()).put("sheet", r.sheet()).put("row", r.row())
                    .put("cell", r.cell()).put("isText", r.isTextCell()));
        }
        ArrayNode hygiene = json.putArray("hygiene");
        for (HygieneFinding h : safety.hygiene()) {
            hygiene.addObject().put("kind", h.kind().name()).put("id", h.rule().id()).put("sheet", h.rule().sheet())
                    .put("row", h.rule().row()).put("cell", "A" + h.rule().row()).put("message", h.message());
        }
        return json;
    }

    /** What an edit changes, as in an upload's report and {@code bin/rules diff --json}. */
    public static ObjectNode impact(ImpactReport impact) {
        ObjectNode json = NODES.objectNode().put("combinations", impact.combinations())
                .put("safetyRegression", impact.safetyRegression()).put("needsConfirmation", impact.needsConfirmation());
        ArrayNode pathway = json.putArray("pathwayChanges");
        impact.pathwayChanges().forEach(c -> change(pathway, c));
        ArrayNode actions = json.putArray("actionChanges");
        impact.actionChanges().forEach(c -> change(actions, c));
        ArrayNode texts = json.putArray("textChanges");
        for (ImpactReport.TextChange c : impact.textChanges()) {
            texts.addObject().put("sheet", c.sheet()).put("key", c.key()).put("before", c.before()).put("after", c.after())
                    .put("warning", c.warning());
        }
        return json;
    }

    private static void change(ArrayNode list, ImpactReport.Change c) {
        ObjectNode node = list.addObject().put("change", c.change()).put("inWords", c.inWords()).put("combinations", c.combinations())
                .put("safetyRegression", c.safetyRegression());
        node.set("example", map(c.example()));
        node.put("exampleInWords", org.safeguarding.rules.api.IncidentWords.describe(c.example()));
    }

    private static ObjectNode map(Map<String, String> map) {
        ObjectNode json = NODES.objectNode();
        map.forEach(json::put);
        return json;
    }
}
