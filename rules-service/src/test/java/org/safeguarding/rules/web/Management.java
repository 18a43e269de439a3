package org.safeguarding.rules.web;

/** Health and metrics are on Quarkus' management interface: port 9001 under test (quarkus.management.test-port). */
final class Management {
    static final int PORT = 9001;

    private Management() {
    }
}
