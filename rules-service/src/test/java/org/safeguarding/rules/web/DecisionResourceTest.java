package org.safeguarding.rules.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** POST /api/v1/decisions and GET /api/v1/ruleset, read as a specification. */
@QuarkusTest
@QuarkusTestResource(JwtKeys.class)
class DecisionResourceTest {
    @org.junit.jupiter.api.BeforeAll
    static void token() {
        JwtKeys.defaultTokenForRequests();
    }


    static ValidatableResponse post(String body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/api/v1/decisions").then();
    }

    static ValidatableResponse problem(ValidatableResponse response, int status) {
        return response.statusCode(status).contentType("application/problem+json").body("status", is(status))
                .body("title", notNullValue()).body(not(containsString("Exception"))).body(not(containsString("org.")));
    }

    @Test
    void immediate_danger_is_an_emergency_with_999_first() {
        post("{\"immediateDanger\": true, \"reference\": \"abc-123\"}").statusCode(200).contentType(ContentType.JSON)
                .body("pathway", is("EMERGENCY")).body("provisional", is(false))
                .body("actions[0].code", is("CALL_999")).body("reference", is("abc-123"))
                .body("reasons[0].rule", is("P-01")).body("reasons[0].guidance", containsString("999"))
                .body("decisionId", notNullValue()).body("ruleSet.sha256.length()", is(64));
    }

    @Test
    void nothing_known_escalates_provisionally_asking_about_danger_first() {
        post("{}").statusCode(200).body("pathway", is("ESCALATE")).body("provisional", is(true))
                .body("questions[0].code", is("immediateDanger")).body("questions", hasSize(org.safeguarding.rules.api.Fact.values().length)) // every fact is asked
                .body("actions.code", org.hamcrest.Matchers.hasItem("CONTACT_NSPCC_HELPLINE"))
                .body("reference", is((Object) null));
    }

    @Test
    void consensual_and_safe_is_handled_internally() {
        post("{\"immediateDanger\": false, \"selfHarmRisk\": false, \"adultInvolved\": false, \"intendedHarm\": false,"
                + " \"consentGiven\": true, \"coercionOrBlackmail\": false, \"capacityConcern\": false,"
                + " \"atypicalOrViolentContent\": false, \"under13SexualActivity\": false, \"profitMotive\": false,"
                + " \"parentalRisk\": false}").statusCode(200)
                .body("pathway", is("HANDLE_INTERNALLY")).body("provisional", is(false))
                .body("actions.code", org.hamcrest.Matchers.hasItems("HANDLE_WITHIN_ORGANISATION", "REQUEST_DELETION", "INVOLVE_PARENTS"));
    }

    @Test
    void an_adult_listed_is_derived() {
        post("{\"people\": [{\"role\": \"RECIPIENT\", \"age\": 19}, {\"role\": \"CREATOR\", \"age\": 14}]}").statusCode(200)
                .body("pathway", is("ESCALATE")).body("derivedFacts.adultInvolved", is(true))
                .body("actions.code", org.hamcrest.Matchers.hasItem("REPORT_TO_CEOP"));
    }

