package org.voc.response.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.security.Key;
import java.util.List;
import java.util.function.LongSupplier;
import org.jboss.logging.Logger;
import org.jose4j.http.Get;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.keys.resolvers.VerificationKeyResolver;
import org.jose4j.lang.JoseException;
import org.jose4j.lang.UnresolvableKeyException;
import org.voc.kit.problem.Unavailable;
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

    /** The keys could not be fetched at all (survey-service down): not the token's fault, so not "not found". */
    public static class Unavailable extends UnresolvableKeyException {
        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final HttpsJwks jwks;
    private final long refreshIntervalNanos;
    private final LongSupplier nanoTime;
    /** When the last refresh forced by an unknown kid started (nanoTime), null before the first; guarded by this. */
    private Long refreshedAt;

    @Inject
    public InvitationKeys(InvitationConfig config) {
        this(config, System::nanoTime);
    }

    /** With a clock of its own, so a test can tell the refresh limit without waiting for it. */
    public InvitationKeys(InvitationConfig config, LongSupplier nanoTime) {
        this.jwks = new HttpsJwks(config.jwksUrl());
        Get get = new Get();
        get.setConnectTimeout((int) config.jwksTimeout().toMillis());
        get.setReadTimeout((int) config.jwksTimeout().toMillis());
        this.jwks.setSimpleHttpGet(get);
        this.jwks.setDefaultCacheDuration(config.jwksCacheDuration().toSeconds());
        // Keeps verifying with the keys we have while survey-service is briefly unreachable.
        this.jwks.setRetainCacheOnErrorDuration(config.jwksCacheDuration().toSeconds());
        // jose4j skips a refresh within 300 ms of the last fetch; the interval below is the only limit wanted, or a
        // key first used right after a fetch would be missed for a whole interval.
        this.jwks.setRefreshReprieveThreshold(0);
        this.refreshIntervalNanos = config.jwksRefreshInterval().toNanos();
        this.nanoTime = nanoTime;
    }

    @Override
    public Key resolveKey(JsonWebSignature jws, List<JsonWebStructure> nestingContext) throws UnresolvableKeyException {
        String kid = jws.getKeyIdHeaderValue();
        if (kid == null || kid.isBlank()) {
            throw new UnresolvableKeyException("the token names no kid");
        }
        JsonWebKey key;
        try {
            key = find(jwks.getJsonWebKeys(), kid);
            if (key == null) {
                key = refreshFor(kid);
            }
        } catch (IOException | JoseException e) {
            throw new Unavailable("the invitation keys at " + jwks.getLocation() + " could not be read: " + e, e);
        }
        if (key == null) {
            throw new UnresolvableKeyException("no invitation key with kid " + kid);
        }
        return key.getKey();
    }

    /**
     * Refreshes the JWKS for a kid it lacks, unless that was done less than the interval ago. Serialised, so that
     * the requests that arrive together with a newly rotated key wait for one refresh and all find the key, rather
     * than one refreshing while the others fail.
     */
    private synchronized JsonWebKey refreshFor(String kid) throws IOException, JoseException {
        JsonWebKey key = find(jwks.getJsonWebKeys(), kid); // refreshed by another thread while this one waited?
        long now = nanoTime.getAsLong();
        if (key != null || refreshedAt != null && now - refreshedAt < refreshIntervalNanos) {
            return key;
        }
        refreshedAt = now;
        LOG.debugf("invitation key %s is not in the cached JWKS; refreshing it", kid);
        jwks.refresh();
        return find(jwks.getJsonWebKeys(), kid);
    }

    /** The P-256 signing key with this kid; keys of other types or curves never verify an invitation. */
    private static JsonWebKey find(List<JsonWebKey> keys, String kid) {
        for (JsonWebKey key : keys) {
            if (kid.equals(key.getKeyId())
                    && key instanceof EllipticCurveJsonWebKey ec
                    && EllipticCurves.P_256.equals(ec.getCurveName())
                    && (key.getUse() == null || "sig".equals(key.getUse()))) {
                return key;
            }
        }
        return null;
    }
}
