package org.safeguarding.rules.web;

import static io.restassured.RestAssured.given;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every request in docs/api.md marked {@code <!-- example key=value ... -->} is sent to the
 * service and its answer checked against the marks: status, pathway, the first action, the
 * fields named in warnings, and the emergency member of a refusal. So the documented
 * behaviour is the behaviour.
 */
@QuarkusTest
class DocumentedExamplesTest {
    private static final Pattern EXAMPLE = Pattern.compile("<!-- example ([^>]*)-->\\s*```json\\n(.*?)```", Pattern.DOTALL);

    @BeforeAll
    static void token() {
        JwtKeys.defaultTokenForRequests();
    }

    @Test
    void every_marked_example_in_the_api_guide_answers_as_documented() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "api.md"));
        Matcher m = EXAMPLE.matcher(doc);
        List<String> checked = new ArrayList<>();
        while (m.find()) {
            Map<String, String> expect = new LinkedHashMap<>();
            for (String pair : m.group(1).trim().split("\\s+")) {
                String[] kv = pair.split("=", 2);
                expect.put(kv[0], kv.length > 1 ? kv[1] : "");
            }
            String body = m.group(2);
            int status = Integer.parseInt(expect.get("status"));
            JsonPath json = given().contentType("application/json").body(body).post("/api/v1/decisions").then()
                    .statusCode(status).extract().jsonPath();
            if (expect.containsKey("pathway")) {
                Assertions.assertThat(json.getString("pathway")).as(body).isEqualTo(expect.get("pathway"));
            }
            if (expect.containsKey("first")) {
                Assertions.assertThat(json.getString("actions[0].code")).as(body).isEqualTo(expect.get("first"));
            }
            if (expect.containsKey("warnings")) {
                List<String> fields = expect.get("warnings").isEmpty() ? List.of() : Arrays.asList(expect.get("warnings").split(","));
                Assertions.assertThat(json.getList("warnings.field", String.class)).as(body).containsExactlyElementsOf(fields);
            }
            if (expect.containsKey("actions")) {
                Assertions.assertThat(json.getList("actions.code", String.class)).as(body)
                        .containsAll(Arrays.asList(expect.get("actions").split(",")));
            }
            if (expect.containsKey("emergency")) {
                Assertions.assertThat(json.getString("emergency.code")).as(body).isEqualTo(expect.get("emergency"));
            }
            checked.add(body);
        }
        Assertions.assertThat(checked).as("marked examples in docs/api.md").hasSizeGreaterThanOrEqualTo(5);
    }
}
