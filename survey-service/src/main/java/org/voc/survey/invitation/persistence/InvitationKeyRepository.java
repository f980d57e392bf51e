package org.voc.survey.invitation.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Invitation signing keys. */
@ApplicationScoped
public class InvitationKeyRepository implements PanacheRepositoryBase<InvitationKeyEntity, String> {

    public Optional<InvitationKeyEntity> current() {
        return find("supersededAt is null").firstResultOptional();
    }

    /** Keys verifiers still need: the current one and superseded ones not yet retired, newest first. */
    public List<InvitationKeyEntity> published(Instant now) {
        return list("retireAt is null or retireAt > ?1 order by createdAt desc", now);
    }

    public List<InvitationKeyEntity> all() {
        return list("order by createdAt desc");
    }

    /** Serialises key creation across replicas for the rest of the transaction. */
    public void lockKeyRing() {
        getEntityManager().createNativeQuery("select pg_advisory_xact_lock(hashtext('voc.invitation-keys'))")
                .getSingleResult();
    }
}
