package org.safeguarding.rules.rulesets;

import org.safeguarding.rules.Scenarios;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jboss.logging.Logger;
import org.safeguarding.rules.api.Problem;
import org.safeguarding.rules.RuleSet;
import org.safeguarding.rules.api.Scenario;
import org.safeguarding.rules.api.Workbook;
import org.safeguarding.rules.json.tree.ReviewJson;
import org.safeguarding.rules.store.RuleSetStore;
import org.safeguarding.rules.store.StoredVersion;

/**
 * Checks uploaded workbooks (template, compile, safety, scenarios, impact against the active
 * version) and stores them as a candidate with the report. Files whose name has {@code .drl.} are
 * the rule set; other {@code .xlsx} files are scenario workbooks run with the shipped one.
 */
final class Candidates {
    private static final Logger LOG = Logger.getLogger(Candidates.class);
    static final int MAX_STORED_PROBLEMS = 200;

    private final LoadedRuleSets loaded;
    private final int maxFailedVersions;

    Candidates(LoadedRuleSets loaded, int maxFailedVersions) {
        this.loaded = loaded;
        this.maxFailedVersions = maxFailedVersions;
    }

    /**
     * Checks and stores; {@code proven} is the rule set already built and proven (the shipped
     * tables at first start), whose scenarios alone run here.
     */
    StoredVersion check(List<Workbook> files, String uploadedBy, String note, Optional<RuleSet> proven, Optional<RuleSet> live,
                        RuleSetStore store) throws IOException {
        List<Workbook> workbooks = new ArrayList<>();
        List<Scenario> scenarios = new ArrayList<>(Scenarios.bundled());
        List<Problem> scenarioProblems = new ArrayList<>();
        for (Workbook file : files) {
            if (file.isRuleWorkbook()) {
                workbooks.add(file);
            } else {
                Scenario.Read read = Scenarios.read(file);
                scenarios.addAll(read.scenarios());
                scenarioProblems.addAll(read.problems());
            }
        }
        RuleSet.Review outcome = proven.isPresent() ? proven.get().review(scenarios, live) : RuleSet.review(workbooks, scenarios, live);
        ObjectNode report = ReviewJson.toJson(outcome.report());
        boolean passed = outcome.report().passed() && scenarioProblems.isEmpty() && !workbooks.isEmpty();
        if (!scenarioProblems.isEmpty()) {
            report.withArray("problems").addAll(ReviewJson.problems(scenarioProblems));
            report.put("passed", false);
        }
        String sha = Workbook.sha256Of(workbooks);
        Optional<StoredVersion> existing = store.read(sha);
        if (existing.isPresent() && (existing.get().passed() != passed || !passed)) {
            // The same bytes are stored already, but this upload checks differently (e.g. under a refused
            // file name), or failed again (perhaps with other scenario files, or none at all): answer with
            // this upload's own report, never an earlier one, and leave the stored version as it is.
            LOG.infof("Rule set %s uploaded again: %s", sha.substring(0, 12), passed ? "passed" : "failed its checks");
            return new StoredVersion(sha, uploadedBy, Instant.now(), passed, report, note);
        }
        if (!passed) {
            capProblems(report);
        }
        // A failed version can never be activated: its report is kept for the lead, its files are not.
        StoredVersion stored = store.save(sha, passed ? files : List.of(), uploadedBy, Instant.now(), passed, report, note);
        if (!passed) {
            store.pruneFailed(maxFailedVersions);
        }
        if (stored.passed() && outcome.passed().isPresent()) {
            loaded.keep(stored.sha256(), outcome.passed().get(), store);
        }
        LOG.infof("Rule set %s uploaded: %s", sha.substring(0, 12), passed ? "passed its checks" : "failed its checks");
        return stored;
    }

    /** The tables the service is started with (the shipped ones, or safeguarding.tables.path), checked and stored. */
    StoredVersion starting(Optional<java.nio.file.Path> initialTables, RuleSetStore store) throws IOException {
        // The shipped tables were built and proven when the library was: only their scenarios run here.
        Optional<RuleSet> proven = initialTables.isPresent() ? Optional.empty() : Optional.of(RuleSet.bundled());
        List<Workbook> workbooks = initialTables.isPresent() ? Workbook.load(initialTables.get()) : Workbook.bundled();
        StoredVersion first = check(workbooks, initialTables.isPresent() ? "safeguarding.tables.path" : "bundled",
                "The tables the service started with.", proven, Optional.empty(), store);
        if (!first.passed()) {
            throw new IllegalStateException("The initial tables fail their checks; the service will not start on them");
        }
        return first;
    }

    /** A workbook can have thousands of broken cells: the stored report keeps the first ones and says how many more. */
    private static void capProblems(ObjectNode report) {
        JsonNode problems = report.get("problems");
        if (problems instanceof ArrayNode array && array.size() > MAX_STORED_PROBLEMS) {
            int more = array.size() - MAX_STORED_PROBLEMS;
            while (array.size() > MAX_STORED_PROBLEMS) {
                array.remove(array.size() - 1);
            }
            report.put("problemsNotShown", more);
        }
    }
}
