package org.safeguarding.rules.tables;

import org.safeguarding.rules.files.PackageCheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.safeguarding.rules.api.Problem;
import org.safeguarding.rules.api.Workbook;

/**
 * The workbook a lead reviews is the workbook that was proven (safety property 13): a package
 * that Excel or LibreOffice (reading the central directory) could open differently from the
 * checks (reading entries in order) is refused, so is active content anywhere in it, and rows,
 * columns and cells that show nothing count as hidden.
 */
class HostilePackagesTest {
    private static final String NAME = EditedWorkbook.NAME;
    private static final byte[] SHIPPED = EditedWorkbook.shippedBytes();

    private static Optional<String> refusal(byte[] bytes) {
        return PackageCheck.refusal(NAME, bytes);
    }

    @Test
    void the_shipped_workbook_and_files_saved_by_libreoffice_pass() throws IOException {
        assertThat(refusal(SHIPPED)).isEmpty();
        assertThat(refusal(EditedWorkbook.ofShipped().set("Contacts", "B5", "0300 555 0199").bytes())).isEmpty();
        for (String fixture : List.of("local-number.drl.xlsx", "unsafe-text.drl.xlsx", "with-error.drl.xlsx")) {
            Path path = Path.of("..", "e2e", "fixtures", fixture);
            assertThat(refusal(Files.readAllBytes(path))).as(fixture).isEmpty();
        }
    }

    @Test
    void bytes_after_the_directory_or_before_the_first_part_are_refused() {
        byte[] after = Arrays.copyOf(SHIPPED, SHIPPED.length + 5);
        assertThat(refusal(after)).get().asString().contains("not a clean Excel workbook");
        byte[] before = new byte[SHIPPED.length + 7];
        System.arraycopy(SHIPPED, 0, before, 7, SHIPPED.length);
        assertThat(refusal(before)).get().asString().contains("not a clean Excel workbook");
    }

    @Test
    void a_second_directory_planted_behind_the_first_is_refused() throws IOException {
        // A whole second package with a macro project after the first: unzip and Excel read the last directory.
        byte[] planted = zip(Map.of("xl/vbaProject.bin", "macro".getBytes(StandardCharsets.UTF_8)));
        byte[] both = Arrays.copyOf(SHIPPED, SHIPPED.length + planted.length);
        System.arraycopy(planted, 0, both, SHIPPED.length, planted.length);
        assertThat(refusal(both)).get().asString().contains("not a clean Excel workbook");
    }

    @Test
    void a_local_entry_named_otherwise_than_its_directory_record_is_refused() {
        byte[] bytes = SHIPPED.clone();
        // The first local header's name starts at byte 30: change one letter of it only there.
        bytes[30] = (byte) (bytes[30] == 'x' ? 'y' : 'x');
        assertThat(refusal(bytes)).get().asString().contains("stored differently from what the zip directory says");
    }

    @Test
    void a_part_named_twice_is_refused_even_in_another_case() throws IOException {
        Map<String, byte[]> parts = parts(SHIPPED);
        parts.put("xl/Workbook.xml", parts.get("xl/workbook.xml"));
        assertThat(refusal(zip(parts))).get().asString().contains("'xl/Workbook.xml' is in it twice");
    }

    @Test
    void active_content_anywhere_in_the_package_is_refused_by_name() throws IOException {
        Map<String, String> planted = new LinkedHashMap<>();
        planted.put("xl/vbaProject.bin", "macros");
        planted.put("xl/externalLinks/externalLink1.xml", "external links");
        planted.put("xl/connections.xml", "data connection or web query");
        planted.put("xl/queryTables/queryTable1.xml", "data connection or web query");
        planted.put("xl/activeX/activeX1.xml", "embedded object or control");
        planted.put("xl/embeddings/oleObject1.bin", "embedded object or control");
        for (Map.Entry<String, String> part : planted.entrySet()) {
            Map<String, byte[]> parts = parts(SHIPPED);
            parts.put(part.getKey(), "x".getBytes(StandardCharsets.UTF_8));
            assertThat(refusal(zip(parts))).as(part.getKey()).get().asString().contains(part.getValue());
        }
    }

    @Test
    void a_relationship_to_outside_the_file_is_refused_but_a_hyperlink_is_not() throws IOException {
        String rels = "xl/worksheets/_rels/sheet2.xml.rels";
        Map<String, byte[]> parts = parts(SHIPPED);
        parts.put(rels, ("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId9\" "
                + "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/oleObject\" Target=\"http://attacker.example/x\" "
                + "TargetMode=\"External\"/></Relationships>").getBytes(StandardCharsets.UTF_8));
        assertThat(refusal(zip(parts))).get().asString().contains("links to something outside the file");
        parts.put(rels, ("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId9\" "
                + "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink\" Target=\"https://www.nspcc.org.uk\" "
                + "TargetMode=\"External\"/></Relationships>").getBytes(StandardCharsets.UTF_8));
        assertThat(refusal(zip(parts))).isEmpty();
    }

    @Test
    void rows_too_low_columns_too_narrow_and_cells_that_show_nothing_count_as_hidden() {
        EditedWorkbook low = EditedWorkbook.ofShipped();
        String p09 = low.cellOf("Pathway", "P-09", 0);
        int p09Row = Integer.parseInt(p09.substring(1));
        assertThat(problems(low.rowHeight("Pathway", p09Row, 0.1f))).anySatisfy(p -> {
            assertThat(p.cell()).isEqualTo("row " + p09Row);
            assertThat(p.message()).contains("too low to read");
        });
        assertThat(problems(EditedWorkbook.ofShipped().columnWidth("Pathway", 3, 3))).anySatisfy(p ->
                assertThat(p.message()).contains("too narrow to read"));
        assertThat(problems(EditedWorkbook.ofShipped().format("Pathway", p09, ";;;"))).anySatisfy(p -> {
            assertThat(p.cell()).isEqualTo(p09);
            assertThat(p.message()).contains("format shows nothing");
        });
        assertThat(problems(EditedWorkbook.ofShipped().format("Action texts", "B2", ";;;"))).anySatisfy(p -> {
            assertThat(p.sheet()).isEqualTo("Action texts");
            assertThat(p.cell()).isEqualTo("B2");
        });
        assertThat(problems(EditedWorkbook.ofShipped().rowHeight("Summaries", 3, 0.5f))).anySatisfy(p ->
                assertThat(p.sheet()).isEqualTo("Summaries"));
    }

    private static List<Problem> problems(EditedWorkbook edited) {
        return WorkbookReader.read(List.of(new Workbook(NAME, edited.bytes()))).problems();
    }

    private static Map<String, byte[]> parts(byte[] workbook) throws IOException {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(workbook))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                parts.put(entry.getName(), in.readAllBytes());
            }
        }
        return parts;
    }

    private static byte[] zip(Map<String, byte[]> parts) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> part : parts.entrySet()) {
                out.putNextEntry(new ZipEntry(part.getKey()));
                out.write(part.getValue());
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
