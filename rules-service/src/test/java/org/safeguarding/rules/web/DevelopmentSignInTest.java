package org.safeguarding.rules.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * bin/serve's development sign-in, on: the pages' token comes from the service, works for
 * decisions and publishing, and is given only to a request that names this machine as its host.
 * {@link DevelopmentSignInOffTest} shows it off everywhere else.
 */
@QuarkusTest
@TestProfile(DevelopmentSignInTest.AsBinServe.class)
class DevelopmentSignInTest {
    /** What bin/serve sets: the development key, and a service on this machine alone. */
    public static class AsBinServe implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("safeguarding.dev.sign-in-key", Path.of("target", "test-jwt-keys", "private-key.pem").toAbsolutePath().toString(),
                    "quarkus.http.host", "127.0.0.1");
        }
    }

    @BeforeAll
    static void keys() throws Exception {
        JwtKeys.pair(); // the key file the profile names
        JwtKeys.defaultToken = false;
    }

    @org.junit.jupiter.api.AfterAll
    static void defaultTokenBack() {
        JwtKeys.defaultToken = true;
    }

    @Test
    void the_pages_are_told_and_given_a_token_that_decides_and_publishes() {
        given().get("/api/v1/sign-in").then().statusCode(200).body("development", is(true));
        String token = given().post("/api/v1/sign-in/development").then().statusCode(200)
                .header("Cache-Control", "no-store").extract().path("access_token");
        given().header("Authorization", "Bearer " + token).contentType("application/json").body("{\"immediateDanger\": true}")
                .post("/api/v1/decisions").then().statusCode(200).body("pathway", is("EMERGENCY"));
        given().header("Authorization", "Bearer " + token).get("/api/v1/rulesets").then().statusCode(200);
    }

    @Test
    void a_request_naming_another_host_gets_nothing() {
        given().header("Host", "rebound.example:8081").post("/api/v1/sign-in/development").then().statusCode(404);
    }

    @Test
    void a_service_listening_beyond_this_machine_never_offers_it() {
        Optional<Path> key = Optional.of(Path.of("target", "test-jwt-keys", "private-key.pem"));
        for (String host : List.of("0.0.0.0", "10.1.2.3", "::", "rules.example.org")) {
            assertThat(new DevelopmentSignIn(key, host, JwtKeys.ISSUER, List.of("safeguarding-rules")).offered()).as(host).isFalse();
        }
        assertThat(new DevelopmentSignIn(key, "127.0.0.1", JwtKeys.ISSUER, List.of("safeguarding-rules")).offered()).isTrue();
    }
}
