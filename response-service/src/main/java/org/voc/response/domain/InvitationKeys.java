package org.voc.response.domain;

import java.io.IOException;
import java.security.Key;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.keys.resolvers.VerificationKeyResolver;
import org.jose4j.lang.JoseException;
import org.jose4j.lang.UnresolvableKeyException;
import org.voc.response.config.InvitationConfig;

/**
 * survey-service's public invitation keys, fetched from its JWKS and cached ({@link HttpsJwks}). A token whose
 * {@code kid} is not in the cache forces a refresh, so a key added by a rotation works on its first use; such
 * refreshes are at most one per {@code voc.invitations.jwks-refresh-interval}, because anyone can send a token with a
 * made-up kid. jose4j's own {@code HttpsJwksVerificationKeyResolver} refreshes on every unknown kid, hence this class.
 */
@ApplicationScoped
public class InvitationKeys implements VerificationKeyResolver {

    private static final Logger LOG = Logger.getLogger(InvitationKeys.class);

    /** The keys could not be fetched at all (survey-service down): not the token's fault, so not a 404. */
    public static class Unavailable extends UnresolvableKeyException {
        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final HttpsJwks jwks;
    private final long refreshIntervalNanos;
    private final LongSupplier nanoTime;
    /** When the last forced refresh started; {@code Long.MIN_VALUE / 2} means never (no overflow on subtraction). */
    private final AtomicLong lastForcedRefresh = new AtomicLong(Long.MIN_VALUE / 2);

    @Inject
    public InvitationKeys(InvitationConfig config) {
        this(config, System::nanoTime);
    }

    /** With a clock of its own, so a test can tell the refresh limit without waiting for it. */
    public InvitationKeys(InvitationConfig config, LongSupplier nanoTime) {
        this.jwks = new HttpsJwks(config.jwksUrl());
        this.jwks.setDefaultCacheDuration(config.jwksCacheDuration().toSeconds());
        // Keeps verifying with the keys we have while survey-service is briefly unreachable.
        this.jwks.setRetainCacheOnErrorDuration(config.jwksCacheDuration().toSeconds());
        this.refreshIntervalNanos = config.jwksRefreshInterval().toNanos();
        this.nanoTime = nanoTime;
    }

    @Override
    public Key resolveKey(JsonWebSignature jws, List<JsonWebStructure> nestingContext)
            throws UnresolvableKeyException {
        String kid = jws.getKeyIdHeaderValue();
        if (kid == null || kid.isBlank()) {
            throw new UnresolvableKeyException("the token names no kid");
        }
        try {
            JsonWebKey key = find(jwks.getJsonWebKeys(), kid);
            if (key == null && mayRefresh()) {
                LOG.debugf("invitation key %s is not in the cached JWKS; refreshing it", kid);
                jwks.refresh();
                key = find(jwks.getJsonWebKeys(), kid);
            }
            if (key == null) {
                throw new UnresolvableKeyException("no invitation key with kid " + kid);
            }
            return key.getKey();
        } catch (IOException | JoseException e) {
            throw new Unavailable("the invitation keys at " + jwks.getLocation() + " could not be read: " + e, e);
        }
    }

    /** Claims the right to force a refresh now, for this thread only, if the last one is old enough. */
    private boolean mayRefresh() {
        long now = nanoTime.getAsLong();
        long last = lastForcedRefresh.get();
        return now - last >= refreshIntervalNanos && lastForcedRefresh.compareAndSet(last, now);
    }

    /** The P-256 signing key with this kid; keys of other types or curves never verify an invitation. */
    private static JsonWebKey find(List<JsonWebKey> keys, String kid) {
        for (JsonWebKey key : keys) {
            if (kid.equals(key.getKeyId()) && key instanceof EllipticCurveJsonWebKey ec
                    && EllipticCurves.P_256.equals(ec.getCurveName())
                    && (key.getUse() == null || "sig".equals(key.getUse()))) {
                return key;
            }
        }
        return null;
    }
}
