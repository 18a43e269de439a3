package org.safeguarding.rules.web;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Without bin/serve's development key (every deployed service), there is no development sign-in to find. */
@QuarkusTest
class DevelopmentSignInOffTest {
    @Test
    void the_service_offers_no_development_token() {
        given().get("/api/v1/sign-in").then().statusCode(404);
        given().post("/api/v1/sign-in/development").then().statusCode(404);
    }
}
