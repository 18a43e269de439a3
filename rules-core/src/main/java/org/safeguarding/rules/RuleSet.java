package org.safeguarding.rules;

import org.safeguarding.rules.api.ImpactReport;
import org.safeguarding.rules.api.Problem;
import org.safeguarding.rules.api.ReviewReport;
import org.safeguarding.rules.api.RuleSetException;
import org.safeguarding.rules.api.RuleSetInfo;
import org.safeguarding.rules.api.RuleSetVersion;
import org.safeguarding.rules.api.SafetyReport;
import org.safeguarding.rules.api.Scenario;
import org.safeguarding.rules.api.ScenarioResult;
import org.safeguarding.rules.api.Workbook;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.safeguarding.rules.analysis.ImpactDiff;
import org.safeguarding.rules.analysis.ProvenRuleSet;
import org.safeguarding.rules.analysis.RuleSetReview;
import org.safeguarding.rules.analysis.SafetyAnalyser;
import org.safeguarding.rules.engine.Decider;
import org.safeguarding.rules.engine.RuleSetBuilder;
import org.safeguarding.rules.scenarios.ScenarioRunner;

/**
 * A rule set built from workbooks, with what a lead's tools do to it: check it, prove it, run
 * scenarios on it, compare it with another, save its proven index and decide with it. The
 * service and the command line use exactly these operations; {@link DecisionEngine} is the
 * shorter way when all an application needs is decisions.
 *
 * <pre>{@code
 * RuleSet.Build build = RuleSet.build(Workbook.load(Path.of("tables")));
 * build.problems().forEach(System.out::println);      // workbook, sheet, cell and what to do
 * DecisionEngine engine = build.ruleSet().orElseThrow().prove(); // RuleSetException unless every property holds
 * }</pre>
 *
 * <p>Immutable and thread-safe; the safety analysis runs at most once per rule set.
 */
public final class RuleSet {
    private final Decider decider;
    private volatile SafetyReport safety;
    private volatile DecisionEngine engine;

    private RuleSet(Decider decider, SafetyReport safety) {
        this.decider = decider;
        this.safety = safety;
    }

    /**
     * The workbooks read, checked against the product's template and compiled.
     *
     * @param ruleSet  the rule set, empty when there are problems
     * @param problems every problem, each naming its workbook, sheet and cell
     */
    public record Build(Optional<RuleSet> ruleSet, List<Problem> problems) {
        public Build {
            problems = List.copyOf(problems);
        }
    }

    /**
     * A review: every check a candidate must pass, and the rule set when it passed them all.
     *
     * @param report what was found
     * @param passed the rule set, proven safe and passing every scenario; empty otherwise
     */
    public record Review(ReviewReport report, Optional<RuleSet> passed) {
    }

    /** Reads, checks and compiles workbooks; nothing is proven yet (see {@link #safety()}). */
    public static Build build(List<Workbook> workbooks) {
        RuleSetBuilder.Result built = RuleSetBuilder.build(workbooks);
        return new Build(built.decider().map(d -> new RuleSet(d, null)), built.problems());
    }

    /**
     * The shipped tables, proven when this library was built: loads their saved index in
     * milliseconds (or builds and proves them when the decision-tables jar is another one).
     *
     * @throws IllegalStateException when the shipped tables are not valid (a packaging error)
     */
    public static RuleSet bundled() {
        Optional<ProvenRuleSet> proven = ProvenRuleSet.bundled();
        if (proven.isPresent()) {
            return new RuleSet(proven.get().decider(), proven.get().safety());
        }
        Build build = build(Workbook.bundled());
        RuleSet ruleSet = build.ruleSet().orElseThrow(() -> new IllegalStateException(
                "The bundled tables are invalid; this is a packaging error: " + build.problems()));
        if (!ruleSet.safety().safe()) {
            throw new IllegalStateException("The bundled tables are not safe; this is a packaging error: " + ruleSet.safety().problems());
        }
        return ruleSet;
    }

