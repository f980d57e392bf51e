package org.voc.survey.invitation.domain;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.lang.JoseException;
import org.voc.events.InvitationKeyRetired;
import org.voc.kit.outbox.Outbox;
import org.voc.kit.problem.NotFound;
import org.voc.survey.invitation.persistence.InvitationKeyRepository;

/**
 * The ring of invitation signing keys: exactly one current key signs, superseded keys stay published until every
 * invitation they signed has expired. The current key rotates when it reaches its rotation period (on its next
 * use) or on demand; with several replicas the rotation is serialised by an advisory lock and the others pick up
 * the new key within the refresh interval, still signing with the old one meanwhile (it stays valid).
 */
@ApplicationScoped
public class InvitationKeys {

    private static final Logger LOG = Logger.getLogger(InvitationKeys.class);
    static final String ALGORITHM = AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256;

    /** The decrypted current key, and when this replica last read it. */
    record SigningKey(String kid, PrivateKey privateKey, Instant createdAt, Instant readAt) {}

    /** A key as operators see it; never its private half. */
    public record KeyInfo(
            String kid, String algorithm, Instant createdAt, Instant supersededAt, Instant retireAt, boolean current) {}

    private final InvitationKeyRepository keys;
    private final InvitationKeyConfig config;
    private final Outbox outbox;
    private final KeyCipher cipher;
    private volatile SigningKey current;

    public InvitationKeys(
            InvitationKeyRepository keys, InvitationKeyConfig config, Outbox outbox, MeterRegistry registry) {
        this.keys = keys;
        this.config = config;
        this.outbox = outbox;
        this.cipher = new KeyCipher(config.encryptionSecret());
        // A current key much older than the rotation period means rotation fails (the invitation-key alert).
        Gauge.builder("voc.invitation.keys.current.age", this, InvitationKeys::currentKeyAgeSeconds)
                .description("Age of the signing key this replica currently uses")
                .baseUnit("seconds")
                .register(registry);
        Gauge.builder(
                        "voc.invitation.keys.rotation.period",
                        config,
                        c -> c.rotationPeriod().toSeconds())
                .description("Configured rotation period of the invitation signing key")
                .baseUnit("seconds")
                .register(registry);
    }

    private double currentKeyAgeSeconds() {
        SigningKey key = current;
        return key == null
                ? 0
                : Math.max(
                        0,
                        java.time.Duration.between(key.createdAt(), Instant.now())
                                .toSeconds());
    }

    /** A new installation gets its first key at start, and a wrong encryption secret stops the start. */
    void start(@Observes StartupEvent event) {
        signingKey();
    }

    /** The key to sign with now; re-read after the refresh interval, rotated once it is too old. */
    SigningKey signingKey() {
        SigningKey key = current;
        Instant now = Instant.now();
        if (key != null && !stale(key, now)) {
            return key;
        }
        synchronized (this) {
            key = current;
            if (key == null || stale(key, now)) {
                key = QuarkusTransaction.requiringNew().call(() -> readOrRotate(now));
                current = key;
            }
            return key;
        }
    }

    /** Replaces the current key now (an operator's rotation, e.g. after a suspected leak of the old one). */
    public KeyInfo rotate() {
        synchronized (this) {
            SigningKey key = QuarkusTransaction.requiringNew().call(() -> {
                keys.lockKeyRing();
                return rotateLocked(Instant.now());
            });
            current = key;
            return new KeyInfo(key.kid(), ALGORITHM, key.createdAt(), null, null, true);
        }
    }

