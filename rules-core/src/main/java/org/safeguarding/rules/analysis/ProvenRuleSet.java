package org.safeguarding.rules.analysis;

import org.safeguarding.rules.api.SafetyReport;
import org.safeguarding.rules.api.SafetyFinding;
import org.safeguarding.rules.api.HygieneFinding;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.safeguarding.rules.engine.Decider;
import org.safeguarding.rules.engine.DecisionIndexFile;
import org.safeguarding.rules.engine.RuleSetBuilder;
import org.safeguarding.rules.scenarios.ScenarioFile;
import org.safeguarding.rules.api.ScenarioResult;
import org.safeguarding.rules.scenarios.ScenarioRunner;
import org.safeguarding.rules.scenarios.ScenarioWorkbook;
import org.safeguarding.rules.api.Workbook;

/**
 * A rule set built with Drools and proven safe over its decision index, which can be saved and
 * loaded again without either: the service keeps one beside each stored version, and the
 * bundled tables' one is made at build time and shipped in this jar.
 */
public record ProvenRuleSet(Decider decider, SafetyReport safety) {
    /** Where the shipped tables' proven index sits on the classpath (written by {@link #main}). */
    static final String BUNDLED_INDEX = "org/safeguarding/rules/bundled-tables.index";

    public ProvenRuleSet {
        if (!safety.safe()) {
            throw new IllegalArgumentException("Only a rule set proven safe is a ProvenRuleSet");
        }
    }

    /** Proves a decider's tables; empty with the report's findings when they are not safe. */
    public static Optional<ProvenRuleSet> prove(Decider decider) {
        SafetyReport safety = SafetyAnalyser.analyse(decider);
        return safety.safe() ? Optional.of(new ProvenRuleSet(decider, safety)) : Optional.empty();
    }

    /** The tables, their index and this proof, for {@link #fromBytes}. */
    public byte[] toBytes() {
        ByteArrayOutputStream proof = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(proof)) {
            out.writeLong(safety.pathwayCombinations());
            out.writeLong(safety.actionCombinations());
            out.writeInt(safety.hygiene().size());
            for (HygieneFinding finding : safety.hygiene()) {
                out.writeUTF(finding.kind().name());
                out.writeUTF(finding.rule().workbook());
                out.writeUTF(finding.rule().sheet());
                out.writeInt(finding.rule().row());
                out.writeUTF(finding.rule().id());
                out.writeUTF(finding.message());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return DecisionIndexFile.write(decider, proof.toByteArray());
    }

    /**
     * The proven rule set saved for exactly these workbooks by this version of the product;
     * empty for anything else, and the caller builds and proves the workbooks again.
     */
    public static Optional<ProvenRuleSet> fromBytes(byte[] file, List<Workbook> workbooks) {
        return DecisionIndexFile.read(file, workbooks).flatMap(loaded -> {
            try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(loaded.proof()))) {
                long pathwayCombinations = in.readLong();
                long actionCombinations = in.readLong();
                int count = in.readInt();
                List<HygieneFinding> hygiene = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    HygieneFinding.Kind kind = HygieneFinding.Kind.valueOf(in.readUTF());
                    SafetyFinding.RuleLocation rule = new SafetyFinding.RuleLocation(in.readUTF(), in.readUTF(), in.readInt(), in.readUTF());
                    hygiene.add(new HygieneFinding(kind, rule, in.readUTF()));
                }
                SafetyReport safety = new SafetyReport(pathwayCombinations, actionCombinations, List.of(), hygiene);
                return Optional.of(new ProvenRuleSet(loaded.decider(), safety));
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        });
    }

    /**
     * The shipped tables, loaded from the index proven at build time; empty when the
     * decision-tables jar on the classpath is not the one it was built from.
     */
    public static Optional<ProvenRuleSet> bundled() {
        try (InputStream in = ProvenRuleSet.class.getClassLoader().getResourceAsStream(BUNDLED_INDEX)) {
            return in == null ? Optional.empty() : fromBytes(in.readAllBytes(), Workbook.bundled());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Build time (rules-core's pom): records this build's identity over the compiled classes, builds the shipped tables with Drools, proves them and writes
     * the index; reads the shipped scenarios, runs them (the build fails if one fails) and saves them.
     */
    public static void main(String[] args) throws IOException {
        // First, before anything reads it: this build's identity, over the classes just compiled.
        Path identity = Path.of(args[0]).resolve(org.safeguarding.rules.engine.BuildIdentity.RESOURCE);
        Files.createDirectories(identity.getParent());
        Files.writeString(identity, org.safeguarding.rules.engine.BuildIdentity.of(Path.of(args[0])));
        RuleSetBuilder.Result built = RuleSetBuilder.build(Workbook.bundled());
        Decider decider = built.decider().orElseThrow(() -> new IllegalStateException("The bundled tables are invalid: " + built.problems()));
        ProvenRuleSet proven = prove(decider).orElseThrow(() -> new IllegalStateException(
                "The bundled tables are not safe: " + SafetyAnalyser.analyse(decider).problems()));
        Path target = Path.of(args[0]).resolve(BUNDLED_INDEX);
        Files.createDirectories(target.getParent());
        Files.write(target, proven.toBytes());
        byte[] workbook = Workbook.bundled(Workbook.BUNDLED_SCENARIOS).bytes();
        ScenarioWorkbook.Result scenarios = ScenarioWorkbook.read(Workbook.BUNDLED_SCENARIOS, workbook);
        List<ScenarioResult> failed = ScenarioRunner.run(decider::decide, scenarios.scenarios()).stream().filter(r -> !r.passed()).toList();
        if (!scenarios.problems().isEmpty() || !failed.isEmpty()) {
            throw new IllegalStateException("The shipped scenarios do not pass: " + scenarios.problems() + " " + failed);
        }
        Files.write(Path.of(args[0]).resolve(ScenarioFile.BUNDLED), ScenarioFile.write(scenarios.scenarios(), workbook));
    }
}
