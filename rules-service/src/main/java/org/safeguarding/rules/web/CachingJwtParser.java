package org.safeguarding.rules.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Verifies bearer tokens and remembers a verified one for a short while: callers send the same
 * token with every request, and verifying an RS256 signature costs more than a decision.
 * <ul>
 * <li>Entries are keyed by what was signed (header and claims), not by the token string, so
 * bytes appended to a signature (which the JWT library tolerates) make no new entries; a token
 * whose signature text differs from the remembered one is verified afresh.</li>
 * <li>Memory is bounded: at most {@link #MAX_TOKENS} entries of tokens no longer than
 * {@link #MAX_TOKEN_CHARS} characters.</li>
 * <li>An entry is used for at most {@code safeguarding.auth.token-cache-ttl} and never after the
 * token expires. When the verification key is a file and its content changes, every entry is
 * dropped and the key is read again, so a rotation takes effect at once (within
 * {@code safeguarding.auth.key-check-interval}).</li>
 * <li>A token must say when it was issued and may be valid for at most
 * {@code safeguarding.auth.max-token-lifetime}; issuer, audience, expiry (with
 * {@code mp.jwt.verify.clock.skew} seconds of leeway) and signature are checked by SmallRye JWT.</li>
 * </ul>
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class CachingJwtParser extends DefaultJWTParser {
    static final int MAX_TOKENS = 2_000;
    static final int MAX_TOKEN_CHARS = 16 * 1024;

    private final JWTAuthContextInfo configured;
    private final Duration cacheTtl;
    private final Duration maxLifetime;
    private final Duration keyCheckInterval;
    private final Clock clock;
    private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();
    private volatile DefaultJWTParser delegate;
    private volatile byte[] keyFingerprint;
    private volatile long nextKeyCheck;

    private record Verified(String signature, JsonWebToken token, long usableUntilMillis) {
    }

    @Inject
    public CachingJwtParser(JWTAuthContextInfo authContextInfo,
                            @ConfigProperty(name = "safeguarding.auth.token-cache-ttl", defaultValue = "5m") Duration cacheTtl,
                            @ConfigProperty(name = "safeguarding.auth.max-token-lifetime", defaultValue = "24h") Duration maxLifetime,
                            @ConfigProperty(name = "safeguarding.auth.key-check-interval", defaultValue = "10s") Duration keyCheckInterval) {
        this(authContextInfo, cacheTtl, maxLifetime, keyCheckInterval, Clock.systemUTC());
    }

    CachingJwtParser(JWTAuthContextInfo authContextInfo, Duration cacheTtl, Duration maxLifetime, Duration keyCheckInterval, Clock clock) {
        super(authContextInfo);
        this.configured = authContextInfo;
        this.cacheTtl = cacheTtl;
        this.maxLifetime = maxLifetime;
        this.keyCheckInterval = keyCheckInterval;
        this.clock = clock;
        this.keyFingerprint = keyFingerprint();
        this.delegate = freshParser();
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        if (token == null || token.length() > MAX_TOKEN_CHARS) {
            throw new ParseException("token missing or too long");
        }
        int lastDot = token.lastIndexOf('.');
        if (lastDot < 0) {
            throw new ParseException("not a signed token");
        }
        checkKeyChanged();
        String signed = token.substring(0, lastDot);
        String signature = token.substring(lastDot + 1);
        long now = clock.millis();
        Verified cached = verified.get(signed);
        if (cached != null && cached.signature().equals(signature) && now < cached.usableUntilMillis()) {
            return cached.token();
        }
        JsonWebToken parsed = delegate.parse(token);
        long expiresMillis = parsed.getExpirationTime() * 1000;
        if (parsed.getIssuedAtTime() <= 0) {
            throw new ParseException("the token does not say when it was issued (iat)");
        }
        if (parsed.getExpirationTime() - parsed.getIssuedAtTime() > maxLifetime.toSeconds()) {
            throw new ParseException("the token is valid for longer than the maximum lifetime");
        }
        if (verified.size() >= MAX_TOKENS) {
            verified.values().removeIf(v -> v.usableUntilMillis() <= now);
            if (verified.size() >= MAX_TOKENS) {
                verified.clear();
            }
        }
        verified.put(signed, new Verified(signature, parsed, Math.min(expiresMillis, now + cacheTtl.toMillis())));
        return parsed;
    }

    int cachedTokens() {
        return verified.size();
    }

    private void checkKeyChanged() {
        long now = clock.millis();
        if (now < nextKeyCheck) {
            return;
        }
        synchronized (this) {
            if (now < nextKeyCheck) {
                return;
            }
            nextKeyCheck = now + keyCheckInterval.toMillis();
            byte[] fingerprint = keyFingerprint();
            if (!Arrays.equals(fingerprint, keyFingerprint)) {
                verified.clear();
                delegate = freshParser();
                keyFingerprint = fingerprint;
            }
        }
    }

    /** A parser that resolves the verification key anew (the shared default factory would keep the old key). */
    private DefaultJWTParser freshParser() {
        return new DefaultJWTParser(new JWTAuthContextInfo(configured), new DefaultJWTCallerPrincipalFactory());
    }

    /** A digest of the key file's content; empty when the key is given inline or fetched from a URL. */
    private byte[] keyFingerprint() {
        Path file = keyFile(configured.getPublicKeyLocation());
        if (file == null) {
            return new byte[0];
        }
        try {
            return MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
        } catch (IOException | java.security.NoSuchAlgorithmException e) {
            return new byte[0]; // unreadable now: SmallRye JWT refuses tokens until the key is back
        }
    }

    private static Path keyFile(String location) {
        if (location == null || location.isBlank() || location.startsWith("http:") || location.startsWith("https:")
                || location.startsWith("classpath:")) {
            return null;
        }
        try {
            Path path = location.startsWith("file:") ? Path.of(java.net.URI.create(location)) : Path.of(location);
            return Files.isRegularFile(path) ? path : null;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