    /**
     * Retires a key at once, after a leak: it leaves the JWKS now and {@code InvitationKeyRetired} (published with
     * the change, by the outbox) makes response-service refuse every token it signed. If it is the current key a new
     * one becomes current first. Other replicas of this service keep signing with a retired current key until they
     * re-read the current key ({@code refresh-interval}); invitations they issue meanwhile are refused too.
     * Retiring a retired key again changes nothing.
     */
    public KeyInfo retire(String kid) {
        synchronized (this) {
            SigningKey[] replaced = new SigningKey[1];
            KeyInfo retired = QuarkusTransaction.requiringNew().call(() -> {
                keys.lockKeyRing();
                Instant now = Instant.now();
                Instant at = now.truncatedTo(ChronoUnit.MICROS);
                InvitationKey key = keys.byKid(kid).orElseThrow(() -> NotFound.of("invitation key", kid));
                if (key.retireAt() != null && !key.retireAt().isAfter(at)) {
                    return info(key);
                }
                if (key.supersededAt() == null) {
                    replaced[0] = rotateLocked(now);
                }
                keys.retire(kid, at);
                outbox.publish(InvitationKeyRetired.TYPE.of(new InvitationKeyRetired(kid, at)));
                LOG.warnf("invitation signing key %s retired: every invitation it signed is refused from now on", kid);
                return info(keys.byKid(kid).orElseThrow());
            });
            if (replaced[0] != null) {
                current = replaced[0];
            }
            return retired;
        }
    }

    /** Public halves of the published keys, as JWK maps (RFC 7517). */
    public List<Map<String, Object>> publicKeys() {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Map<String, Object>> jwks = new ArrayList<>();
            for (InvitationKey key : keys.published(Instant.now())) {
                jwks.add(publicJwk(key).toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY));
            }
            return jwks;
        });
    }

    public List<KeyInfo> list() {
        return QuarkusTransaction.requiringNew()
                .call(() -> keys.all().stream().map(InvitationKeys::info).toList());
    }

    private boolean stale(SigningKey key, Instant now) {
        return key.readAt().plus(config.refreshInterval()).isBefore(now)
                || key.createdAt().plus(config.rotationPeriod()).isBefore(now);
    }

    private SigningKey readOrRotate(Instant now) {
        keys.lockKeyRing();
        InvitationKey stored = keys.current().orElse(null);
        if (stored == null || stored.createdAt().plus(config.rotationPeriod()).isBefore(now)) {
            return rotateLocked(now);
        }
        return signing(stored, now);
    }

    /** Supersedes the current key (it stays published until retire-after has passed) and stores a new one. */
    private SigningKey rotateLocked(Instant now) {
        Instant at = now.truncatedTo(ChronoUnit.MICROS);
        keys.supersedeCurrent(at, at.plus(config.retireAfter()));
        EllipticCurveJsonWebKey jwk;
        try {
            jwk = EcJwkGenerator.generateJwk(EllipticCurves.P256);
            jwk.setKeyId(jwk.calculateBase64urlEncodedThumbprint("SHA-256"));
        } catch (JoseException e) {
            throw new IllegalStateException("cannot generate an invitation signing key", e);
        }
        jwk.setUse("sig");
        jwk.setAlgorithm(ALGORITHM);
        String kid = jwk.getKeyId();
        keys.insert(new InvitationKey(
                kid,
                ALGORITHM,
                jwk.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY),
                cipher.encrypt(kid, jwk.getPrivateKey().getEncoded()),
                at,
                null,
                null));
        LOG.infof("invitation signing key %s is now current", kid);
        return new SigningKey(kid, jwk.getPrivateKey(), at, now);
    }

    private SigningKey signing(InvitationKey key, Instant now) {
        try {
            PrivateKey privateKey = KeyFactory.getInstance("EC")
                    .generatePrivate(new PKCS8EncodedKeySpec(cipher.decrypt(key.kid(), key.encryptedPrivateKey())));
            return new SigningKey(key.kid(), privateKey, key.createdAt(), now);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("invitation key " + key.kid() + " cannot be read", e);
        }
    }

    private static JsonWebKey publicJwk(InvitationKey key) {
        try {
            return JsonWebKey.Factory.newJwk(key.publicJwk());
        } catch (JoseException e) {
            throw new IllegalStateException("invitation key " + key.kid() + " has an unreadable public key", e);
        }
    }

    private static KeyInfo info(InvitationKey key) {
        return new KeyInfo(
                key.kid(),
                key.algorithm(),
                key.createdAt(),
                key.supersededAt(),
                key.retireAt(),
                key.supersededAt() == null);
    }
}
