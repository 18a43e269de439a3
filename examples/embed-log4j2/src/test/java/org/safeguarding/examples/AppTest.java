package org.safeguarding.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.safeguarding.rules.api.ActionCode;
import org.safeguarding.rules.api.Pathway;
import org.safeguarding.rules.api.Recommendation;

class AppTest {
    @Test
    void the_runtime_decides_with_the_schools_own_numbers_under_this_logging_stack() throws Exception {
        Recommendation recommendation = App.run();
        assertEquals(Pathway.ESCALATE, recommendation.pathway());
        assertTrue(recommendation.actions().stream().anyMatch(a -> a.code() == ActionCode.REFER_CHILDRENS_SOCIAL_CARE
                && a.text().contains("0300 123 4567") && a.text().contains("0300 123 9999")));
        assertEquals("org.apache.logging.log4j.core.LoggerContext", App.backend(), "the application's own logging back-end is in charge");
        assertThrows(ClassNotFoundException.class, () -> Class.forName("org.kie.api.KieBase"), "no Drools on the runtime's classpath");
        assertThrows(ClassNotFoundException.class, () -> Class.forName("org.apache.poi.ss.usermodel.Workbook"), "no POI either");
    }

    @Test
    void the_application_runs_with_nothing_on_stderr() throws Exception {
        Process app = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), App.class.getName()).start();
        assertTrue(app.waitFor(60, TimeUnit.SECONDS));
        String out = new String(app.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(app.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals("", err, "stderr");
        assertEquals(0, app.exitValue());
        assertTrue(out.contains("INFO  App Decision ") && out.contains("ESCALATE [DO_NOT_VIEW_IMAGERY"), out);
        assertTrue(System.getProperty("java.class.path").contains(File.separator + "rules-core"));
    }
}
