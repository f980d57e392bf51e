package org.voc.metrics.impact.persistence;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.LockOptions;
import org.voc.metrics.impact.domain.Study;

/** Impact studies. */
@ApplicationScoped
public class StudyRepository {

    private final EntityManager em;

    public StudyRepository(EntityManager em) {
        this.em = em;
    }

    public Optional<StudyEntity> study(UUID actionId) {
        return Optional.ofNullable(em.find(StudyEntity.class, actionId));
    }

    /**
     * The study, locked until the transaction ends, after taking a transaction-scoped advisory lock on the action:
     * two deliveries of a new action's first ActionDone (a rebalance can hand a record to two consumers for a
     * moment) then wait for each other instead of one failing on the primary key.
     */
    public Optional<StudyEntity> lockedForChange(UUID actionId) {
        em.createNativeQuery("select pg_advisory_xact_lock(hashtextextended(cast(:id as text), 7))")
                .setParameter("id", actionId.toString())
                .getSingleResult();
        return Optional.ofNullable(em.find(StudyEntity.class, actionId, LockModeType.PESSIMISTIC_WRITE));
    }

    /** Ids of the studies without a verdict whose after window closed by {@code closedBy}. */
    public List<UUID> due(Instant closedBy) {
        return em.createQuery(
                        "select s.actionId from StudyEntity s where s.assessedAt is null and s.afterTo <= :closedBy"
                                + " order by s.afterTo, s.actionId",
                        UUID.class)
                .setParameter("closedBy", closedBy)
                .getResultList();
    }

    /**
     * The study, locked, if it is still due; empty when another replica (or the consumer) holds it
     * ({@code FOR UPDATE SKIP LOCKED}) or has judged it meanwhile.
     */
    public Optional<StudyEntity> dueForUpdate(UUID actionId, Instant closedBy) {
        return em.createQuery(
                        "from StudyEntity s where s.actionId = :id and s.assessedAt is null and s.afterTo <= :closedBy",
                        StudyEntity.class)
                .setParameter("id", actionId)
                .setParameter("closedBy", closedBy)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setHint("jakarta.persistence.lock.timeout", LockOptions.SKIP_LOCKED)
                .getResultStream()
                .findFirst();
    }

    /**
     * Newest done date first, keyset-paged on (done_at, action_id); {@code pending} true keeps the studies without
     * a verdict, false those with one; null filters do not filter.
     */
    public List<StudyEntity> studies(
            Study.Verdict verdict, Boolean pending, Instant beforeDone, UUID beforeId, int limit) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (verdict != null) {
            where.add("verdict = :verdict");
            params = params.and("verdict", verdict);
        }
        if (pending != null) {
            where.add(pending ? "assessedAt is null" : "assessedAt is not null");
        }
        if (beforeDone != null) {
            where.add("(doneAt < :done or (doneAt = :done and actionId < :id))");
            params = params.and("done", beforeDone).and("id", beforeId);
        }
        String query =
                (where.isEmpty() ? "" : String.join(" and ", where) + " ") + "order by doneAt desc, actionId desc";
        return StudyEntity.<StudyEntity>find(query, params).page(0, limit).list();
    }
}
