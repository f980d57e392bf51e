package org.voc.survey.invitation.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One invitation signing key; the private half is encrypted. */
@Entity
@Table(name = "invitation_key")
public class InvitationKeyEntity {

    @Id
    public String kid;

    @Column(nullable = false)
    public String algorithm;

    @Column(name = "public_jwk", nullable = false)
    public String publicJwk;

    @Column(name = "private_key", nullable = false)
    public byte[] privateKey;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "superseded_at")
    public Instant supersededAt;

    @Column(name = "retire_at")
    public Instant retireAt;
}
