package org.safeguarding.rules.api;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.io.IOException;
import java.nio.file.Path;

import org.safeguarding.rules.tables.Workbooks;

/**
 * A workbook's name and bytes, exactly as supplied. Reading never changes the bytes, so the
 * rule set version (a hash over them) names what a lead actually edited.
 */
public record Workbook(String name, byte[] bytes) {
    public Workbook {
        Objects.requireNonNull(name, "name");
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }


    /**
     * Whether this file is part of a rule set: its name has {@code .drl.} in it (so a rule
     * workbook saved as {@code .drl.xlsm} is still recognised, and refused), or it is an
     * {@code .xlsx} whose sheets include Pathway, whatever it is called (a browser names a second
     * download "safeguarding-rules.drl (1).xlsx"). Other spreadsheets, such as scenario
     * workbooks, are not.
     */
    public boolean isRuleWorkbook() {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        return lower.contains(".drl.") || lower.endsWith(".xlsx") && org.safeguarding.rules.tables.Workbooks.hasRuleSheets(bytes);
    }

    /** The shipped rule workbook (safeguarding-rules.drl.xlsx), as a list: what {@code RuleSet.build} takes. */
    public static List<Workbook> bundled() {
        return Workbooks.bundled();
    }

    /**
     * The {@code .xlsx} workbooks in a folder (rule workbooks, named {@code *.drl.xlsx}, and
     * scenario workbooks), or one workbook file.
     *
     * @throws IOException when the folder or a file cannot be read
     */
    public static List<Workbook> load(Path path) throws IOException {
        return Workbooks.load(path);
    }

    /** The name of the shipped rule workbook: {@value org.safeguarding.rules.tables.Workbooks#BUNDLED_RULES}. */
    public static final String BUNDLED_RULES = Workbooks.BUNDLED_RULES;
    /** The name of the shipped scenario workbook: {@value org.safeguarding.rules.tables.Workbooks#BUNDLED_SCENARIOS}. */
    public static final String BUNDLED_SCENARIOS = Workbooks.BUNDLED_SCENARIOS;

    /** One shipped workbook by name ({@link #BUNDLED_RULES} or {@link #BUNDLED_SCENARIOS}), byte for byte. */
    public static Workbook bundled(String name) {
        return new Workbook(name, Workbooks.bundledBytes(name));
    }

    /**
     * Why this file cannot be read as a workbook at all, before anything in it is read: another
     * format (.ods, .xls, .csv, .numbers, a macro-enabled workbook), a password, a lock file, or
     * a file too large; each message says how to save it as an Excel workbook (.xlsx). Empty
     * when it may be opened (its contents are checked when it is read).
     */
    public Optional<String> formatRefusal() {
        return org.safeguarding.rules.tables.PackageCheck.refusal(name, bytes);
    }

    /** The rule set version: SHA-256 over the workbooks' bytes, taken in name order. */
    public static String sha256Of(java.util.List<Workbook> workbooks) {
        MessageDigest digest = sha256();
        workbooks.stream().sorted(java.util.Comparator.comparing(Workbook::name)).forEach(w -> digest.update(w.bytes));
        return hex(digest.digest());
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }
}
