package org.voc.response.domain;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwt.consumer.JwtContext;
import org.voc.kit.crypto.Ecdsa;
import org.voc.kit.problem.Unavailable;
import org.voc.response.config.InvitationConfig;

/**
 * Turns an invitation token (compact JWS, ES256, signed by survey-service) into a verified {@link Invitation}, or
 * a problem: {@code invitation-not-found} for anything not genuine, {@code invitation-expired} for a genuine one
 * past its {@code exp}, {@code invitation-revoked} for a genuine one survey-service revoked, {@code Unavailable} when
 * the keys cannot be fetched. A token signed by a key retired after a leak is not found, like any token whose key is
 * not trusted. Verified tokens are kept in a bounded cache, since an ECDSA verification costs far more than the rest
 * of a respondent's request; revocations are checked on every use, from memory ({@link Revocations}).
 */
@ApplicationScoped
public class InvitationVerifier {

    private static final Logger LOG = Logger.getLogger(InvitationVerifier.class);

    // Claims of the interaction's dimensions (docs/invitations.md), short because tokens travel in SMS links.
    /** Claim of the customer segment. */
    static final String SEGMENT = "seg";
    /** Claim of the pseudonymous employee reference. */
    static final String EMPLOYEE = "emp";
    /** Claim of the business process reference. */
    static final String PROCESS = "proc";

    /** Real tokens are well under 1 KB; a much longer "token" is not worth parsing. */
    static final int MAX_TOKEN_LENGTH = 4096;

    private record Verified(Invitation invitation, String kid, long verifiedAtNanos) {}

    private final JwtConsumer consumer;
    private final InvitationConfig config;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
    private final Revocations revocations;
    private final Counter invalid;
    private final Counter expired;
    private final Counter revoked;
    private final Counter keysUnavailable;

    public InvitationVerifier(
            InvitationConfig config, InvitationKeys keys, Revocations revocations, MeterRegistry registry) {
        this.config = config;
        this.revocations = revocations;
        this.consumer = new JwtConsumerBuilder()
                // Only ES256: never "none", never HS256 with the public key as an HMAC secret, never another curve.
                .setJwsAlgorithmConstraints(
                        AlgorithmConstraints.ConstraintType.PERMIT,
                        AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256)
                .setVerificationKeyResolver(keys)
                .setJwsProviderContext(Ecdsa.context())
                .setExpectedIssuer(config.issuer())
                .setExpectedAudience(config.audience())
                .setRequireExpirationTime()
                .setRequireIssuedAt()
                .setRequireJwtId()
                .setRequireSubject()
                .setAllowedClockSkewInSeconds((int) config.clockSkew().toSeconds())
                .build();
        this.invalid = registry.counter("voc.invitations.rejected", "reason", "invalid");
        this.expired = registry.counter("voc.invitations.rejected", "reason", "expired");
        this.revoked = registry.counter("voc.invitations.rejected", "reason", "revoked");
        this.keysUnavailable = registry.counter("voc.invitations.rejected", "reason", "keys-unavailable");
    }

    /**
     * The invitation the token carries. {@code field} names the request field the token came in (null when it is
     * the path), for the problem's {@code errors[]}.
     */
    public Invitation verify(String token, String field) {
        if (token == null || token.isBlank() || token.length() > MAX_TOKEN_LENGTH) {
            invalid.increment();
            throw InvitationRefusal.notFound(field);
        }
        Verified cached = verified.get(token);
        if (cached == null
                || System.nanoTime() - cached.verifiedAtNanos()
                        > config.jwksCacheDuration().toNanos()) {
            // Re-verified after the JWKS cache duration, so a key withdrawn from the JWKS stops working here too.
            cached = parse(token, field);
            if (verified.size() >= config.verifiedCacheSize()) {
                verified.clear();
            }
            verified.put(token, cached);
        }
        Invitation invitation = cached.invitation();
        switch (revocations.check(invitation.id(), cached.kid())) {
            case KEY_RETIRED -> {
                revoked.increment();
                throw InvitationRefusal.notFound(field);
            }
            case INVITATION_REVOKED -> {
                revoked.increment();
                throw InvitationRefusal.revoked(field);
            }
            case NONE -> {}
        }
        if (!Instant.now().isBefore(invitation.expiresAt().plus(config.clockSkew()))) {
            expired.increment();
            throw InvitationRefusal.expired(field);
        }
        return invitation;
    }

