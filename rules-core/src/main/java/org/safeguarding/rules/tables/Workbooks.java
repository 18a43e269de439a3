package org.safeguarding.rules.tables;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds a rule set's workbooks: a single file, or every file in a folder whose name has
 * {@code .drl.} in it (so a workbook saved as {@code .drl.xlsm} is found and refused rather
 * than silently skipped). Other spreadsheets in the folder, such as scenario workbooks, are not
 * part of the rule set.
 */
public final class Workbooks {
    private Workbooks() {
    }

    public static List<Workbook> load(Path path) throws IOException {
        List<Workbook> workbooks = new ArrayList<>();
        if (Files.isDirectory(path)) {
            try (Stream<Path> files = Files.list(path)) {
                for (Path file : files.filter(Workbooks::isRuleWorkbook).sorted().toList()) {
                    workbooks.add(read(file));
                }
            }
        } else {
            workbooks.add(read(path));
        }
        return workbooks;
    }

    static boolean isRuleWorkbook(Path file) {
        String name = file.getFileName().toString();
        return Files.isRegularFile(file) && new Workbook(name, new byte[0]).isRuleWorkbook()
                && !name.startsWith("~$") && !name.startsWith(".~lock");
    }

    /** Reads at most one byte past the size limit, so an enormous file is refused without being loaded. */
    private static Workbook read(Path file) throws IOException {
        try (var in = Files.newInputStream(file)) {
            return new Workbook(file.getFileName().toString(), in.readNBytes(PackageCheck.MAX_FILE_BYTES + 1));
        }
    }
}
