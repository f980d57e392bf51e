package org.voc.survey.invitation.domain;

import jakarta.enterprise.context.ApplicationScoped;
import org.jose4j.jca.ProviderContext;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;
import org.voc.kit.crypto.Ecdsa;

/**
 * Signs invitation tokens with the current key of {@link InvitationKeys}: a compact JWS (ES256) whose header names
 * the key ({@code kid}) and whose claims are the contract of docs/invitations.md.
 */
@ApplicationScoped
public class EcInvitationSigner implements InvitationSigner {

    /** {@code iss} of every invitation token. */
    public static final String ISSUER = "urn:voc:survey-service";
    /** {@code aud} of every invitation token: whoever collects the respondent's answers. */
    public static final String AUDIENCE = "urn:voc:respondent";
    // The interaction's dimensions: short claim names, since every character of a token is in an SMS link.
    /** Claim of the customer segment. */
    public static final String SEGMENT = "seg";
    /** Claim of the pseudonymous employee reference. */
    public static final String EMPLOYEE = "emp";
    /** Claim of the business process reference. */
    public static final String PROCESS = "proc";

    private final InvitationKeys keys;
    private final ProviderContext ecdsa = Ecdsa.context();

    public EcInvitationSigner(InvitationKeys keys) {
        this.keys = keys;
    }

    @Override
    public String sign(InvitationClaims invitation) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setAudience(AUDIENCE);
        claims.setJwtId(invitation.invitationId().toString());
        claims.setSubject(invitation.customerRef());
        claims.setIssuedAt(NumericDate.fromSeconds(invitation.issuedAt().getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(invitation.expiresAt().getEpochSecond()));
        claims.setStringClaim("survey", invitation.surveyId().toString());
        claims.setClaim("version", invitation.surveyVersion());
        claims.setStringClaim("touchpoint", invitation.touchpointKey());
        claims.setStringClaim("channel", invitation.channel());
        // Optional claims are left out rather than null: a link should not grow for what the interaction lacked.
        optional(claims, "locale", invitation.locale());
        optional(claims, SEGMENT, invitation.segment());
        optional(claims, EMPLOYEE, invitation.employeeRef());
        optional(claims, PROCESS, invitation.processRef());
        InvitationKeys.SigningKey key = keys.signingKey();
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(InvitationKeys.ALGORITHM);
        jws.setKeyIdHeaderValue(key.kid());
        jws.setHeader("typ", "JWT");
        jws.setKey(key.privateKey());
        jws.setProviderContext(ecdsa);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("cannot sign invitation " + invitation.invitationId(), e);
        }
    }

    private static void optional(JwtClaims claims, String name, String value) {
        if (value != null) {
            claims.setStringClaim(name, value);
        }
    }
}
