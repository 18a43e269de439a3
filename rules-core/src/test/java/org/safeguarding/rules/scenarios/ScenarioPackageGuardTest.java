package org.safeguarding.rules.scenarios;

import org.safeguarding.rules.Scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.safeguarding.rules.api.Scenario;
import org.safeguarding.rules.api.Workbook;

/**
 * A scenario workbook is uploaded by a lead like the rule workbook, so it meets the same guard
 * before POI parses it: a zip bomb or active content is refused with the reason, never opened.
 */
class ScenarioPackageGuardTest {

    private static byte[] shipped() throws IOException {
        try (InputStream in = ScenarioPackageGuardTest.class.getClassLoader().getResourceAsStream("org/safeguarding/tables/scenarios.xlsx")) {
            return in.readAllBytes();
        }
    }

    /** The shipped scenario workbook with parts added, as a program that plants them would write it. */
    private static byte[] withParts(Map<String, byte[]> added) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(shipped()));
             ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                in.transferTo(out);
                out.closeEntry();
            }
            for (Map.Entry<String, byte[]> part : added.entrySet()) {
                out.putNextEntry(new ZipEntry(part.getKey()));
                out.write(part.getValue());
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    @Test
    void the_shipped_scenarios_pass_the_guard() throws IOException {
        Scenario.Read read = Scenarios.read(new Workbook("scenarios.xlsx", shipped()));
        assertThat(read.problems()).isEmpty();
        assertThat(read.scenarios()).isNotEmpty();
    }

    @Test
    void a_zip_bomb_is_refused_before_it_is_opened() throws IOException {
        byte[] bomb = withParts(Map.of("xl/media/padding.bin", new byte[64 * 1024 * 1024]));
        assertThat(bomb.length).as("small on disk").isLessThan(1024 * 1024);
        Scenario.Read read = Scenarios.read(new Workbook("scenarios.xlsx", bomb));
        assertThat(read.scenarios()).isEmpty();
        assertThat(read.problems()).singleElement().satisfies(p -> assertThat(p.message()).containsIgnoringCase("expand"));
    }

    @Test
    void macros_are_refused_by_name() throws IOException {
        Scenario.Read read = Scenarios.read(new Workbook("scenarios.xlsx", withParts(Map.of("xl/vbaProject.bin", new byte[] {1, 2, 3}))));
        assertThat(read.scenarios()).isEmpty();
        assertThat(read.problems()).singleElement().satisfies(p -> assertThat(p.message()).containsIgnoringCase("macro"));
    }
}
