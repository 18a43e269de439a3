package org.safeguarding.rules.tables;

import org.safeguarding.rules.api.Workbook;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Looks inside an .xlsx file (a zip package) before any spreadsheet library parses it, so
 * that hostile or unsuitable files are refused cheaply and with a plain reason: too large,
 * a zip bomb, macros, external links, password protection, or not a workbook at all.
 */
public final class PackageCheck {
    /** Largest workbook file accepted. The shipped workbook is about 25 KB. */
    static final int MAX_FILE_BYTES = 5 * 1024 * 1024;
    /** Most the parts of one workbook may expand to, in total. */
    static final long MAX_EXPANDED_BYTES = 20L * 1024 * 1024;
    /** Most parts (files) one workbook package may hold. */
    static final int MAX_PARTS = 1_000;

    private static final byte[] OLE2_SIGNATURE = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};

    /** How to get an .xlsx from the programs leads use, appended to every refusal of a file's format. */
    static final String HOW_TO_SAVE = " In Excel: File > Save As, and choose 'Excel Workbook (*.xlsx)'. In LibreOffice Calc: "
            + "File > Save As, choose the file type 'Excel 2007-365 (.xlsx)', and when asked, 'Use Excel 2007-365!'. From an "
            + "online spreadsheet: File > Download > 'Microsoft Excel (.xlsx)'.";

    private PackageCheck() {
    }

    /** Why the file must be refused, or empty when it may be opened. */
    public static Optional<String> refusal(String name, byte[] bytes) {
        String lower = name.toLowerCase(Locale.ROOT);
        String fileName = lower.substring(Math.max(lower.lastIndexOf('/'), lower.lastIndexOf('\\')) + 1);
        if (fileName.startsWith("~$") || fileName.startsWith(".~lock")) {
            return Optional.of("This is the lock file Excel or LibreOffice keeps while the workbook is open, not the workbook itself. "
                    + "Upload the workbook (e.g. safeguarding-rules.drl.xlsx), not the file whose name starts with '~$' or '.~lock'.");
        }
        if (lower.endsWith(".xlsm") || lower.endsWith(".xltm")) {
            return Optional.of("This is a macro-enabled workbook. Macros are never accepted: save it as 'Excel Workbook (.xlsx)'." + HOW_TO_SAVE);
        }
        if (!lower.endsWith(".xlsx")) {
            return Optional.of("Only .xlsx workbooks are accepted. Save it as 'Excel Workbook (.xlsx)'." + HOW_TO_SAVE);
        }
        if (bytes.length > MAX_FILE_BYTES) {
            return Optional.of("The file is larger than " + MAX_FILE_BYTES / 1024 / 1024
                    + " MB, the limit. A decision table workbook is far smaller: remove images or extra content.");
        }
        if (startsWith(bytes, OLE2_SIGNATURE)) {
            return Optional.of("This file is password-protected or an old-style .xls workbook. Remove the password (in Excel: "
                    + "File > Info > Protect Workbook > Encrypt with Password, and clear it; in LibreOffice Calc: File > Save As "
                    + "with 'Save with password' unticked) and save it as 'Excel Workbook (.xlsx)'." + HOW_TO_SAVE);
        }
        long expanded = 0;
        int parts = 0;
        byte[] buffer = new byte[8192];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (++parts > MAX_PARTS) {
                    return Optional.of("The workbook holds more than " + MAX_PARTS + " parts. Save a clean copy from the shipped workbook.");
                }
                String part = entry.getName().toLowerCase(Locale.ROOT);
                if (part.endsWith("vbaproject.bin")) {
                    return Optional.of("The workbook contains macros. Macros are never accepted: save it as 'Excel Workbook (.xlsx)'." + HOW_TO_SAVE);
                }
                if (part.startsWith("xl/externallinks/")) {
                    return Optional.of("The workbook links to other files (external links). Break the links (Data > Edit Links) so every value is in this workbook.");
                }
                for (int read = zip.read(buffer); read > 0; read = zip.read(buffer)) {
                    expanded += read;
                    if (expanded > MAX_EXPANDED_BYTES) {
                        return Optional.of("The workbook expands to more than " + MAX_EXPANDED_BYTES / 1024 / 1024
                                + " MB when opened (a 'zip bomb' or an enormous sheet). It is refused.");
                    }
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            return Optional.of("This file is not a valid Excel workbook (.xlsx). Open it in Excel or LibreOffice and save it as "
                    + "'Excel Workbook (.xlsx)'." + HOW_TO_SAVE);
        }
        if (parts == 0) {
            return Optional.of("This file is not a valid Excel workbook (.xlsx). Open it in Excel or LibreOffice and save it as "
                    + "'Excel Workbook (.xlsx)'." + HOW_TO_SAVE);
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
