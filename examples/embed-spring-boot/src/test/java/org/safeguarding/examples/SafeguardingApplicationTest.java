package org.safeguarding.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.safeguarding.rules.api.Answer;
import org.safeguarding.rules.api.DecisionEngine;
import org.safeguarding.rules.api.Incident;
import org.safeguarding.rules.api.Pathway;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class SafeguardingApplicationTest {
    @Autowired
    DecisionEngine engine;

    @Test
    void the_engine_decides_inside_a_spring_boot_log4j2_application() {
        assertEquals(Pathway.EMERGENCY, engine.decide(Incident.builder().immediateDanger(Answer.YES).build()).pathway());
        assertEquals("org.apache.logging.log4j.core.LoggerContext",
                org.apache.logging.log4j.LogManager.getContext(false).getClass().getName());
    }
}
