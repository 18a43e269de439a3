package org.safeguarding.rules.api;

import org.safeguarding.rules.files.PackageCheck;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.io.IOException;
import java.nio.file.Path;


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
        return lower.contains(".drl.") || lower.endsWith(".xlsx") && hasRuleSheets(bytes);
    }

    /** The shipped rule workbook (safeguarding-rules.drl.xlsx), as a list: what {@code RuleSet.build} takes. */
    public static List<Workbook> bundled() {
        return List.of(bundled(BUNDLED_RULES));
    }

    /**
     * The {@code .xlsx} workbooks in a folder (rule workbooks, named {@code *.drl.xlsx}, and
     * scenario workbooks), or one workbook file.
     *
     * @throws IOException when the folder or a file cannot be read
     */
    public static List<Workbook> load(Path path) throws IOException {
        List<Workbook> workbooks = new java.util.ArrayList<>();
        if (java.nio.file.Files.isDirectory(path)) {
            List<Path> files;
            try (java.util.stream.Stream<Path> listed = java.nio.file.Files.list(path)) {
                files = listed.sorted().toList();
            }
            for (Path file : files) {
                if (isRuleWorkbook(file)) {
                    workbooks.add(read(file));
                }
            }
        } else {
            workbooks.add(read(path));
        }
        return workbooks;
    }

    /** The name of the shipped rule workbook. */
    public static final String BUNDLED_RULES = "safeguarding-rules.drl.xlsx";
    /** The name of the shipped scenario workbook. */
    public static final String BUNDLED_SCENARIOS = "scenarios.xlsx";
    /** The classpath folder of the shipped workbooks (module decision-tables). */
    private static final String BUNDLED_FOLDER = "org/safeguarding/tables/";
    /** The sheet that makes an .xlsx a rule workbook, whatever it is called. */
    private static final String RULE_SHEET = "Pathway";

    /** One shipped workbook by name ({@link #BUNDLED_RULES} or {@link #BUNDLED_SCENARIOS}), byte for byte. */
    public static Workbook bundled(String name) {
        try (java.io.InputStream in = Workbook.class.getClassLoader().getResourceAsStream(BUNDLED_FOLDER + name)) {
            if (in == null) {
                throw new IllegalStateException("The bundled tables are missing: put the decision-tables jar on the classpath");
            }
            return new Workbook(name, in.readAllBytes());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * A file in a folder is part of the rule set when its name has {@code .drl.} in it (so a
     * workbook saved as {@code .drl.xlsm} is found and refused rather than silently skipped), or it
     * is an {@code .xlsx} holding the rule sheets; lock files and other spreadsheets, such as
     * scenario workbooks, are not.
     */
    private static boolean isRuleWorkbook(Path file) throws IOException {
        String name = file.getFileName().toString();
        if (!java.nio.file.Files.isRegularFile(file) || name.startsWith("~$") || name.startsWith(".~lock")) {
            return false;
        }
        return name.toLowerCase(java.util.Locale.ROOT).contains(".drl.")
                || name.toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx") && read(file).isRuleWorkbook();
    }

    /**
     * Whether an .xlsx package lists a sheet named Pathway. Reads only the package's list of
     * sheets, at most 1 MB of it; anything unreadable is not one.
     */
    private static boolean hasRuleSheets(byte[] bytes) {
        try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(bytes))) {
            for (java.util.zip.ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().equals("xl/workbook.xml")) {
                    String xml = new String(zip.readNBytes(1 << 20), java.nio.charset.StandardCharsets.UTF_8);
                    return xml.contains("name=\"" + RULE_SHEET + "\"");
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            return false;
        }
        return false;
    }

    /** Reads at most one byte past the size limit, so an enormous file is refused without being loaded. */
    private static Workbook read(Path file) throws IOException {
        try (var in = java.nio.file.Files.newInputStream(file)) {
            return new Workbook(file.getFileName().toString(), in.readNBytes(PackageCheck.MAX_FILE_BYTES + 1));
        }
    }

    /**
     * Why this file cannot be read as a workbook at all, before anything in it is read: another
     * format (.ods, .xls, .csv, .numbers, a macro-enabled workbook), a password, a lock file, or
     * a file too large; each message says how to save it as an Excel workbook (.xlsx). Empty
     * when it may be opened (its contents are checked when it is read).
     */
    public Optional<String> formatRefusal() {
        return PackageCheck.refusal(name, bytes);
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
