package org.voc.survey.invitation.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.voc.survey.invitation.domain.InvitationKey;

/** Invitation signing keys. */
@ApplicationScoped
public class InvitationKeyRepository implements PanacheRepositoryBase<InvitationKeyEntity, String> {

    public Optional<InvitationKey> current() {
        return currentRow().map(InvitationKeyRepository::key);
    }

    /** Keys verifiers still need: the current one and superseded ones not yet retired, newest first. */
    public List<InvitationKey> published(Instant now) {
        return list("retireAt is null or retireAt > ?1 order by createdAt desc", now).stream()
                .map(InvitationKeyRepository::key)
                .toList();
    }

    public List<InvitationKey> all() {
        return list("order by createdAt desc").stream()
                .map(InvitationKeyRepository::key)
                .toList();
    }

    public Optional<InvitationKey> byKid(String kid) {
        return findByIdOptional(kid).map(InvitationKeyRepository::key);
    }

    /** Retires a key at once: it leaves the JWKS now. The caller has made another key current if it was current. */
    public void retire(String kid, Instant at) {
        InvitationKeyEntity row = findById(kid);
        if (row.supersededAt == null) {
            row.supersededAt = at;
        }
        row.retireAt = at;
        flush();
    }

    /** Supersedes the current key, if there is one: it stops signing and stays published until {@code retireAt}. */
    public void supersedeCurrent(Instant at, Instant retireAt) {
        currentRow().ifPresent(old -> {
            old.supersededAt = at;
            old.retireAt = retireAt;
            flush(); // the one-current-key index is checked per statement
        });
    }

    public void insert(InvitationKey key) {
        InvitationKeyEntity row = new InvitationKeyEntity();
        row.kid = key.kid();
        row.algorithm = key.algorithm();
        row.publicJwk = key.publicJwk();
        row.privateKey = key.encryptedPrivateKey();
        row.createdAt = key.createdAt();
        row.supersededAt = key.supersededAt();
        row.retireAt = key.retireAt();
        persist(row);
    }

    /** Serialises key creation across replicas for the rest of the transaction. */
    public void lockKeyRing() {
        getEntityManager()
                .createNativeQuery("select pg_advisory_xact_lock(hashtext('voc.invitation-keys'))")
                .getSingleResult();
    }

    private Optional<InvitationKeyEntity> currentRow() {
        return find("supersededAt is null").firstResultOptional();
    }

    private static InvitationKey key(InvitationKeyEntity e) {
        return new InvitationKey(
                e.kid, e.algorithm, e.publicJwk, e.privateKey, e.createdAt, e.supersededAt, e.retireAt);
    }
}
