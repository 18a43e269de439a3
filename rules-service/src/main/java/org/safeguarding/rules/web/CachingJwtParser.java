package org.safeguarding.rules.web;

import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Verifies each distinct token once and remembers it until it expires. Callers send the same
 * token with every request, and verifying an RS256 signature costs more than a decision; the
 * cache is keyed by the whole token string, so a changed byte is verified afresh, and an
 * entry is never used after the token's expiry.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class CachingJwtParser extends DefaultJWTParser {
    static final int MAX_TOKENS = 10_000;

    private final ConcurrentHashMap<String, JsonWebToken> verified = new ConcurrentHashMap<>();

    @Inject
    public CachingJwtParser(JWTAuthContextInfo authContextInfo) {
        super(authContextInfo);
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        JsonWebToken cached = verified.get(token);
        long now = Instant.now().getEpochSecond();
        if (cached != null && cached.getExpirationTime() > now) {
            return cached;
        }
        JsonWebToken parsed = super.parse(token);
        if (verified.size() >= MAX_TOKENS) {
            verified.entrySet().removeIf(e -> e.getValue().getExpirationTime() <= now);
            if (verified.size() >= MAX_TOKENS) {
                verified.clear();
            }
        }
        verified.put(token, parsed);
        return parsed;
    }
}
