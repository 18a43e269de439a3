package org.safeguarding.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.safeguarding.rules.api.Recommendation;

class AppTest {
    @Test
    void the_library_builds_and_decides_under_this_logging_stack() throws Exception {
        Recommendation recommendation = App.run();
        assertFalse(recommendation.actions().isEmpty());
        assertEquals("ch.qos.logback.classic.LoggerContext", App.backend(), "the application's own logging back-end is in charge");
    }

    @Test
    void the_application_builds_from_a_workbook_with_nothing_on_stderr() throws Exception {
        Process app = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), App.class.getName()).start();
        assertTrue(app.waitFor(120, TimeUnit.SECONDS));
        String out = new String(app.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(app.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals("", err, "stderr");
        assertEquals(0, app.exitValue());
        assertTrue(out.contains("INFO  App Decision "), out);
    }
}