    @Test
    void a_misspelt_field_is_named() {
        problem(post("{\"adultInvolve\": true}"), 400).body("errors[0].field", is("adultInvolve"))
                .body("errors[0].message", containsString("adultInvolved"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "{\"adultInvolved\": \"yes\"}|adultInvolved",
        "{\"adultInvolved\": \"true\"}|adultInvolved",
        "{\"adultInvolved\": 1}|adultInvolved",
        "{\"sharing\": \"EVERYWHERE\"}|sharing",
        "{\"mediaType\": \"image\"}|mediaType",
        "{\"device\": true}|device",
        "{\"people\": [{\"role\": \"CREATOR\", \"age\": \"15\"}]}|people[0].age",
        "{\"people\": [{\"role\": \"CREATOR\", \"age\": 121}]}|people[0].age",
        "{\"people\": [{\"role\": \"CREATOR\", \"age\": -1}]}|people[0].age",
        "{\"people\": [{\"role\": \"CREATOR\", \"age\": 15.5}]}|people[0].age",
        "{\"people\": [{\"role\": \"TEACHER\", \"age\": 15}]}|people[0].role",
        "{\"people\": [{\"age\": 15}]}|people[0].role",
        "{\"people\": [{\"role\": \"CREATOR\", \"age\": 15, \"name\": \"x\"}]}|people[0].name",
        "{\"people\": {\"role\": \"CREATOR\"}}|people",
        "{\"reference\": \"has spaces\"}|reference",
        "{\"reference\": \"\"}|reference",
        "{\"reference\": 42}|reference",
        "{\"immediateDanger\": true, \"immediateDanger\": false}|immediateDanger",
        "{\"people\": [{\"role\": \"CREATOR\", \"role\": \"SENDER\"}]}|people[0].role",
        "{\"immediateDanger\": tru|body",
        "[]|body",
        "\"text\"|body",
    })
    void bad_input_is_refused_naming_the_field(String body, String field) {
        problem(post(body), 400).body("type", is("urn:safeguarding:problem:invalid-request")).body("errors[0].field", is(field));
    }

    @Test
    void an_over_long_reference_is_refused() {
        problem(post("{\"reference\": \"" + "a".repeat(65) + "\"}"), 400).body("errors[0].field", is("reference"));
    }

    @Test
    void an_empty_body_is_refused() {
        problem(given().contentType(ContentType.JSON).when().post("/api/v1/decisions").then(), 400);
    }

    @Test
    void a_wrong_content_type_is_refused() {
        problem(given().contentType(ContentType.TEXT).body("{}").when().post("/api/v1/decisions").then(), 415)
                .body("errors[0].field", is("Content-Type"));
    }

    @Test
    void a_body_over_64_kib_is_refused() {
        String big = "{\"reference\": \"x\", \"pad\": \"" + "a".repeat(70_000) + "\"}";
        problem(post(big), 413);
    }

    @Test
    void a_body_over_the_hard_limit_is_refused_before_it_is_read() {
        problem(post("{\"pad\": \"" + "a".repeat(2_000_000) + "\"}"), 413);
    }

    @Test
    void a_contradiction_is_decided_the_safer_way_with_warnings() {
        post("{\"adultInvolved\": false, \"people\": [{\"role\":\"RECIPIENT\",\"age\":19}]}").statusCode(200)
                .body("pathway", is("ESCALATE")).body("derivedFacts.adultInvolved", is(true))
                .body("warnings.field", org.hamcrest.Matchers.contains("adultInvolved", "people"));
    }

    @Test
    void an_adult_listed_alone_in_an_emergency_gets_999() {
        post("{\"immediateDanger\": true, \"people\": [{\"role\": \"RECIPIENT\", \"age\": 30}]}").statusCode(200)
                .body("pathway", is("EMERGENCY")).body("actions[0].code", is("CALL_999"))
                .body("warnings.field", org.hamcrest.Matchers.contains("people"));
    }

    @Test
    void a_reporting_parent_and_an_online_contact_of_unknown_age() {
        post("{\"immediateDanger\": true, \"adultInvolved\": false, \"people\": [{\"role\": \"PICTURED\", \"age\": 15},"
                + " {\"role\": \"REPORTER\", \"age\": 40}, {\"role\": \"REQUESTER\"}]}").statusCode(200)
                .body("pathway", is("EMERGENCY")).body("warnings", org.hamcrest.Matchers.empty())
                .body("derivedFacts", org.hamcrest.Matchers.anEmptyMap());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"immediateDanger\": true, \"adultInvolve\": true}|400",
        "{\"immediateDanger\": true, \"people\": [{\"role\": \"TEACHER\"}]}|400",
        "{\"immediateDanger\": true, \"immediateDanger\": true}|400",
        "{\"immediateDanger\": true, |400"})
    void a_refused_emergency_still_says_call_999(String body, int status) {
        problem(post(body), status).body("emergency.code", is("CALL_999")).body("emergency.text", containsString("999"));
    }

    @Test
    void refusals_of_a_decision_request_carry_999_when_the_body_was_not_read() {
        given().contentType(ContentType.TEXT).body("{\"immediateDanger\": true}").when().post("/api/v1/decisions").then()
                .statusCode(415).body("emergency.code", is("CALL_999"));
        given().header("Authorization", "Bearer junk").contentType(ContentType.JSON).body("{\"immediateDanger\": true}")
                .when().post("/api/v1/decisions").then().statusCode(401).body("emergency.code", is("CALL_999"));
        given().header("Authorization", "Bearer " + JwtKeys.token(Roles.RULES_ADMIN)).contentType(ContentType.JSON)
                .body("{\"immediateDanger\": true}").when().post("/api/v1/decisions").then().statusCode(403)
                .body("emergency.code", is("CALL_999"));
        problem(post("{\"immediateDanger\": false, \"adultInvolve\": true}"), 400)
                .body("emergency", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void a_duplicate_field_is_named() {
        problem(post("{\"consentGiven\": true, \"consentGiven\": false}"), 400).body("errors[0].field", is("consentGiven"));
    }

    @Test
    void unknown_paths_and_methods_are_problems_too() {
        problem(given().when().get("/api/v1/nothing-here").then(), 404);
        problem(given().when().get("/api/v1/decisions").then(), 405);
    }

    @Test
    void the_bare_benchmark_endpoint_is_off_outside_the_bench_profile() {
        problem(given().contentType(ContentType.JSON).body("{}").when().post("/api/v1/bare").then(), 404);
    }

    @Test
    void the_active_rule_set_is_described() {
        given().when().get("/api/v1/ruleset").then().statusCode(200).contentType(ContentType.JSON)
                .body("version.length()", is(12)).body("sha256.length()", is(64)).body("loadedAt", notNullValue())
                .body("tables.name", org.hamcrest.Matchers.contains("Pathway", "Actions", "Questions"))
                .body("tables.rules", everyItem(org.hamcrest.Matchers.greaterThan(0)))
                .body("setupWarnings", notNullValue());
    }
}
