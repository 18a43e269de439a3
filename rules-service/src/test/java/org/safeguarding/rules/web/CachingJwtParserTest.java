package org.safeguarding.rules.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.sun.net.httpserver.HttpServer;

import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safeguarding.rules.cli.LocalTokens;

/** Only compact tokens are read; keys are trusted as they are now in their file or at their URL; lifetimes are bounded from issue and from now. */
class CachingJwtParserTest {
    private static final String ISSUER = "https://issuer.test";
    @TempDir
    Path dir;
    private Path keyFile;
    private KeyPair first;
    private final MovableClock clock = new MovableClock();

    static final class MovableClock extends Clock {
        Instant now = Instant.now();

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @BeforeEach
    void key() throws Exception {
        first = pair();
        keyFile = dir.resolve("public-key.pem");
        writeKey(first);
    }

    private static KeyPair pair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private void writeKey(KeyPair pair) throws Exception {
        Files.writeString(keyFile, pem(pair));
    }

    private static String pem(KeyPair pair) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(pair.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    private CachingJwtParser parser() throws Exception {
        return parser(keyFile.toString());
    }

    /**
     * As Quarkus configures it: a file location is read once at start into the key's text, and the
     * context carries the text without the location; the location comes from the configuration.
     */
    private CachingJwtParser parser(String location) throws Exception {
        JWTAuthContextInfo info = new JWTAuthContextInfo();
        if (location.startsWith("http")) {
            info.setPublicKeyLocation(location);
        } else {
            info.setPublicKeyContent(Files.readString(Path.of(location)));
        }
        info.setIssuedBy(ISSUER);
        info.setExpectedAudience(Set.of(LocalTokens.AUDIENCE));
        info.setClockSkew(60);
        return new CachingJwtParser(info, Duration.ofMinutes(5), Duration.ofHours(24), Duration.ofSeconds(10), Duration.ofMillis(300),
                Duration.ofSeconds(10), java.util.Optional.of(location), clock);
    }

    private static String token(KeyPair pair, Duration lifetime) throws Exception {
        return LocalTokens.sign(pair.getPrivate(), ISSUER, "someone", Roles.DECISION_CLIENT, Instant.now(), lifetime);
    }

    /** A token with a key id in its header and the issue and expiry times given (seconds since 1970). */
    private static String token(KeyPair pair, String keyId, long issuedAt, long expires) throws Exception {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        String header = url.encodeToString(("{\"alg\":\"RS256\",\"typ\":\"JWT\"" + (keyId == null ? "" : ",\"kid\":\"" + keyId + "\"")
                + "}").getBytes(StandardCharsets.UTF_8));
        String claims = url.encodeToString(("{\"iss\":\"" + ISSUER + "\",\"aud\":\"" + LocalTokens.AUDIENCE + "\",\"sub\":\"someone\","
                + "\"groups\":[\"" + Roles.DECISION_CLIENT + "\"],\"iat\":" + issuedAt + ",\"exp\":" + expires + "}").getBytes(StandardCharsets.UTF_8));
        java.security.Signature rsa = java.security.Signature.getInstance("SHA256withRSA");
        rsa.initSign(pair.getPrivate());
        rsa.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
        return header + "." + claims + "." + url.encodeToString(rsa.sign());
    }

    private static String token(KeyPair pair, String keyId) throws Exception {
        long now = Instant.now().getEpochSecond();
        return token(pair, keyId, now, now + 3600);
    }

    private static String jwks(Map<String, KeyPair> keys) {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        StringBuilder json = new StringBuilder("{\"keys\":[");
        keys.forEach((kid, pair) -> {
            RSAPublicKey key = (RSAPublicKey) pair.getPublic();
            json.append(json.charAt(json.length() - 1) == '[' ? "" : ",").append("{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"")
                    .append(kid).append("\",\"n\":\"").append(url.encodeToString(unsigned(key.getModulus())))
                    .append("\",\"e\":\"").append(url.encodeToString(unsigned(key.getPublicExponent()))).append("\"}");
        });
        return json.append("]}").toString();
    }

    private static byte[] unsigned(java.math.BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    private static boolean accepted(CachingJwtParser parser, String token) {
        try {
            parser.parse(token);
            return true;
        } catch (ParseException refused) {
            return false;
        }
    }

    @Test
    void only_a_compact_jws_is_read() throws Exception {
        CachingJwtParser parser = parser();
        String token = token(first, Duration.ofHours(1));
        assertThat(accepted(parser, token)).isTrue();
        String[] junk = {"$$$", "=", "==", "!", "~", "*", "%", "#", ".", " ", "\n", "é", "\u0000", "A"};
        for (String extra : junk) {
            assertThat(accepted(parser, token + extra)).as("junk %s after the signature", extra).isFalse();
            assertThat(accepted(parser, extra + token)).as("junk %s before the header", extra).isFalse();
        }
        String[] parts = token.split("\\.");
        assertThat(accepted(parser, parts[0] + "." + parts[1] + ".")).isFalse();
        assertThat(accepted(parser, parts[0] + ".." + parts[2])).isFalse();
        assertThat(accepted(parser, parts[0] + "=." + parts[1] + "." + parts[2])).isFalse();
        assertThat(CachingJwtParser.isCompactJws(token)).isTrue();
        assertThat(parser.cachedTokens()).isEqualTo(1);
    }

    @Test
    void a_key_file_replaced_by_mv_is_trusted_instead_of_the_old_one() throws Exception {
        CachingJwtParser parser = parser();
        String old = token(first, Duration.ofHours(1));
        assertThat(accepted(parser, old)).isTrue();
        KeyPair second = pair();
        Path staged = dir.resolve("staged.pem");
        Files.writeString(staged, pem(second));
        Files.move(staged, keyFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        String made = token(second, Duration.ofHours(1));
        clock.now = clock.now.plusSeconds(11);
        assertThat(accepted(parser, old)).isFalse();
        assertThat(accepted(parser, token(first, Duration.ofHours(1)))).as("a token made with the old key after the change").isFalse();
        assertThat(accepted(parser, made)).isTrue();
    }

    @Test
    void a_key_file_rewritten_in_place_is_trusted_instead_of_the_old_one() throws Exception {
        CachingJwtParser parser = parser();
        String old = token(first, Duration.ofHours(1));
        assertThat(accepted(parser, old)).isTrue();
        KeyPair second = pair();
        writeKey(second);
        clock.now = clock.now.plusSeconds(11);
        assertThat(accepted(parser, old)).isFalse();
        assertThat(accepted(parser, token(second, Duration.ofHours(1)))).isTrue();
    }

    @Test
    void a_jwks_file_trusts_every_key_it_holds_during_an_overlap_and_only_those() throws Exception {
        KeyPair second = pair();
        Path jwks = dir.resolve("keys.jwks");
        Files.writeString(jwks, jwks(Map.of("one", first)));
        CachingJwtParser parser = parser(jwks.toString());
        assertThat(accepted(parser, token(first, "one"))).isTrue();
        assertThat(accepted(parser, token(second, "two"))).isFalse();
        Files.writeString(jwks, jwks(new java.util.LinkedHashMap<>(Map.of("one", first, "two", second))));
        clock.now = clock.now.plusSeconds(11);
        assertThat(accepted(parser, token(first, "one"))).as("old key during the overlap").isTrue();
        assertThat(accepted(parser, token(second, "two"))).as("new key during the overlap").isTrue();
        Files.writeString(jwks, jwks(Map.of("two", second)));
        clock.now = clock.now.plusSeconds(11);
        assertThat(accepted(parser, token(first, "one"))).as("old key after the overlap").isFalse();
        assertThat(accepted(parser, token(second, "two"))).isTrue();
    }

    @Test
    void a_jwks_url_is_fetched_again_for_an_unknown_key_id_and_drops_a_removed_key() throws Exception {
        KeyPair second = pair();
        java.util.concurrent.atomic.AtomicReference<String> served = new java.util.concurrent.atomic.AtomicReference<>(
                jwks(Map.of("one", first)));
        java.util.concurrent.atomic.AtomicInteger fetches = new java.util.concurrent.atomic.AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/certs", exchange -> {
            fetches.incrementAndGet();
            byte[] body = served.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        CachingJwtParser parser = parser("http://127.0.0.1:" + server.getAddress().getPort() + "/certs");
        try {
            String old = token(first, "one");
            assertThat(accepted(parser, old)).isTrue();
            // The provider rotates: both keys for a while, then only the new one.
            served.set(jwks(new java.util.LinkedHashMap<>(Map.of("one", first, "two", second))));
            assertThat(accepted(parser, token(second, "two"))).as("a new key id is fetched at once").isTrue();
            assertThat(accepted(parser, old)).as("old key during the overlap").isTrue();
            // Invented key ids force at most one fetch per minimum interval (10 s on the test clock, which stands still);
            // the background refresh (every 300 ms here) goes on meanwhile and is allowed for.
            List<String> invented = new java.util.ArrayList<>();
            for (int i = 0; i < 100; i++) {
                invented.add(token(second, "invented-" + i));
            }
            int before = fetches.get();
            long started = System.nanoTime();
            for (String token : invented) {
                assertThat(accepted(parser, token)).isFalse();
            }
            long background = (System.nanoTime() - started) / 300_000_000L + 1;
            assertThat(fetches.get() - before).as("fetches for 100 invented key ids").isLessThanOrEqualTo(1 + (int) background);
            assertThat(fetches.get() - before).isLessThan(100);
            served.set(jwks(Map.of("two", second)));
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (accepted(parser, old) && System.nanoTime() < deadline) {
                Thread.sleep(50); // the background refresh runs every 300 ms in this test
            }
            assertThat(accepted(parser, old)).as("old key once the provider removed it").isFalse();
            assertThat(accepted(parser, token(second, "two"))).isTrue();
            // The provider is down: the keys fetched before stay trusted.
            server.stop(0);
            Thread.sleep(700);
            assertThat(accepted(parser, token(second, "two"))).isTrue();
        } finally {
            parser.close();
            server.stop(0);
        }
    }

    @Test
    void lifetime_is_bounded_from_issue_and_from_now_and_issue_time_required() throws Exception {
        CachingJwtParser parser = parser();
        long now = Instant.now().getEpochSecond();
        long century = 100L * 365 * 24 * 3600;
        assertThat(accepted(parser, token(first, Duration.ofDays(36_500)))).as("valid for 100 years").isFalse();
        assertThat(accepted(parser, token(first, null, now + century, now + century + 3600))).as("issued 100 years ahead, one hour long").isFalse();
        assertThat(accepted(parser, token(first, null, now + 600, now + 1200))).as("issued 10 minutes ahead").isFalse();
        assertThat(accepted(parser, token(first, null, now + 30, now + 30 + 24 * 3600))).as("within the clock skew").isTrue();
        assertThat(accepted(parser, token(first, null, 0, now + 3600))).as("no issue time").isFalse();
        assertThat(accepted(parser, token(first, Duration.ofHours(24)))).isTrue();
    }

    @Test
    void the_audience_is_required() throws Exception {
        CachingJwtParser parser = parser();
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        long now = Instant.now().getEpochSecond();
        String header = url.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes());
        String claims = url.encodeToString(("{\"iss\":\"" + ISSUER + "\",\"sub\":\"x\",\"iat\":" + now + ",\"exp\":" + (now + 600) + "}").getBytes());
        java.security.Signature rsa = java.security.Signature.getInstance("SHA256withRSA");
        rsa.initSign(first.getPrivate());
        rsa.update((header + "." + claims).getBytes());
        String noAudience = header + "." + claims + "." + url.encodeToString(rsa.sign());
        assertThatThrownBy(() -> parser.parse(noAudience)).isInstanceOf(ParseException.class);
    }

    @Test
    void an_oversized_token_is_refused_unread() throws Exception {
        assertThatThrownBy(() -> parser().parse("a.b." + "c".repeat(CachingJwtParser.MAX_TOKEN_CHARS))).isInstanceOf(ParseException.class);
    }
}
