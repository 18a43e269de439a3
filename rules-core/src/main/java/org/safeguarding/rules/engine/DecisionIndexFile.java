package org.safeguarding.rules.engine;

import static org.safeguarding.rules.engine.IndexCodec.inflated;
import static org.safeguarding.rules.engine.IndexCodec.checkedCount;
import static org.safeguarding.rules.engine.IndexCodec.writeRow;
import static org.safeguarding.rules.engine.IndexCodec.readRow;
import static org.safeguarding.rules.engine.IndexCodec.writeMap;
import static org.safeguarding.rules.engine.IndexCodec.readVariants;
import static org.safeguarding.rules.engine.IndexCodec.readMap;
import static org.safeguarding.rules.engine.IndexCodec.writeString;
import static org.safeguarding.rules.engine.IndexCodec.readString;
import static org.safeguarding.rules.engine.IndexCodec.sha256;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.safeguarding.rules.api.ActionCode;
import org.safeguarding.rules.api.Fact;
import org.safeguarding.rules.api.Pathway;
import org.safeguarding.rules.api.Problem;
import org.safeguarding.rules.api.Role;
import org.safeguarding.rules.tables.QuestionText;
import org.safeguarding.rules.tables.RuleRow;
import org.safeguarding.rules.tables.RuleTables;
import org.safeguarding.rules.tables.SheetTemplate;
import org.safeguarding.rules.tables.TableTemplate;
import org.safeguarding.rules.api.Workbook;

/**
 * A built rule set saved as bytes: the checked tables and the decision index Drools filled in,
 * plus a proof section written by whoever proved it. Loading one needs neither POI nor Drools,
 * so a start takes milliseconds instead of seconds.
 *
 * <p>A file is trusted only when everything matches: the format, the product's template (facts,
 * their values, pathways, action codes, columns), the SHA-256 of the very workbooks it is loaded
 * with, the index's shape against the tables' rows, and a SHA-256 over the file itself. Anything
 * else, including a file from an older version of the product, reads as empty and the caller
 * rebuilds with Drools.
 */
public final class DecisionIndexFile {
    private static final int MAGIC = 0x53475249; // "SGRI"
    /** Raise when the layout below changes. */
    static final int FORMAT = 5; // 2: wordings for provisional decisions; 3: the Policy sheet; 4: the build that proved it; 5: texts as written, for contacts
    private static final List<SheetTemplate> SAVED_SHEETS = List.of(TableTemplate.PATHWAY, TableTemplate.ACTIONS,
            TableTemplate.QUESTIONS, TableTemplate.POLICY);
    private static final String TEMPLATE = templateFingerprint();

    private DecisionIndexFile() {
    }

    /** A decider loaded from a file, and the proof section saved with it. */
    public record Loaded(Decider decider, byte[] proof) {
    }

    /**
     * The decider's tables and index, with a proof section, as bytes.
     *
     * @throws IllegalArgumentException when the decider has no index (past its limits)
     */
    public static byte[] write(Decider decider, byte[] proof) {
        return write(decider, proof, BuildIdentity.current());
    }

