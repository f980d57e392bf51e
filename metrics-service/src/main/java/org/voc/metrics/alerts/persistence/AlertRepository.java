package org.voc.metrics.alerts.persistence;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
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
import org.voc.metrics.alerts.domain.Alert;

/** Alert rules and their alerts. */
@ApplicationScoped
public class AlertRepository {

    private final EntityManager em;

    public AlertRepository(EntityManager em) {
        this.em = em;
    }

    public Optional<AlertRuleEntity> rule(UUID id) {
        return Optional.ofNullable(em.find(AlertRuleEntity.class, id));
    }

    public Optional<AlertRuleEntity> ruleForUpdate(UUID id) {
        return Optional.ofNullable(em.find(AlertRuleEntity.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    /** Rules after {@code after} in id order (keyset). */
    public List<AlertRuleEntity> rules(UUID after, int limit) {
        PanacheQuery<AlertRuleEntity> query = after == null
                ? AlertRuleEntity.find("order by id")
                : AlertRuleEntity.find("id > ?1 order by id", after);
        return query.page(0, limit).list();
    }

    /** Ids of the enabled rules whose window ending at {@code windowTo} has not been evaluated. */
    public List<UUID> due(Instant windowTo) {
        return em.createQuery(
                        "select r.id from AlertRuleEntity r where r.enabled = true"
                                + " and (r.lastWindowTo is null or r.lastWindowTo < :windowTo) order by r.id",
                        UUID.class)
                .setParameter("windowTo", windowTo)
                .getResultList();
    }

    /**
     * The rule, locked, if it is still due for the window ending at {@code windowTo}; empty when another replica
     * holds it ({@code FOR UPDATE SKIP LOCKED}) or has evaluated it meanwhile.
     */
    public Optional<AlertRuleEntity> dueForUpdate(UUID id, Instant windowTo) {
        return em.createQuery(
                        "from AlertRuleEntity r where r.id = :id and r.enabled = true"
                                + " and (r.lastWindowTo is null or r.lastWindowTo < :windowTo)",
                        AlertRuleEntity.class)
                .setParameter("id", id)
                .setParameter("windowTo", windowTo)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setHint("jakarta.persistence.lock.timeout", LockOptions.SKIP_LOCKED)
                .getResultStream()
                .findFirst();
    }

    public Optional<AlertEntity> open(UUID ruleId) {
        return AlertEntity.find(
                        "ruleId = :rule and state = :state",
                        Parameters.with("rule", ruleId).and("state", Alert.State.OPEN))
                .firstResultOptional();
    }

    public Optional<AlertEntity> alert(UUID id) {
        return Optional.ofNullable(em.find(AlertEntity.class, id));
    }

    /** Newest first, keyset-paged on (fired_at, id); null filters do not filter. */
    public List<AlertEntity> alerts(Alert.State state, UUID ruleId, Instant beforeFired, UUID beforeId, int limit) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (state != null) {
            where.add("state = :state");
            params = params.and("state", state);
        }
        if (ruleId != null) {
            where.add("ruleId = :rule");
            params = params.and("rule", ruleId);
        }
        if (beforeFired != null) {
            where.add("(firedAt < :fired or (firedAt = :fired and id < :id))");
            params = params.and("fired", beforeFired).and("id", beforeId);
        }
        String query = (where.isEmpty() ? "" : String.join(" and ", where) + " ") + "order by firedAt desc, id desc";
        return AlertEntity.<AlertEntity>find(query, params).page(0, limit).list();
    }
}
