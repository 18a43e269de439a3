package org.safeguarding.rules.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.restassured.RestAssured;
import org.safeguarding.rules.cli.LocalTokens;

/**
 * A key pair made for the test run: the service under test trusts its public key, and the
 * tests sign tokens with its private key. By default every request carries a token with both
 * roles, so tests of behaviour need no ceremony; the security tests set their own.
 */
public class JwtKeys implements QuarkusTestResourceLifecycleManager {
    static final String ISSUER = "https://safeguarding.test/issuer";
    private static KeyPair pair;
    /** Whether requests without an Authorization header get the default two-role token. */
    static volatile boolean defaultToken = true;

    /** Kept in a file: the test resource and the tests run in different class loaders, and must share one pair. */
    private static final Path FOLDER = Path.of("target", "test-jwt-keys");

    static synchronized KeyPair pair() throws Exception {
        if (pair == null) {
            LocalTokens.ensureKeys(FOLDER);
            java.security.KeyFactory rsa = java.security.KeyFactory.getInstance("RSA");
            pair = new KeyPair(
                    rsa.generatePublic(new java.security.spec.X509EncodedKeySpec(der(FOLDER.resolve("public-key.pem")))),
                    rsa.generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(der(FOLDER.resolve("private-key.pem")))));
        }
        return pair;
    }

    private static byte[] der(Path pem) throws java.io.IOException {
        return Base64.getDecoder().decode(Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
    }

    static String token(String... roles) {
        return token(ISSUER, Instant.now(), Duration.ofHours(1), roles);
    }

    static String token(String issuer, Instant issuedAt, Duration lifetime, String... roles) {
        try {
            String token = LocalTokens.sign(pair().getPrivate(), issuer, "test-user", roles[0], issuedAt, lifetime);
            if (roles.length == 1) {
                return token;
            }
            // Both roles: rewrite the groups claim and sign again.
            String[] parts = token.split("\\.");
            String claims = new String(Base64.getUrlDecoder().decode(parts[1])).replace("[\"" + roles[0] + "\"]",
                    "[\"" + String.join("\",\"", roles) + "\"]");
            return signRaw(parts[0], Base64.getUrlEncoder().withoutPadding().encodeToString(claims.getBytes()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String signRaw(String header, String claims) throws Exception {
        java.security.Signature signature = java.security.Signature.getInstance("SHA256withRSA");
        signature.initSign(pair().getPrivate());
        signature.update((header + "." + claims).getBytes());
        return header + "." + claims + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
    }

    @Override
    public Map<String, String> start() {
        try {
            // The key's content rather than its location: in test mode Quarkus makes a key of its own
            // when none is configured at build time, and that content would win over a location.
            // The management port is fixed too: the packaged application under @QuarkusIntegrationTest would
            // otherwise use 9000 rather than the test port 9001 that Management.PORT names.
            return Map.of("mp.jwt.verify.publickey", Base64.getEncoder().encodeToString(pair().getPublic().getEncoded()),
                    "mp.jwt.verify.issuer", ISSUER, "quarkus.management.port", Integer.toString(Management.PORT));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
    }

    private static boolean filterInstalled;

    /**
     * Makes requests without an Authorization header carry a token with both roles. Called by
     * each test class, in the class loader its requests are made from.
     */
    static synchronized void defaultTokenForRequests() {
        if (filterInstalled) {
            return;
        }
        String both = token(Roles.DECISION_CLIENT, Roles.RULES_ADMIN);
        RestAssured.filters((request, response, context) -> {
            if (defaultToken && !request.getHeaders().hasHeaderWithName("Authorization")) {
                request.header("Authorization", "Bearer " + both);
            }
            return context.next(request, response);
        });
        filterInstalled = true;
    }
}
