package org.safeguarding.rules.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.safeguarding.rules.api.ActionCode;
import org.safeguarding.rules.api.Fact;

/** Health and metrics (management port), the OpenAPI document and Swagger UI. */
@QuarkusTest
class OperationsTest {
    @org.junit.jupiter.api.BeforeAll
    static void token() {
        JwtKeys.defaultTokenForRequests();
    }


    @Test
    void live_and_ready_once_the_rule_set_has_compiled() {
        given().port(Management.PORT).when().get("/q/health/live").then().statusCode(200).body("status", is("UP"));
        given().port(Management.PORT).when().get("/q/health/ready").then().statusCode(200).body("status", is("UP"))
                .body("checks.find { it.name == 'rule-set' }.status", is("UP"))
                .body("checks.find { it.name == 'rule-set' }.data.version.length()", is(12));
    }

    @Test
    void metrics_count_decisions_by_outcome_and_name_the_rule_set() {
        given().contentType(ContentType.JSON).body("{\"immediateDanger\": true}").post("/api/v1/decisions").then().statusCode(200);
        given().contentType(ContentType.JSON).body("{\"adultInvolve\": true}").post("/api/v1/decisions").then().statusCode(400);
        String version = given().get("/api/v1/ruleset").then().extract().path("version");
        given().port(Management.PORT).when().get("/q/metrics").then().statusCode(200)
                .body(containsString("safeguarding_decisions_total{pathway=\"EMERGENCY\",provisional=\"false\"}"))
                .body(containsString("safeguarding_refusals_total{status=\"400\"}"))
                .body(containsString("safeguarding_decision_duration_seconds_bucket"))
                .body(containsString("safeguarding_ruleset_info{sha256="))
                .body(containsString("version=\"" + version + "\""));
    }

    /**
     * The document is written by hand: every endpoint of the service (the benchmark's bare one
     * aside) must be in it, with its method, a summary and the 401 and 403 problems.
     */
    @Test
    void openapi_documents_every_endpoint_the_admin_ones_included() {
        JsonPath doc = given().accept(ContentType.JSON).when().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        int endpoints = 0;
        for (Class<?> resource : List.of(DecisionResource.class, RuleSetAdminResource.class, AuditResource.class, SignIn.class)) {
            String base = resource.getAnnotation(jakarta.ws.rs.Path.class).value();
            for (java.lang.reflect.Method method : resource.getDeclaredMethods()) {
                String verb = method.isAnnotationPresent(jakarta.ws.rs.GET.class) ? "get"
                        : method.isAnnotationPresent(jakarta.ws.rs.POST.class) ? "post" : null;
                if (verb == null) {
                    continue;
                }
                String path = base + (method.isAnnotationPresent(jakarta.ws.rs.Path.class) ? method.getAnnotation(jakarta.ws.rs.Path.class).value() : "");
                String operation = "paths.'" + path + "'." + verb;
                Assertions.assertThat(doc.<Object>get(operation)).as(verb.toUpperCase() + " " + path + " is documented").isNotNull();
                Assertions.assertThat(doc.getString(operation + ".summary")).as(path).isNotBlank();
                if (!method.isAnnotationPresent(jakarta.annotation.security.PermitAll.class)) {
                    Assertions.assertThat(doc.getMap(operation + ".responses")).as(path).containsKeys("401", "403");
                }
                endpoints++;
            }
        }
        Assertions.assertThat(endpoints).isEqualTo(11);
    }

    @Test
    void without_an_identity_provider_sign_in_says_to_use_a_token() {
        given().when().get("/api/v1/sign-in").then().statusCode(404).body("title", org.hamcrest.Matchers.is("Sign-in is not set up"));
    }

    @Test
    void openapi_documents_every_fact_and_enum() {
        JsonPath doc = given().accept(ContentType.JSON).when().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        Map<String, Object> properties = doc.getMap("components.schemas.Incident.properties");
        for (Fact fact : Fact.values()) {
            Assertions.assertThat(properties).containsKey(fact.fieldName());
            Assertions.assertThat((String) doc.get("components.schemas.Incident.properties." + fact.fieldName() + ".description")).isNotBlank();
            if (fact.type() != org.safeguarding.rules.api.Answer.class) {
                List<String> values = doc.getList("components.schemas.Incident.properties." + fact.fieldName() + ".enum");
                Assertions.assertThat(values).containsExactlyElementsOf(fact.domain().stream().map(Enum::name).toList());
            }
        }
        Assertions.assertThat(properties).containsKeys("people", "reference", "consentByStep").hasSize(Fact.values().length + 3);
        Assertions.assertThat(doc.getList("components.schemas.Action.properties.code.enum", String.class))
                .containsExactlyElementsOf(java.util.Arrays.stream(ActionCode.values()).map(Enum::name).toList());
        Assertions.assertThat(doc.getMap("paths.'/api/v1/decisions'.post.responses")).containsKeys("200", "400", "411", "413", "415", "503").doesNotContainKey("422");
    }

    @Test
    void openapi_examples_decide_as_documented() {
        JsonPath doc = given().accept(ContentType.JSON).when().get("/q/openapi?format=json").then().extract().jsonPath();
        Map<String, Map<String, Object>> requests = doc.getMap("paths.'/api/v1/decisions'.post.requestBody.content.'application/json'.examples");
        Map<String, Map<String, Map<String, Object>>> responses = doc.getMap("paths.'/api/v1/decisions'.post.responses.'200'.content.'application/json'.examples");
        Assertions.assertThat(requests.keySet()).containsExactlyInAnyOrder("emergency", "escalate", "provisional", "handleInternally");
        for (String name : requests.keySet()) {
            Object expected = responses.get(name).get("value").get("pathway");
            given().contentType(ContentType.JSON).body(requests.get(name).get("value")).post("/api/v1/decisions").then()
                    .statusCode(200).body("pathway", is(expected))
                    .body("provisional", is(responses.get(name).get("value").get("provisional")));
        }
    }

    @Test
    void swagger_ui_is_served() {
        given().when().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }
}
