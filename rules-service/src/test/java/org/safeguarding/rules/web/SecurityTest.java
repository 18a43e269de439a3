package org.safeguarding.rules.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

import java.lang.reflect.Method;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.safeguarding.rules.cli.LocalTokens;

/**
 * Every protected endpoint, found from the resource classes themselves so a new one cannot be
 * forgotten, refuses missing, malformed, expired, wrongly issued, wrongly signed and wrong-role
 * tokens with a problem response; open endpoints stay open.
 */
@QuarkusTest
class SecurityTest {
    private static final Class<?>[] RESOURCES = {DecisionResource.class, RuleSetAdminResource.class, BareResource.class,
            AuditResource.class};

    record Endpoint(String method, String path, List<String> roles, boolean multipart) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    @BeforeAll
    static void noDefaultToken() {
        JwtKeys.defaultToken = false;
    }

    @AfterAll
    static void restoreDefaultToken() {
        JwtKeys.defaultToken = true;
    }

    static List<Endpoint> protectedEndpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        for (Class<?> resource : RESOURCES) {
            String base = resource.getAnnotation(Path.class).value();
            for (Method method : resource.getDeclaredMethods()) {
                String verb = method.isAnnotationPresent(GET.class) ? "GET" : method.isAnnotationPresent(POST.class) ? "POST" : null;
                if (verb == null || method.isAnnotationPresent(PermitAll.class) || resource.isAnnotationPresent(PermitAll.class)) {
                    continue;
                }
                RolesAllowed roles = method.isAnnotationPresent(RolesAllowed.class) ? method.getAnnotation(RolesAllowed.class)
                        : resource.getAnnotation(RolesAllowed.class);
                Assertions.assertThat(roles).as(verb + " " + resource.getSimpleName() + "." + method.getName()
                        + " must declare its roles or @PermitAll").isNotNull();
                String path = base + (method.isAnnotationPresent(Path.class) ? method.getAnnotation(Path.class).value() : "");
                boolean multipart = method.isAnnotationPresent(Consumes.class)
                        && method.getAnnotation(Consumes.class).value()[0].startsWith("multipart");
                endpoints.add(new Endpoint(verb, path.replace("{sha256}", "0".repeat(64)).replace("//", "/"), List.of(roles.value()), multipart));
            }
        }
        return endpoints;
    }

    static Stream<Arguments> cases() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String otherKey = LocalTokens.sign(generator.generateKeyPair().getPrivate(), JwtKeys.ISSUER, "intruder", Roles.RULES_ADMIN,
                Instant.now(), Duration.ofHours(1));
        String expired = JwtKeys.token(JwtKeys.ISSUER, Instant.now().minus(Duration.ofHours(3)), Duration.ofHours(1), Roles.RULES_ADMIN, Roles.DECISION_CLIENT);
        String wrongIssuer = JwtKeys.token("https://somewhere.else", Instant.now(), Duration.ofHours(1), Roles.RULES_ADMIN, Roles.DECISION_CLIENT);
        long now = Instant.now().getEpochSecond();
        String noAudience = claims("{\"iss\":\"%s\",\"sub\":\"x\",\"groups\":[\"rules-admin\",\"decision-client\"],\"iat\":%d,\"exp\":%d}", now, now + 3600);
        String wrongAudience = claims("{\"iss\":\"%s\",\"aud\":\"another-service\",\"sub\":\"x\",\"groups\":[\"rules-admin\",\"decision-client\"],\"iat\":%d,\"exp\":%d}", now, now + 3600);
        String noIssuedAt = claims("{\"iss\":\"%s\",\"aud\":\"safeguarding-rules\",\"sub\":\"x\",\"groups\":[\"rules-admin\",\"decision-client\"],\"exp\":%d}", now + 3600);
        String hundredYears = JwtKeys.token(JwtKeys.ISSUER, Instant.now(), Duration.ofDays(36_500), Roles.RULES_ADMIN, Roles.DECISION_CLIENT);
        String issuedInACentury = JwtKeys.token(JwtKeys.ISSUER, Instant.now().plus(Duration.ofDays(36_500)), Duration.ofHours(1),
                Roles.RULES_ADMIN, Roles.DECISION_CLIENT);
        String junkAfterSignature = JwtKeys.token(Roles.RULES_ADMIN, Roles.DECISION_CLIENT) + "$$$";
        List<Arguments> cases = new ArrayList<>();
        for (Endpoint endpoint : protectedEndpoints()) {
            cases.add(Arguments.of(endpoint, "no audience", "Bearer " + noAudience, 401));
            cases.add(Arguments.of(endpoint, "another service's audience", "Bearer " + wrongAudience, 401));
            cases.add(Arguments.of(endpoint, "no issued-at", "Bearer " + noIssuedAt, 401));
            cases.add(Arguments.of(endpoint, "valid for 100 years", "Bearer " + hundredYears, 401));
            cases.add(Arguments.of(endpoint, "issued 100 years ahead, valid for an hour", "Bearer " + issuedInACentury, 401));
            cases.add(Arguments.of(endpoint, "junk after the signature", "Bearer " + junkAfterSignature, 401));
            cases.add(Arguments.of(endpoint, "no token", null, 401));
            cases.add(Arguments.of(endpoint, "malformed token", "Bearer not.a.jwt", 401));
            cases.add(Arguments.of(endpoint, "not a bearer token", "Basic dXNlcjpwYXNz", 401));
            cases.add(Arguments.of(endpoint, "expired token", "Bearer " + expired, 401));
            cases.add(Arguments.of(endpoint, "wrong issuer", "Bearer " + wrongIssuer, 401));
            cases.add(Arguments.of(endpoint, "signed by another key", "Bearer " + otherKey, 401));
            String wrongRole = endpoint.roles().contains(Roles.RULES_ADMIN) && !endpoint.roles().contains(Roles.DECISION_CLIENT)
                    ? Roles.DECISION_CLIENT : "someone-else";
            cases.add(Arguments.of(endpoint, "wrong role (" + wrongRole + ")", "Bearer " + JwtKeys.token(wrongRole), 403));
        }
        return cases.stream();
    }

    /** A token signed by the trusted key with exactly these claims ({@code %s} first: the issuer). */
    private static String claims(String format, Object... values) throws Exception {
        Object[] all = new Object[values.length + 1];
        all[0] = JwtKeys.ISSUER;
        System.arraycopy(values, 0, all, 1, values.length);
        java.util.Base64.Encoder url = java.util.Base64.getUrlEncoder().withoutPadding();
        return JwtKeys.signRaw(url.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes()),
                url.encodeToString(String.format(format, all).getBytes()));
    }

    @ParameterizedTest(name = "{0}: {1} -> {3}")
    @MethodSource("cases")
    void protected_endpoints_refuse_bad_tokens(Endpoint endpoint, String description, String authorization, int status) {
        RequestSpecification request = given();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (endpoint.multipart()) {
            request.multiPart("workbook", "x.drl.xlsx", new byte[] {1}).multiPart("uploadedBy", "x");
        } else if (endpoint.method().equals("POST")) {
            request.contentType("application/json").body("{}");
        }
        request.when().request(endpoint.method(), endpoint.path()).then().statusCode(status)
                .contentType("application/problem+json").body("status", is(status));
    }

    @Test
    void there_are_protected_endpoints_to_test() {
        Assertions.assertThat(protectedEndpoints()).extracting(Endpoint::toString)
                .contains("POST /api/v1/decisions", "GET /api/v1/ruleset", "POST /api/v1/rulesets",
                        "POST /api/v1/rulesets/rollback", "POST /api/v1/rulesets/" + "0".repeat(64) + "/activate",
                        "GET /api/v1/rulesets/" + "0".repeat(64) + "/workbook");
    }

    @Test
    void the_right_role_gets_in() {
        given().header("Authorization", "Bearer " + JwtKeys.token(Roles.DECISION_CLIENT)).contentType("application/json").body("{}")
                .post("/api/v1/decisions").then().statusCode(200);
        given().header("Authorization", "Bearer " + JwtKeys.token(Roles.RULES_ADMIN)).get("/api/v1/rulesets").then().statusCode(200);
    }

    @Test
    void openapi_swagger_and_pages_stay_open() {
        for (String path : List.of("/q/openapi", "/q/swagger-ui/", "/", "/publish.html")) {
            given().get(path).then().statusCode(200);
        }
    }

    @Test
    void health_and_metrics_are_only_on_the_management_port() {
        for (String path : List.of("/q/health/live", "/q/health/ready", "/q/metrics")) {
            given().get(path).then().statusCode(404);
            given().port(Management.PORT).get(path).then().statusCode(200);
        }
    }
}
