package org.safeguarding.rules.files;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Looks inside an .xlsx file (a zip package) before any spreadsheet library parses it, so
 * that hostile or unsuitable files are refused cheaply and with a plain reason: too large,
 * a zip bomb, active content (macros, external links, data connections, web queries, ActiveX,
 * embedded objects), password protection, or not a workbook at all. The package is read through
 * its central directory, as Excel and LibreOffice read it, and refused unless the entries a
 * streaming reader sees are exactly those (see {@link ZipDirectory}): what a lead opens is what
 * was checked and proven.
 */
public final class PackageCheck {
    /** Largest workbook file accepted. The shipped workbook is about 25 KB. */
    public static final int MAX_FILE_BYTES = 5 * 1024 * 1024;
    /** Most the parts of one workbook may expand to, in total. */
    static final long MAX_EXPANDED_BYTES = 20L * 1024 * 1024;
    /** Most parts (files) one workbook package may hold. */
    static final int MAX_PARTS = 1_000;

    private static final byte[] OLE2_SIGNATURE = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};

    /** How to get an .xlsx from the programs leads use, appended to every refusal of a file's format. */
    public static final String HOW_TO_SAVE = " In Excel: File > Save As, and choose 'Excel Workbook (*.xlsx)'. In LibreOffice Calc: "
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
        ZipDirectory.Result directory = ZipDirectory.read(bytes);
        if (directory.refusal().isPresent() && directory.refusal().get().equals(ZipDirectory.NOT_A_ZIP)) {
            return Optional.of("This file is not a valid Excel workbook (.xlsx). Open it in Excel or LibreOffice and save it as "
                    + "'Excel Workbook (.xlsx)'." + HOW_TO_SAVE);
        }
        if (directory.refusal().isPresent()) {
            return Optional.of("This file is not a clean Excel workbook: " + directory.refusal().get() + ". A spreadsheet program "
                    + "could show other content than the one checked here, so it is refused. Open it in Excel or LibreOffice and save "
                    + "it again as 'Excel Workbook (.xlsx)'." + HOW_TO_SAVE);
        }
        if (directory.parts().size() > MAX_PARTS) {
            return Optional.of("The workbook holds more than " + MAX_PARTS + " parts. Save a clean copy from the shipped workbook.");
        }
        for (ZipDirectory.Part part : directory.parts()) {
            Optional<String> active = activeContent(part.name().toLowerCase(Locale.ROOT));
            if (active.isPresent()) {
                return active;
            }
        }
        long expanded = 0;
        int parts = 0;
        byte[] buffer = new byte[8192];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                parts++;
                String part = entry.getName().toLowerCase(Locale.ROOT);
                boolean inspect = part.endsWith(".rels") || part.equals("[content_types].xml");
                java.io.ByteArrayOutputStream text = inspect ? new java.io.ByteArrayOutputStream() : null;
                for (int read = zip.read(buffer); read > 0; read = zip.read(buffer)) {
                    expanded += read;
                    if (expanded > MAX_EXPANDED_BYTES) {
                        return Optional.of("The workbook expands to more than " + MAX_EXPANDED_BYTES / 1024 / 1024
                                + " MB when opened (a 'zip bomb' or an enormous sheet). It is refused.");
                    }
                    if (text != null && text.size() < 1024 * 1024) {
                        text.write(buffer, 0, read);
                    }
                }
                if (text != null) {
                    Optional<String> active = activeLinks(part, text.toString(java.nio.charset.StandardCharsets.UTF_8));
                    if (active.isPresent()) {
                        return active;
                    }
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            return Optional.of("This file is not a valid Excel workbook (.xlsx). Open it in Excel or LibreOffice and save it as "
                    + "'Excel Workbook (.xlsx)'." + HOW_TO_SAVE);
        }
        if (parts != directory.parts().size()) {
            return Optional.of("This file is not a clean Excel workbook: its parts and its zip directory disagree. Open it in Excel "
                    + "or LibreOffice and save it again as 'Excel Workbook (.xlsx)'." + HOW_TO_SAVE);
        }
        if (parts == 0) {
            return Optional.of("This file is not a valid Excel workbook (.xlsx). Open it in Excel or LibreOffice and save it as "
                    + "'Excel Workbook (.xlsx)'." + HOW_TO_SAVE);
        }
        return Optional.empty();
    }

    /** A part that is active content, named as a lead would find it. */
    private static Optional<String> activeContent(String part) {
        if (part.endsWith("vbaproject.bin") || part.contains("vbadata") || part.startsWith("customui/")) {
            return Optional.of("The workbook contains macros. Macros are never accepted: save it as 'Excel Workbook (.xlsx)'." + HOW_TO_SAVE);
        }
        if (part.startsWith("xl/externallinks/")) {
            return Optional.of("The workbook links to other files (external links). Break the links (Data > Edit Links) so every value is in this workbook.");
        }
        if (part.equals("xl/connections.xml") || part.startsWith("xl/querytables/")) {
            return Optional.of("The workbook has a data connection or web query that could fetch content when it is opened. Remove it "
                    + "(Data > Queries & Connections in Excel; Edit > Links or Sheet > Link to External Data in LibreOffice) and save again.");
        }
        if (part.startsWith("xl/activex/") || part.startsWith("xl/embeddings/") || part.startsWith("xl/ctrlprops/")) {
            return Optional.of("The workbook contains an embedded object or control (ActiveX, OLE object or form control). Delete it: "
                    + "the tables hold text only.");
        }
        return Optional.empty();
    }

    /** Relationships to outside the file (other than plain hyperlinks) and macro-enabled content types. */
    private static Optional<String> activeLinks(String part, String xml) {
        if (part.equals("[content_types].xml")) {
            return xml.toLowerCase(Locale.ROOT).contains("macroenabled") || xml.contains("vbaProject")
                    ? Optional.of("The workbook is declared macro-enabled. Macros are never accepted: save it as 'Excel Workbook (.xlsx)'." + HOW_TO_SAVE)
                    : Optional.empty();
        }
        java.util.regex.Matcher relationship = RELATIONSHIP.matcher(xml);
        while (relationship.find()) {
            String element = relationship.group();
            if (element.contains("TargetMode=\"External\"") && !element.matches("(?s).*Type=\"[^\"]*/hyperlink\".*")) {
                return Optional.of("The workbook links to something outside the file (in " + part + "). Remove the link so every "
                        + "value is in this workbook.");
            }
        }
        return Optional.empty();
    }

    private static final java.util.regex.Pattern RELATIONSHIP = java.util.regex.Pattern.compile("<(\\w+:)?Relationship\\b[^>]*>");

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
