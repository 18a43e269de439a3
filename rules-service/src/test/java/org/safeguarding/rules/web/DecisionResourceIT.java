package org.safeguarding.rules.web;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same specification against the packaged application (target/quarkus-app). */
@QuarkusIntegrationTest
class DecisionResourceIT extends DecisionResourceTest {
}
