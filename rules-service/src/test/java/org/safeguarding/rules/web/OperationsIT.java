package org.safeguarding.rules.web;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Health, metrics, OpenAPI and Swagger UI as the packaged application serves them. */
@QuarkusIntegrationTest
class OperationsIT extends OperationsTest {
}
