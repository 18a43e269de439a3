package org.safeguarding.examples;

import com.fasterxml.jackson.databind.Module;
import org.safeguarding.rules.DecisionEngine;
import org.safeguarding.rules.json.SafeguardingJsonModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * One engine per application, on the shipped tables, built at start and shared; and the wire
 * format taught to Spring's own Jackson mapper, so that {@link DecisionController} answers
 * exactly as the service does.
 */
@SpringBootApplication
public class SafeguardingApplication {
    private static final Logger LOG = LoggerFactory.getLogger(SafeguardingApplication.class);

    public static void main(String[] args) {
        SpringApplication.run(SafeguardingApplication.class, args);
    }

    @Bean
    DecisionEngine decisionEngine() {
        DecisionEngine engine = DecisionEngine.bundled();
        LOG.info("Rule set {} loaded", engine.ruleSet().version());
        return engine;
    }

    @Bean
    Module safeguardingJson() {
        return new SafeguardingJsonModule();
    }
}