    /** The same, recorded as made by another build: for tests that an index from elsewhere is not trusted. */
    static byte[] write(Decider decider, byte[] proof, String build) {
        DecisionIndex index = decider.index();
        if (index == null) {
            throw new IllegalArgumentException("This rule set has no decision index (past its limits): there is nothing to save");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
        RuleTables tables = decider.tables();
        try (DataOutputStream header = new DataOutputStream(bytes)) {
            header.writeInt(MAGIC);
            header.writeInt(FORMAT);
            writeString(header, TEMPLATE);
            writeString(header, build);
            writeString(header, tables.sha256());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        java.util.zip.Deflater deflater = new java.util.zip.Deflater(java.util.zip.Deflater.BEST_SPEED);
        try (DataOutputStream out = new DataOutputStream(new java.util.zip.DeflaterOutputStream(bytes, deflater, 1 << 16))) {
            out.writeInt(tables.workbooks().size());
            for (Workbook workbook : tables.workbooks()) {
                writeString(out, workbook.name());
            }
            for (SheetTemplate sheet : SAVED_SHEETS) {
                List<RuleRow> rows = tables.rows(sheet);
                out.writeInt(rows.size());
                for (RuleRow row : rows) {
                    writeRow(out, row);
                }
            }
            writeMap(out, tables.actionTexts());
            for (Map<Pathway, Map<ActionCode, String>> variants : List.of(tables.pathwayActionTexts(), tables.provisionalActionTexts())) {
                out.writeInt(variants.size());
                for (Map.Entry<Pathway, Map<ActionCode, String>> entry : variants.entrySet()) {
                    writeString(out, entry.getKey().name());
                    writeMap(out, entry.getValue());
                }
            }
            out.writeInt(tables.questionTexts().size());
            for (Map.Entry<Fact, QuestionText> entry : tables.questionTexts().entrySet()) {
                writeString(out, entry.getKey().name());
                writeString(out, entry.getValue().text());
                writeString(out, entry.getValue().why());
            }
            for (Pathway pathway : Pathway.values()) {
                writeString(out, tables.summary(pathway, false));
                writeString(out, tables.summary(pathway, true));
            }
            out.writeInt(tables.contacts().size());
            for (Map.Entry<String, String> entry : tables.contacts().entrySet()) {
                writeString(out, entry.getKey());
                writeString(out, entry.getValue());
            }
            out.writeInt(tables.contactTemplates().size());
            for (Map.Entry<String, List<String>> entry : tables.contactTemplates().entrySet()) {
                writeString(out, entry.getKey());
                out.writeInt(entry.getValue().size());
                for (String template : entry.getValue()) {
                    writeString(out, template);
                }
            }
            out.writeInt(tables.setupWarnings().size());
            for (Problem problem : tables.setupWarnings()) {
                writeString(out, problem.workbook());
                writeString(out, problem.sheet());
                writeString(out, problem.cell());
                writeString(out, problem.message());
            }
            List<DecisionIndex.IndexedRule> rules = index.rules();
            out.writeInt(rules.size());
            for (DecisionIndex.IndexedRule rule : rules) {
                out.writeInt(rule.fires().length);
                for (long word : rule.fires()) {
                    out.writeLong(word);
                }
            }
            PathwayTable pathways = decider.pathwayTableToSave();
            Map<String, Integer> rowIndex = new java.util.HashMap<>();
            tables.pathwayRows().forEach(row -> rowIndex.put(row.id(), rowIndex.size()));
            out.writeInt(pathways.parts().length);
            for (Decider.PathwayPart part : pathways.parts()) {
                out.writeByte(part.pathway() == null ? -1 : part.pathway().ordinal());
                out.writeBoolean(part.provisional());
                out.writeShort(part.reasons().length);
                for (org.safeguarding.rules.api.Reason reason : part.reasons()) {
                    out.writeShort(rowIndex.get(reason.rule()));
                }
            }
            out.writeInt(pathways.partOf().length);
            for (int part : pathways.partOf()) {
                out.writeInt(part);
            }
            out.writeInt(proof.length);
            out.write(proof);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deflater.end();
        }
        byte[] body = bytes.toByteArray();
        byte[] digest = sha256(body, body.length);
        byte[] file = Arrays.copyOf(body, body.length + digest.length);
        System.arraycopy(digest, 0, file, body.length, digest.length);
        return file;
    }

    /**
     * Whether a file is an index of this format made by another build of the product: the one
     * reason a good file is not trusted that an operator should hear about (it is proven again).
     */
    public static boolean madeByAnotherBuild(byte[] file) {
        try (DataInputStream header = new DataInputStream(new java.io.ByteArrayInputStream(file))) {
            return header.readInt() == MAGIC && header.readInt() == FORMAT && readString(header).equals(TEMPLATE)
                    && !readString(header).equals(BuildIdentity.current());
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * The decider saved in a file, on these workbooks; empty when the file does not match them,
     * this version of the product, or itself.
     */
    public static Optional<Loaded> read(byte[] file, List<Workbook> workbooks) {
        if (file.length < 40 || !Arrays.equals(sha256(file, file.length - 32), Arrays.copyOfRange(file, file.length - 32, file.length))) {
            return Optional.empty();
        }
        java.io.ByteArrayInputStream source = new java.io.ByteArrayInputStream(file, 0, file.length - 32);
        try (DataInputStream header = new DataInputStream(source)) {
            if (header.readInt() != MAGIC || header.readInt() != FORMAT || !readString(header).equals(TEMPLATE)
                    || !readString(header).equals(BuildIdentity.current())) {
                return Optional.empty();
            }
            String sha256 = readString(header);
            if (!sha256.equals(Workbook.sha256Of(workbooks))) {
                return Optional.empty();
            }
            int body = file.length - 32 - source.available();
            DataInputStream in = new DataInputStream(inflated(file, body, file.length - 32));
            int names = in.readInt();
            List<String> saved = new ArrayList<>();
            for (int i = 0; i < names; i++) {
                saved.add(readString(in));
            }
            if (!saved.equals(workbooks.stream().map(Workbook::name).toList())) {
                return Optional.empty();
            }
            Map<SheetTemplate, List<RuleRow>> rows = new LinkedHashMap<>();
            for (SheetTemplate sheet : SAVED_SHEETS) {
                int count = checkedCount(in.readInt());
                List<RuleRow> list = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    list.add(readRow(in, sheet));
                }
                rows.put(sheet, list);
            }
            Map<ActionCode, String> actionTexts = readMap(in);
            Map<Pathway, Map<ActionCode, String>> pathwayTexts = readVariants(in);
            Map<Pathway, Map<ActionCode, String>> provisionalTexts = readVariants(in);
            Map<Fact, QuestionText> questionTexts = new LinkedHashMap<>();
            int questionCount = in.readInt();
            for (int i = 0; i < questionCount; i++) {
                questionTexts.put(Fact.valueOf(readString(in)), new QuestionText(readString(in), readString(in)));
            }
            Map<Pathway, Map<Boolean, String>> summaries = new EnumMap<>(Pathway.class);
            for (Pathway pathway : Pathway.values()) {
                summaries.put(pathway, Map.of(false, readString(in), true, readString(in)));
            }
            Map<String, String> contacts = new LinkedHashMap<>();
            int contactCount = in.readInt();
            for (int i = 0; i < contactCount; i++) {
                contacts.put(readString(in), readString(in));
            }
            Map<String, List<String>> contactTemplates = new LinkedHashMap<>();
            int templateCount = checkedCount(in.readInt());
            for (int i = 0; i < templateCount; i++) {
                String filled = readString(in);
                List<String> templates = new ArrayList<>();
                int n = checkedCount(in.readInt());
                for (int t = 0; t < n; t++) {
                    templates.add(readString(in));
                }
                contactTemplates.put(filled, List.copyOf(templates));
            }
            List<Problem> warnings = new ArrayList<>();
            int warningCount = in.readInt();
            for (int i = 0; i < warningCount; i++) {
                warnings.add(new Problem(readString(in), readString(in), readString(in), readString(in)));
            }
            RuleTables tables = new RuleTables(List.copyOf(workbooks), rows.get(TableTemplate.PATHWAY), rows.get(TableTemplate.ACTIONS),
                    rows.get(TableTemplate.QUESTIONS), rows.get(TableTemplate.POLICY), java.util.Collections.unmodifiableMap(actionTexts), pathwayTexts, provisionalTexts,
                    java.util.Collections.unmodifiableMap(questionTexts), summaries, contacts, contactTemplates, sha256, warnings, Map.of(),
                    Map.of());
            int ruleCount = checkedCount(in.readInt());
            List<long[]> fires = new ArrayList<>(ruleCount);
            for (int i = 0; i < ruleCount; i++) {
                long[] words = new long[checkedCount(in.readInt())];
                for (int w = 0; w < words.length; w++) {
                    words[w] = in.readLong();
                }
                fires.add(words);
            }
            Decider.PathwayPart[] parts = new Decider.PathwayPart[checkedCount(in.readInt())];
            Pathway[] pathways = Pathway.values();
            // Only the row is saved: the decider puts its own reason for that rule in its place. One placeholder per row.
            org.safeguarding.rules.api.Reason[] rowReasons = tables.pathwayRows().stream()
                    .map(row -> new org.safeguarding.rules.api.Reason(row.id(), "", "", "")).toArray(org.safeguarding.rules.api.Reason[]::new);
            for (int i = 0; i < parts.length; i++) {
                int pathway = in.readByte();
                boolean provisional = in.readBoolean();
                org.safeguarding.rules.api.Reason[] reasons = new org.safeguarding.rules.api.Reason[in.readShort()];
                for (int r = 0; r < reasons.length; r++) {
                    reasons[r] = rowReasons[in.readShort()];
                }
                parts[i] = new Decider.PathwayPart(pathway < 0 ? null : pathways[pathway], provisional, reasons);
            }
            int[] partOf = new int[checkedCount(in.readInt())];
            byte[] raw = new byte[partOf.length * Integer.BYTES];
            in.readFully(raw);
            java.nio.ByteBuffer.wrap(raw).asIntBuffer().get(partOf); // big-endian, as DataOutputStream wrote them
            byte[] proof = new byte[checkedCount(in.readInt())];
            in.readFully(proof);
            if (in.read() != -1) {
                return Optional.empty();
            }
            return Decider.restore(tables, fires, new PathwayTable(partOf, parts)).map(decider -> new Loaded(decider, proof));
        } catch (IOException | RuntimeException e) {
            // A file that matched its own hash but does not parse was written by something else: never trusted.
            return Optional.empty();
        }
    }

    /** What the index's meaning depends on besides the workbooks: a new fact or value makes old files stale. */
    private static String templateFingerprint() {
        StringBuilder text = new StringBuilder();
        for (Fact fact : Fact.values()) {
            text.append(fact.name()).append(fact.domain()).append(';');
        }
        text.append(Arrays.toString(Pathway.values())).append(Arrays.toString(ActionCode.values())).append(Arrays.toString(Role.values()));
        for (SheetTemplate sheet : SAVED_SHEETS) {
            text.append(sheet);
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        return HexFormat.of().formatHex(sha256(bytes, bytes.length));
    }
}
