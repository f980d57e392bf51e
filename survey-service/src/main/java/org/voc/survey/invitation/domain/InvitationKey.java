package org.voc.survey.invitation.domain;

import java.time.Instant;

/**
 * A stored invitation signing key: its public half as a JWK, its private half encrypted by {@link KeyCipher}.
 * {@code supersededAt} is null while it is the current key; it is published until {@code retireAt}.
 */
public record InvitationKey(
        String kid,
        String algorithm,
        String publicJwk,
        byte[] encryptedPrivateKey,
        Instant createdAt,
        Instant supersededAt,
        Instant retireAt) {}
