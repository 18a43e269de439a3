package org.safeguarding.rules.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Set;

import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safeguarding.rules.cli.LocalTokens;

/** The token cache cannot be grown by token variants, forgets everything when the key file changes, and enforces a lifetime. */
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
        Files.writeString(keyFile, "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(pair.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
    }

    private CachingJwtParser parser() {
        JWTAuthContextInfo info = new JWTAuthContextInfo();
        info.setPublicKeyLocation(keyFile.toString());
        info.setIssuedBy(ISSUER);
        info.setExpectedAudience(Set.of(LocalTokens.AUDIENCE));
        info.setClockSkew(60);
        return new CachingJwtParser(info, Duration.ofMinutes(5), Duration.ofHours(24), Duration.ofSeconds(10), clock);
    }

    private static String token(KeyPair pair, Duration lifetime) throws Exception {
        return LocalTokens.sign(pair.getPrivate(), ISSUER, "someone", Roles.DECISION_CLIENT, Instant.now(), lifetime);
    }

    @Test
    void variants_of_one_token_make_no_new_entries() throws Exception {
        CachingJwtParser parser = parser();
        String token = token(first, Duration.ofHours(1));
        parser.parse(token);
        int accepted = 0;
        String[] junk = {"=", "==", "!", "~", "*", "%", "#", "-", "_", "A", "AA", "AAA", "é", "\u0000"};
        for (int i = 0; i < 500; i++) {
            try {
                parser.parse(token + junk[i % junk.length].repeat(1 + i / junk.length));
                accepted++;
            } catch (ParseException refused) {
                // refused is as good: only what was signed may be cached
            }
        }
        assertThat(parser.cachedTokens()).isEqualTo(1);
        System.out.printf("token variants: %d of 500 accepted by the JWT library, cache entries: %d%n", accepted, parser.cachedTokens());
    }

    @Test
    void a_rotated_key_file_drops_every_cached_token() throws Exception {
        CachingJwtParser parser = parser();
        String old = token(first, Duration.ofHours(1));
        parser.parse(old);
        KeyPair second = pair();
        writeKey(second);
        clock.now = clock.now.plusSeconds(11);
        assertThatThrownBy(() -> parser.parse(old)).isInstanceOf(ParseException.class);
        assertThat(parser.parse(token(second, Duration.ofHours(1))).getSubject()).isEqualTo("someone");
    }

    @Test
    void lifetime_is_bounded_and_issue_time_required() throws Exception {
        CachingJwtParser parser = parser();
        assertThatThrownBy(() -> parser.parse(token(first, Duration.ofDays(36_500)))).isInstanceOf(ParseException.class);
        assertThat(parser.parse(token(first, Duration.ofHours(24))).getSubject()).isEqualTo("someone");
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
    void an_oversized_token_is_refused_unread() {
        assertThatThrownBy(() -> parser().parse("a.b." + "c".repeat(CachingJwtParser.MAX_TOKEN_CHARS))).isInstanceOf(ParseException.class);
    }
}
