package org.safeguarding.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;
import org.safeguarding.rules.api.Recommendation;

class AppTest {
    @Test
    void the_library_decides_under_this_logging_stack() throws Exception {
        Recommendation recommendation = App.run();
        assertFalse(recommendation.actions().isEmpty());
        assertEquals("ch.qos.logback.classic.LoggerContext", App.backend(), "the application's own logging back-end is in charge");
    }
}
