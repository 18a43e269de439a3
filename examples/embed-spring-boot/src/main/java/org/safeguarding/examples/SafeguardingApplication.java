package org.safeguarding.examples;

import java.io.InputStream;
import java.util.Map;

import org.safeguarding.rules.api.DecisionEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** One engine per application, built at start (here from a workbook, so POI and Drools log too) and shared. */
@SpringBootApplication
public class SafeguardingApplication {
    private static final Logger LOG = LoggerFactory.getLogger(SafeguardingApplication.class);

    public static void main(String[] args) {
        SpringApplication.run(SafeguardingApplication.class, args);
    }

    @Bean
    DecisionEngine decisionEngine() throws Exception {
        try (InputStream workbook = getClass().getClassLoader().getResourceAsStream("org/safeguarding/tables/safeguarding-rules.drl.xlsx")) {
            DecisionEngine engine = DecisionEngine.fromStreams(Map.of("safeguarding-rules.drl.xlsx", workbook));
            LOG.info("Rule set {} loaded", engine.ruleSet().version());
            return engine;
        }
    }
}
