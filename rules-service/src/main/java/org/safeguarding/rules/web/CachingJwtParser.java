package org.safeguarding.rules.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.PreDestroy;
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
 * <li>Only a compact JWS is read: three non-empty base64url segments and nothing else, checked
 * before any decoding, so no variant of a token's text (bytes appended to its signature, padding,
 * spaces) is accepted or cached.</li>
 * <li>Memory is bounded: at most {@link #MAX_TOKENS} entries of tokens no longer than
 * {@link #MAX_TOKEN_CHARS} characters.</li>
 * <li>An entry is used for at most {@code safeguarding.auth.token-cache-ttl} and never after the
 * token expires. The keys come from {@link VerificationKeys}: when their text changes, every
 * entry is dropped and SmallRye JWT is given the new text, so a rotation takes effect within
 * {@code safeguarding.auth.key-check-interval} (a file) or {@code safeguarding.auth.jwks-refresh-interval}
 * (a JWKS URL, fetched at once for a key id it does not hold).</li>
 * <li>A token must say when it was issued; it is refused when it may be used for longer than
 * {@code safeguarding.auth.max-token-lifetime}, counted both from its issue time and from now,
 * or when it was issued in the future, each with {@code mp.jwt.verify.clock.skew} seconds of
 * leeway. Issuer, audience, expiry and signature are checked by SmallRye JWT.</li>
 * </ul>
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class CachingJwtParser extends DefaultJWTParser {
    static final int MAX_TOKENS = 2_000;
    static final int MAX_TOKEN_CHARS = 16 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JWTAuthContextInfo configured;
    private final VerificationKeys keys;
    private final Duration cacheTtl;
    private final Duration maxLifetime;
    private final long skewSeconds;
    private final Clock clock;
    private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();
    private volatile Delegate delegate;

    private record Verified(JsonWebToken token, long usableUntilMillis) {
    }

    /** A SmallRye parser given one text of the keys. */
    private record Delegate(VerificationKeys.Keys keys, DefaultJWTParser parser) {
    }

    @Inject
    public CachingJwtParser(JWTAuthContextInfo authContextInfo,
                            @ConfigProperty(name = "safeguarding.auth.token-cache-ttl", defaultValue = "5m") Duration cacheTtl,
                            @ConfigProperty(name = "safeguarding.auth.max-token-lifetime", defaultValue = "24h") Duration maxLifetime,
                            @ConfigProperty(name = "safeguarding.auth.key-check-interval", defaultValue = "10s") Duration keyCheckInterval,
                            @ConfigProperty(name = "safeguarding.auth.jwks-refresh-interval", defaultValue = "1m") Duration jwksRefresh,
                            @ConfigProperty(name = "safeguarding.auth.jwks-min-refresh-interval", defaultValue = "10s") Duration jwksMinRefresh,
                            @ConfigProperty(name = "mp.jwt.verify.publickey.location") java.util.Optional<String> keyLocation) {
        this(authContextInfo, cacheTtl, maxLifetime, keyCheckInterval, jwksRefresh, jwksMinRefresh, keyLocation, Clock.systemUTC());
    }

    /**
     * The configured location, which SmallRye JWT's provider reads at start into the key's text and
     * then leaves out of the context it hands over (so a file could never be read again).
     */
    private static JWTAuthContextInfo withLocation(JWTAuthContextInfo info, java.util.Optional<String> location) {
        JWTAuthContextInfo copy = new JWTAuthContextInfo(info);
        location.filter(l -> !l.isBlank()).ifPresent(copy::setPublicKeyLocation);
        return copy;
    }

    CachingJwtParser(JWTAuthContextInfo configuredInfo, Duration cacheTtl, Duration maxLifetime, Duration keyCheckInterval,
                     Duration jwksRefresh, Duration jwksMinRefresh, java.util.Optional<String> keyLocation, Clock clock) {
        super(configuredInfo);
        JWTAuthContextInfo authContextInfo = withLocation(configuredInfo, keyLocation);
        this.configured = authContextInfo;
        this.cacheTtl = cacheTtl;
        this.maxLifetime = maxLifetime;
        this.skewSeconds = Math.max(0, authContextInfo.getClockSkew());
        this.clock = clock;
        this.keys = VerificationKeys.of(authContextInfo.getPublicKeyLocation(), authContextInfo.getPublicKeyContent(), keyCheckInterval,
                jwksRefresh, jwksMinRefresh, clock);
        this.delegate = delegateFor(keys.current());
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        if (!isCompactJws(token)) {
            throw new ParseException("not a compact JWS: three base64url segments");
        }
        keys.refreshIfDue();
        Delegate current = currentDelegate();
        long now = clock.millis();
        Verified cached = verified.get(token);
        if (cached != null && now < cached.usableUntilMillis()) {
            return cached.token();
        }
        if (keys.current().isKeySet()) {
            keys.refreshForUnknownKeyId(keyId(token), !io.vertx.core.Context.isOnEventLoopThread());
            current = currentDelegate();
        }
        JsonWebToken parsed = current.parser().parse(token);
        checkLifetime(parsed, now / 1000);
        if (verified.size() >= MAX_TOKENS) {
            verified.values().removeIf(v -> v.usableUntilMillis() <= now);
            if (verified.size() >= MAX_TOKENS) {
                verified.clear();
            }
        }
        if (current == delegate) {
            verified.put(token, new Verified(parsed, Math.min(parsed.getExpirationTime() * 1000, now + cacheTtl.toMillis())));
        }
        return parsed;
    }

    @PreDestroy
    void close() {
        keys.close();
    }

    int cachedTokens() {
        return verified.size();
    }

    /** Header, claims and signature: each a non-empty run of base64url characters of a possible length, nothing else. */
    static boolean isCompactJws(String token) {
        if (token == null || token.length() > MAX_TOKEN_CHARS) {
            return false;
        }
        int segments = 1;
        int segmentLength = 0;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c == '.') {
                if (segmentLength == 0 || segmentLength % 4 == 1 || ++segments > 3) {
                    return false;
                }
                segmentLength = 0;
            } else if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
                segmentLength++;
            } else {
                return false;
            }
        }
        return segments == 3 && segmentLength > 0 && segmentLength % 4 != 1;
    }

    private void checkLifetime(JsonWebToken token, long nowSeconds) throws ParseException {
        long issued = token.getIssuedAtTime();
        long expires = token.getExpirationTime();
        if (issued <= 0) {
            throw new ParseException("the token does not say when it was issued (iat)");
        }
        if (issued > nowSeconds + skewSeconds) {
            throw new ParseException("the token was issued in the future");
        }
        long max = maxLifetime.toSeconds();
        if (expires - issued > max || expires - nowSeconds > max + skewSeconds) {
            throw new ParseException("the token is valid for longer than the maximum lifetime");
        }
    }

    /** The parser for the keys as they are now, made anew (and the cache emptied) when their text changed. */
    private Delegate currentDelegate() {
        Delegate current = delegate;
        VerificationKeys.Keys now = keys.current();
        if (current.keys() == now) {
            return current;
        }
        synchronized (this) {
            if (delegate.keys() != now) {
                verified.clear();
                delegate = delegateFor(now);
            }
            return delegate;
        }
    }

    /** SmallRye JWT given the keys' text, never their location: it would read a location once and keep it. */
    private Delegate delegateFor(VerificationKeys.Keys current) {
        JWTAuthContextInfo info = new JWTAuthContextInfo(configured);
        info.setPublicKeyLocation(null);
        info.setPublicKeyContent(current.text());
        return new Delegate(current, new DefaultJWTParser(info, new DefaultJWTCallerPrincipalFactory()));
    }

    private static String keyId(String token) {
        try {
            byte[] header = Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.')));
            JsonNode kid = JSON.readTree(header).get("kid");
            return kid != null && kid.isTextual() ? kid.asText() : null;
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }
}
