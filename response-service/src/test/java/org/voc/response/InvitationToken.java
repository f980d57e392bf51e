package org.voc.response;

import java.security.Key;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;

/**
 * An invitation token exactly as survey-service signs it (the contract in docs/respondents.md): compact JWS, ES256,
 * {@code kid}; claims iss, aud, jti, sub, iat, exp, survey, version, touchpoint, channel, locale, and seg, emp and
 * proc when set. Fields are public so a test can spoil exactly one of them.
 */
final class InvitationToken {

    String kid = InvitationKeyring.CURRENT;
    String issuer = "urn:voc:survey-service";
    String audience = "urn:voc:respondent";
    UUID invitationId = UUID.randomUUID();
    String customerRef = "cust-" + UUID.randomUUID().toString().substring(0, 8);
    Instant issuedAt = Instant.now().minus(Duration.ofMinutes(1));
    Instant expiresAt = Instant.now().plus(Duration.ofDays(14));
    UUID surveyId;
    int version = 1;
    String touchpointKey;
    String channel = "EMAIL";
    String locale = "en";
    // The interaction's dimensions; null leaves the claim out, as in tokens issued before they were signed in.
    String segment;
    String employeeRef;
    String processRef;

    InvitationToken(UUID surveyId, String touchpointKey) {
        this.surveyId = surveyId;
        this.touchpointKey = touchpointKey;
    }

    JwtClaims claims() {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setAudience(audience);
        claims.setJwtId(invitationId.toString());
        claims.setSubject(customerRef);
        claims.setIssuedAt(NumericDate.fromSeconds(issuedAt.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(expiresAt.getEpochSecond()));
        claims.setStringClaim("survey", surveyId.toString());
        claims.setClaim("version", version);
        claims.setStringClaim("touchpoint", touchpointKey);
        claims.setStringClaim("channel", channel);
        claims.setStringClaim("locale", locale);
        optional(claims, "seg", segment);
        optional(claims, "emp", employeeRef);
        optional(claims, "proc", processRef);
        return claims;
    }

    private static void optional(JwtClaims claims, String name, String value) {
        if (value != null) {
            claims.setStringClaim(name, value);
        }
    }

    /** Signed with the private key of {@link #kid}, as survey-service would. */
    String sign() {
        return signWith(InvitationKeyring.key(kid).getPrivateKey());
    }

    /** Signed with another key's private key while the header still names {@link #kid}: a forgery. */
    String signWithKeyOf(String otherKid) {
        return signWith(InvitationKeyring.key(otherKid).getPrivateKey());
    }

    /** HS256 with the public key's bytes as the HMAC secret: the classic algorithm-confusion forgery. */
    String signHs256WithPublicKey() {
        return jws(
                AlgorithmIdentifiers.HMAC_SHA256,
                new HmacKey(InvitationKeyring.key(kid).getPublicKey().getEncoded()));
    }

    /** No signature at all ({@code alg: none}). */
    String unsigned() {
        return jws(AlgorithmIdentifiers.NONE, null);
    }

    private String signWith(Key key) {
        return jws(AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256, key);
    }

    private String jws(String alg, Key key) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims().toJson());
        jws.setAlgorithmHeaderValue(alg);
        jws.setKeyIdHeaderValue(kid);
        jws.setAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS);
        if (key != null) {
            jws.setKey(key);
        }
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }
}