    /**
     * Every check a candidate must pass before it may decide anything: the template, compiling,
     * every safety property and every scenario; and what it changes against {@code active}.
     */
    public static Review review(List<Workbook> workbooks, List<Scenario> scenarios, Optional<RuleSet> active) {
        return review(RuleSetReview.review(workbooks, scenarios, active.map(r -> r.decider)));
    }

    /** The same review of this rule set, already built (and proven when it came from an index). */
    public Review review(List<Scenario> scenarios, Optional<RuleSet> active) {
        return review(RuleSetReview.review(decider, safety(), scenarios, active.map(r -> r.decider)));
    }

    private static Review review(RuleSetReview.Outcome outcome) {
        return new Review(outcome.report(), outcome.decider().map(d -> new RuleSet(d, outcome.report().safety().orElseThrow())));
    }

    /**
     * A rule set saved with {@link #toIndex()} for exactly these workbooks by this very build of
     * the product; empty for anything else (another build, other workbooks, a damaged file), and
     * the caller builds and proves the workbooks again.
     */
    public static Optional<RuleSet> fromIndex(byte[] index, List<Workbook> workbooks) {
        return ProvenRuleSet.fromBytes(index, workbooks).map(p -> new RuleSet(p.decider(), p.safety()));
    }

    /**
     * Whether {@code index} was saved by another build of this library: it is not trusted
     * (safety property 13), so the tables are built and proven again, once, and saved anew.
     */
    public static boolean indexFromAnotherBuild(byte[] index) {
        return org.safeguarding.rules.engine.DecisionIndexFile.madeByAnotherBuild(index);
    }

    /** This build of the library: a SHA-256 over its classes, recorded when it was built. */
    public static String productBuild() {
        return org.safeguarding.rules.engine.BuildIdentity.current();
    }

    /**
     * The tables, their decision index and their proof, for {@link #fromIndex}.
     *
     * @throws IllegalStateException when the rule set is not safe: only a proven rule set is saved
     */
    public byte[] toIndex() {
        if (!safety().safe()) {
            throw new IllegalStateException("Only a rule set proven safe is saved with its index");
        }
        return new ProvenRuleSet(decider, safety()).toBytes();
    }

    /** The safety properties checked over every combination of facts (run once, then remembered). */
    public SafetyReport safety() {
        SafetyReport report = safety;
        if (report == null) {
            report = SafetyAnalyser.analyse(decider);
            safety = report;
        }
        return report;
    }

    /** Each scenario decided by this rule set and compared with what it expects. */
    public List<ScenarioResult> run(List<Scenario> scenarios) {
        return ScenarioRunner.run(decider::decide, scenarios);
    }

    /** What this rule set changes against {@code before}, over every combination of facts and every text. */
    public ImpactReport changesFrom(RuleSet before) {
        return ImpactDiff.compare(before.decider, decider);
    }

    /**
     * Whether making this rule set live after {@code before} changes words a lead must confirm
     * first ({@code changesFrom(before).needsConfirmation()}), read from the texts alone: what an
     * activation asks, without deciding every combination of facts.
     */
    public boolean needsConfirmationAfter(RuleSet before) {
        return ImpactDiff.needsConfirmation(before.decider, decider);
    }

    /**
     * Proves this rule set (once) and gives the engine that decides with it: the only way from
     * workbooks to decisions, so tables that break a safety property never decide anything.
     *
     * @throws RuleSetException naming every safety property broken, with an incident that shows it
     */
    public DecisionEngine prove() throws RuleSetException {
        SafetyReport report = safety();
        if (!report.safe()) {
            throw new RuleSetException(report.problems());
        }
        DecisionEngine current = engine;
        if (current == null) {
            current = new DecisionEngine(decider, decider.info(Instant.now()));
            engine = current;
        }
        return current;
    }

    /** The version: SHA-256 over the workbooks' bytes. */
    public RuleSetVersion version() {
        return decider.version();
    }

    /** The rule workbooks this rule set was built from, in the order given. */
    public List<Workbook> workbooks() {
        return decider.tables().workbooks();
    }

    /** Its version, rule counts and local settings still to make, as loaded at {@code loadedAt}. */
    public RuleSetInfo info(Instant loadedAt) {
        return decider.info(loadedAt);
    }
}
