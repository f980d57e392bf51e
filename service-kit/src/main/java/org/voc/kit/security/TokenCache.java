package org.voc.kit.security;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The service's verified-token cache when {@code voc.security.token-cache.enabled}: clients reuse one bearer token
 * for thousands of requests, and verifying its signature and claims each time is a large share of a cheap
 * request's CPU. {@link CachedTokenIdentityProvider} answers from it before OIDC verifies; {@link
 * VerifiedTokenRecorder} fills it with what OIDC verified. Roles and permission checks still run on every request.
 */
@ApplicationScoped
public class TokenCache {

    /** Marks an identity served from the cache, so it is not recorded again. */
    static final String FROM_CACHE = TokenCache.class.getName() + ".hit";

    private final VerifiedTokens tokens;
    private final LongAdder hits = new LongAdder();

    public TokenCache(TokenCacheConfig config) {
        this.tokens = config.enabled() ? new VerifiedTokens(config.maxSize()) : null;
    }

    /** The identity this request's token was verified as, tied to this request; null to verify it in full. */
    SecurityIdentity lookup(TokenAuthenticationRequest request) {
        if (tokens == null || request.getToken() == null || request.getToken().getToken() == null) {
            return null;
        }
        SecurityIdentity identity = tokens.get(request.getToken().getToken(), Instant.now());
        if (identity == null) {
            return null;
        }
        hits.increment();
        QuarkusSecurityIdentity.Builder copy = QuarkusSecurityIdentity.builder(identity);
        // the verified identity carries the request it was verified on: give it this one
        RoutingContext context = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (context != null) {
            copy.addAttribute(RoutingContext.class.getName(), context);
        }
        return copy.addAttribute(FROM_CACHE, Boolean.TRUE).build();
    }

    /** Keeps an identity that OIDC verified from a JWT with an expiry; anything else is left alone. */
    void record(SecurityIdentity identity) {
        if (tokens == null || identity.isAnonymous() || identity.getAttribute(FROM_CACHE) != null) {
            return;
        }
        AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
        if (credential == null
                || credential.isOpaque()
                || !(identity.getPrincipal() instanceof JsonWebToken jwt)
                || jwt.getExpirationTime() <= 0) {
            return;
        }
        tokens.put(credential.getToken(), identity, Instant.ofEpochSecond(jwt.getExpirationTime()), Instant.now());
    }

    /** Whether the cache is on. */
    public boolean enabled() {
        return tokens != null;
    }

    /** Requests answered from the cache since start. */
    public long hits() {
        return hits.sum();
    }

    /** Tokens kept now. */
    public int size() {
        return tokens == null ? 0 : tokens.size();
    }
}