    private Verified parse(String token, String field) {
        JwtClaims claims;
        String kid;
        try {
            JwtContext context = consumer.process(token);
            claims = context.getJwtClaims();
            kid = context.getJoseObjects().get(0).getKeyIdHeaderValue();
        } catch (InvalidJwtException e) {
            InvitationKeys.Unavailable unreachable = keysUnreachable(e);
            if (unreachable != null) {
                keysUnavailable.increment();
                // The fetcher logs each failed attempt; one line per refused respondent would flood the log.
                LOG.debug(unreachable.getMessage());
                throw new Unavailable(
                        "the invitation cannot be checked right now; try again shortly", unreachable.retryAfter());
            }
            if (onlyExpired(e)) {
                expired.increment();
                throw InvitationRefusal.expired(field);
            }
            invalid.increment();
            // Debug only: anyone can send garbage, and the reason must not reach the client (it helps forging).
            LOG.debugf("invitation token refused: %s", e.getOriginalMessage());
            throw InvitationRefusal.notFound(field);
        }
        try {
            Invitation invitation = new Invitation(
                    uuid(claims.getJwtId()),
                    uuid(claims.getStringClaimValue("survey")),
                    version(claims.getClaimValue("version")),
                    text(claims.getStringClaimValue("touchpoint")),
                    claims.getStringClaimValue("channel"),
                    text(claims.getSubject()),
                    text(claims.getStringClaimValue("locale")),
                    Instant.ofEpochSecond(claims.getExpirationTime().getValue()),
                    dimensions(claims));
            return new Verified(invitation, kid, System.nanoTime());
        } catch (MalformedClaimException | IllegalArgumentException e) {
            // Correctly signed but not an invitation: a token of another kind from the same issuer, or a signer bug.
            invalid.increment();
            LOG.warnf("a correctly signed invitation token has unusable claims: %s", e.toString());
            throw InvitationRefusal.notFound(field);
        }
    }

    /**
     * The interaction's dimensions, each absent in tokens issued before they were signed into them (those stay
     * valid). survey-service checks them on intake; one that breaks the event contract makes the token unusable
     * rather than the response's event undeliverable.
     */
    private static Dimensions dimensions(JwtClaims claims) throws MalformedClaimException {
        Dimensions dimensions = new Dimensions(
                claims.getStringClaimValue(SEGMENT),
                claims.getStringClaimValue(EMPLOYEE),
                claims.getStringClaimValue(PROCESS));
        if (!dimensions.valid()) {
            throw new IllegalArgumentException("a dimension claim is blank, too long or holds control characters");
        }
        return dimensions;
    }

    private static boolean onlyExpired(InvalidJwtException e) {
        return e.hasExpired() && e.getErrorDetails().stream().allMatch(d -> d.getErrorCode() == ErrorCodes.EXPIRED);
    }

    private static InvitationKeys.Unavailable keysUnreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InvitationKeys.Unavailable unavailable) {
                return unavailable;
            }
        }
        return null;
    }

    private static UUID uuid(String value) {
        return UUID.fromString(text(value));
    }

    private static String text(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a required claim is missing");
        }
        return value;
    }

    private static int version(Object value) {
        if (value instanceof Number n && n.doubleValue() == n.intValue() && n.intValue() >= 1) {
            return n.intValue();
        }
        throw new IllegalArgumentException("version must be a positive integer");
    }
}
