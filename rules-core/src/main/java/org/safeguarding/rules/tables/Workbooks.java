package org.safeguarding.rules.tables;

import org.safeguarding.rules.api.Workbook;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds a rule set's workbooks: a single file, or every file in a folder whose name has
 * {@code .drl.} in it (so a workbook saved as {@code .drl.xlsm} is found and refused rather
 * than silently skipped), or any other {@code .xlsx} holding the rule sheets. Other
 * spreadsheets in the folder, such as scenario workbooks, are not part of the rule set.
 */
public final class Workbooks {
    private Workbooks() {
    }

    public static List<Workbook> load(Path path) throws IOException {
        List<Workbook> workbooks = new ArrayList<>();
        if (Files.isDirectory(path)) {
            List<Path> files;
            try (Stream<Path> listed = Files.list(path)) {
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

    /** The classpath folder of the shipped workbooks (module decision-tables). */
    public static final String BUNDLED_FOLDER = "org/safeguarding/tables/";
    public static final String BUNDLED_RULES = "safeguarding-rules.drl.xlsx";
    public static final String BUNDLED_SCENARIOS = "scenarios.xlsx";

    /** The shipped rule workbook, as bytes. */
    public static List<Workbook> bundled() {
        return List.of(new Workbook(BUNDLED_RULES, bundledBytes(BUNDLED_RULES)));
    }

    /** A shipped file from the decision-tables jar. */
    public static byte[] bundledBytes(String name) {
        try (java.io.InputStream in = Workbooks.class.getClassLoader().getResourceAsStream(BUNDLED_FOLDER + name)) {
            if (in == null) {
                throw new IllegalStateException("The bundled tables are missing: put the decision-tables jar on the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static boolean isRuleWorkbook(Path file) throws IOException {
        String name = file.getFileName().toString();
        if (!Files.isRegularFile(file) || name.startsWith("~$") || name.startsWith(".~lock")) {
            return false;
        }
        return name.toLowerCase(java.util.Locale.ROOT).contains(".drl.")
                || name.toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx") && read(file).isRuleWorkbook();
    }

    /**
     * Whether an .xlsx package lists a sheet named Pathway: a rule workbook, whatever its file is
     * called ("safeguarding-rules.drl (1).xlsx" is what a browser names a second download). Reads
     * only the package's list of sheets, at most 1 MB of it; anything unreadable is not one.
     */
    public static boolean hasRuleSheets(byte[] bytes) {
        try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(bytes))) {
            for (java.util.zip.ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().equals("xl/workbook.xml")) {
                    String xml = new String(zip.readNBytes(1 << 20), java.nio.charset.StandardCharsets.UTF_8);
                    return xml.contains("name=\"" + TableTemplate.PATHWAY.sheetName() + "\"");
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            return false;
        }
        return false;
    }

    /** Reads at most one byte past the size limit, so an enormous file is refused without being loaded. */
    private static Workbook read(Path file) throws IOException {
        try (var in = Files.newInputStream(file)) {
            return new Workbook(file.getFileName().toString(), in.readNBytes(PackageCheck.MAX_FILE_BYTES + 1));
        }
    }
}
