package org.voc.survey.invitation.domain;

/**
 * Signs invitation tokens with the current invitation key (a compact JWS, ES256, with the key's {@code kid}), so
 * that response-service can verify them with the public keys only.
 */
public interface InvitationSigner {

    /** The compact JWS for these claims; thread-safe and cheap enough to call for every invitation. */
    String sign(InvitationClaims claims);
}
