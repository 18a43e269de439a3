package org.safeguarding.rules;

import org.safeguarding.rules.api.Action;
import org.safeguarding.rules.api.Answer;
import org.safeguarding.rules.api.Evaluation;
import org.safeguarding.rules.api.Incident;
import org.safeguarding.rules.api.Recommendation;
import org.safeguarding.rules.api.RuleSetException;
import org.safeguarding.rules.api.RuleSetInfo;
import org.safeguarding.rules.api.SafetyReport;
import org.safeguarding.rules.api.Workbook;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.safeguarding.rules.engine.ContactWording;
import org.safeguarding.rules.engine.Decider;

/**
 * Recommends what a designated safeguarding lead should do about an incident of shared
 * sexual imagery, using decision tables a safeguarding lead can edit.
 *
 * <p>Build one engine when your application starts and share it: it is immutable and
 * thread-safe, and {@link #decide(Incident)} takes microseconds. Building one reads the
 * workbooks, checks them against the product's template, compiles them and proves the safety
 * properties over every combination of facts, so tables that are malformed or laxer than the
 * guidance never make a decision.
 *
 * <pre>{@code
 * DecisionEngine engine = DecisionEngine.bundled();
 * Recommendation r = engine.decide(Incident.builder().immediateDanger(Answer.NO).build());
 * }</pre>
 */
public final class DecisionEngine {
    private final Decider decider;
    private final RuleSetInfo info;
    /** This organisation's contacts in the texts; none unless made by {@link #withContacts}. */
    private final ContactWording wording;

    DecisionEngine(Decider decider, RuleSetInfo info) {
        this(decider, info, ContactWording.none());
    }

    private DecisionEngine(Decider decider, RuleSetInfo info, ContactWording wording) {
        this.decider = decider;
        this.info = info;
        this.wording = wording;
    }

    /**
     * An engine on the tables shipped in the decision-tables jar. They were built with Drools and
     * proven safe when this library was built, so this loads their saved index in milliseconds;
     * with a different decision-tables jar it builds and proves them instead (seconds).
     */
    public static DecisionEngine bundled() {
        try {
            return RuleSet.bundled().prove();
        } catch (RuleSetException e) {
            throw new IllegalStateException("The bundled tables are not safe; this is a packaging error", e);
        }
    }

    /**
     * An engine on the {@code .xlsx} workbooks in a folder (or on one workbook file).
     *
     * @throws RuleSetException listing every problem found, located by workbook, sheet and cell
     * @throws IOException      when the folder or a file cannot be read
     */
    public static DecisionEngine fromPath(Path path) throws RuleSetException, IOException {
        return fromWorkbooks(Workbook.load(path));
    }

    /**
     * An engine on workbooks given as streams, keyed by file name. The streams are read to the
     * end but not closed.
     */
    public static DecisionEngine fromStreams(Map<String, InputStream> workbooks) throws RuleSetException, IOException {
        List<Workbook> list = new ArrayList<>();
        for (Map.Entry<String, InputStream> entry : workbooks.entrySet()) {
            list.add(new Workbook(entry.getKey(), entry.getValue().readAllBytes()));
        }
        return fromWorkbooks(list);
    }

    static DecisionEngine fromWorkbooks(List<Workbook> workbooks) throws RuleSetException {
        RuleSet.Build built = RuleSet.build(workbooks);
        if (built.ruleSet().isEmpty()) {
            throw new RuleSetException(built.problems());
        }
        return built.ruleSet().get().prove();
    }

    /**
     * The recommendation for an incident. Every incident gets one: odd or contradictory facts are
     * decided the safer way and named in {@link Recommendation#warnings()}.
     *
     * @throws NullPointerException if the incident is null
     */
    public Recommendation decide(Incident incident) {
        return wording.apply(decider.decide(Objects.requireNonNull(incident, "incident")));
    }

    /**
     * This rule set's CALL_999 action, for a caller that could not build an incident from what
     * it was told but knows a child is in immediate danger: never answer that without it.
     */
    public Action emergencyAction() {
        return wording.apply(decider.emergencyAction());
    }

    /**
     * An engine on the same tables that evaluates them the given way: {@link Evaluation#INDEX}
     * (the default) or {@link Evaluation#DROOLS} (the reference the index is built from, several
     * times slower). Each evaluation is proven before it decides anything: asking for Drools runs
     * the safety analysis over the Drools evaluation itself, which takes seconds. Past the index's
     * limits (see docs/performance.md) an engine always evaluates with Drools.
     *
     * @throws IllegalStateException naming the findings, should the other evaluation break a property
     */
    public DecisionEngine withEvaluation(Evaluation evaluation) {
        Decider other = decider.withEvaluation(Objects.requireNonNull(evaluation, "evaluation"));
        if (other == decider) {
            return this;
        }
        if (other.evaluation() == Evaluation.DROOLS) {
            SafetyReport report = org.safeguarding.rules.analysis.SafetyAnalyser.analyse(other);
            if (!report.safe()) {
                throw new IllegalStateException(new RuleSetException(report.problems()).getMessage());
            }
        }
        return new DecisionEngine(other, info, wording);
    }

    /**
     * The same proven tables with some contacts set from code, replacing the Contacts sheet's
     * values: one rule set, an engine per organisation (a school, a trust, a local authority with
     * its own children's services number). Decisions are the same; only the words that use those
     * contacts change, and the rule set's version still names the workbook. Nothing is read,
     * compiled or proven again: the engine holds only the texts that change (about a kilobyte, made
     * in microseconds; docs/performance.md), so an MIS can keep one per school. Called on an engine
     * that has contacts of its own, it keeps those it does not replace.
     *
     * @param contacts values by contact name, e.g. {@code Map.of("LOCAL_CHILDRENS_SERVICES", "0300 123 4567")}
     * @throws RuleSetException naming a setting that is not on the Contacts sheet, or is blank
     */
    public DecisionEngine withContacts(Map<String, String> contacts) throws RuleSetException {
        ContactWording own = ContactWording.of(decider.tables(), wording, Objects.requireNonNull(contacts, "contacts"));
        RuleSetInfo ownInfo = new RuleSetInfo(info.version(), info.sha256(), info.loadedAt(), info.tables(),
                own.setupWarnings(decider.tables().setupWarnings()));
        return new DecisionEngine(decider, ownInfo, own);
    }

    /** How this engine evaluates its tables. */
    public Evaluation evaluation() {
        return decider.evaluation();
    }

    /** Which tables this engine decides with. */
    public RuleSetInfo ruleSet() {
        return info;
    }
}
