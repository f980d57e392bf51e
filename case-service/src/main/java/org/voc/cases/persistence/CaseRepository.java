package org.voc.cases.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;
import org.voc.cases.domain.Case;
import org.voc.cases.domain.CaseCursor;
import org.voc.cases.domain.CaseFilter;
import org.voc.cases.domain.CasePriority;
import org.voc.cases.domain.CaseScope;
import org.voc.cases.domain.CaseStatus;
import org.voc.cases.rules.domain.MatchedRule;
import org.voc.kit.jdbc.Jdbc;

/**
 * Case queries. Listing is keyset-paginated newest first on (opened_at, id), so pages stay correct while cases are
 * being opened. The writes of the consumers are set-based SQL (one statement per batch) on the transaction's
 * JDBC connection: Hibernate cannot express {@code on conflict} or {@code update ... from unnest(...)}.
 */
@ApplicationScoped
public class CaseRepository implements PanacheRepositoryBase<CaseEntity, UUID> {

    /** 19 parameters a row: stays far below PostgreSQL's 65535 bind parameters per statement. */
    private static final int ROWS_PER_STATEMENT = 1000;

    private static final String INSERT = "insert into customer_case (id, response_id, survey_id, touchpoint_key, team,"
            + " customer_ref, nps, comment, priority, status, opened_at, responded_at, due_at, matched_rules,"
            + " first_contact_target, resolution_target, first_contact_due_at, resolution_due_at, updated_at) values ";
    private static final String ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?)";
    private static final TypeReference<List<MatchedRule>> MATCHED = new TypeReference<>() {};

    private final ObjectMapper json;

    public CaseRepository(ObjectMapper json) {
        this.json = json;
    }

    /**
     * Anonymises every case of the customer (an erasure): the reference, the customer's comment and every note an
     * agent wrote about the case (the resolution note; the notes and reasons in its history's details, which may
     * name the customer) are removed; the case itself, its score, team, status, times and codes stay, as they name
     * nobody. Returns how many cases; none the second time.
     */
    public int anonymise(String customerRef) {
        return getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            // Both statements read the same snapshot: the history is scrubbed by the reference being removed.
            try (PreparedStatement update = connection.prepareStatement("""
                    with scrubbed as (
                        update case_history h set details = h.details - 'note' - 'reason'
                        from customer_case c
                        where h.case_id = c.id and c.customer_ref = ? and h.details <> h.details - 'note' - 'reason')
                    update customer_case set customer_ref = null, comment = null, resolution_note = null
                    where customer_ref = ?""")) {
                update.setString(1, customerRef);
                update.setString(2, customerRef);
                return update.executeUpdate();
            }
        });
    }

    /** The case, its row locked until the transaction ends: changes of one case are serialised and see its version. */
    public Optional<CaseEntity> lockForChange(UUID id) {
        return Optional.ofNullable(getEntityManager().find(CaseEntity.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    /**
     * Deletes up to {@code limit} RESOLVED or CLOSED cases opened before {@code before} (retention); rows are claimed
     * with {@code FOR UPDATE SKIP LOCKED}, so concurrent sweeps delete disjoint rows. Returns how many.
     */
    public int deleteFinishedBefore(Instant before, int limit) {
        return getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("""
                    delete from customer_case where id in (
                        select id from customer_case where status in ('RESOLVED', 'CLOSED') and opened_at < ?
                        limit ? for update skip locked)""")) {
                Jdbc.setInstant(delete, 1, before);
                delete.setInt(2, limit);
                return delete.executeUpdate();
            }
        });
    }

    public Optional<Case> find(UUID id) {
        return findByIdOptional(id).map(this::toCase);
    }

    /** A scope limited to teams must name at least one. */
    public List<Case> list(CaseScope scope, CaseFilter filter, CaseCursor after, int limit) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (!scope.isAll()) {
            query.append(" and team in :scope");
            params.and("scope", scope.teams());
        }
        if (after != null) {
            query.append(" and (openedAt < :at or (openedAt = :at and id < :id))");
            params.and("at", after.openedAt()).and("id", after.id());
        }
        if (filter.team() != null) {
            query.append(" and team = :team");
            params.and("team", filter.team());
        }
        if (filter.statuses() != null) {
            query.append(" and status in :statuses");
            params.and("statuses", filter.statuses());
        }
        if (filter.touchpointKey() != null) {
            query.append(" and touchpointKey = :touchpoint");
            params.and("touchpoint", filter.touchpointKey());
        }
        if (filter.unassigned() != null) {
            query.append(filter.unassigned() ? " and team is null" : " and team is not null");
        }
        if (filter.assignee() != null) {
            query.append(" and assignee = :assignee");
            params.and("assignee", filter.assignee());
        }
        if (filter.awaitingAssignee()) {
            query.append(" and assignee is null and status = :open");
            params.and("open", CaseStatus.OPEN);
        }
        query.append(" order by openedAt desc, id desc");
        return find(query.toString(), params).page(0, limit).stream()
                .map(this::toCase)
                .toList();
    }

    /**
     * Inserts the cases whose response has no case yet ({@code on conflict (response_id) do nothing}: a redelivered
     * response opens nothing). Returns the ids of the cases opened.
     */
    public Set<UUID> insertNew(List<Case> cases) {
        return getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            Set<UUID> inserted = new HashSet<>();
            for (int from = 0; from < cases.size(); from += ROWS_PER_STATEMENT) {
                List<Case> chunk = cases.subList(from, Math.min(cases.size(), from + ROWS_PER_STATEMENT));
                String sql = INSERT + String.join(", ", java.util.Collections.nCopies(chunk.size(), ROW))
                        + " on conflict (response_id) do nothing returning id";
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    int i = 0;
                    for (Case c : chunk) {
                        statement.setObject(++i, c.id());
                        statement.setObject(++i, c.responseId());
                        statement.setObject(++i, c.surveyId());
                        statement.setString(++i, c.touchpointKey());
                        statement.setString(++i, c.team());
                        statement.setString(++i, c.customerRef());
                        statement.setObject(++i, c.nps(), Types.SMALLINT);
                        statement.setString(++i, c.comment());
                        statement.setString(++i, c.priority().name());
                        statement.setString(++i, c.status().name());
                        Jdbc.setInstant(statement, ++i, c.openedAt());
                        Jdbc.setInstant(statement, ++i, c.respondedAt());
                        Jdbc.setInstant(statement, ++i, c.dueAt());
                        statement.setString(++i, write(c.rules()));
                        statement.setString(++i, iso(c.firstContactTarget()));
                        statement.setString(++i, iso(c.resolutionTarget()));
                        Jdbc.setInstant(statement, ++i, c.work().firstContactDueAt());
                        Jdbc.setInstant(statement, ++i, c.work().resolutionDueAt());
                        Jdbc.setInstant(statement, ++i, c.work().updatedAt());
                    }
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            inserted.add(rows.getObject(1, UUID.class));
                        }
                    }
                }
            }
            return inserted;
        });
    }

    /**
     * Gives every case of these touchpoints that has no team yet the touchpoint's owner team; cases that already
     * have a team keep it. Returns the cases routed, to be given their team's due times.
     */
    public List<Routed> routeUnassigned(Map<String, String> ownerTeamByTouchpointKey) {
        if (ownerTeamByTouchpointKey.isEmpty()) {
            return List.of();
        }
        String[] keys = ownerTeamByTouchpointKey.keySet().toArray(String[]::new);
        String[] teams = new String[keys.length];
        for (int i = 0; i < keys.length; i++) {
            teams[i] = ownerTeamByTouchpointKey.get(keys[i]);
        }
        return getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("update customer_case c set team = v.team"
                    + " from unnest(?::text[], ?::text[]) as v(key, team)"
                    + " where c.touchpoint_key = v.key and c.team is null"
                    + " returning c.id, c.team, c.opened_at, c.priority, c.first_contact_target,"
                    + " c.resolution_target, c.status, c.touchpoint_key")) {
                Array keyArray = connection.createArrayOf("text", keys);
                Array teamArray = connection.createArrayOf("text", teams);
                statement.setArray(1, keyArray);
                statement.setArray(2, teamArray);
                List<Routed> routed = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        routed.add(new Routed(
                                rows.getObject(1, UUID.class),
                                rows.getString(2),
                                rows.getObject(3, java.time.OffsetDateTime.class)
                                        .toInstant(),
                                CasePriority.valueOf(rows.getString(4)),
                                duration(rows.getString(5)),
                                duration(rows.getString(6)),
                                CaseStatus.valueOf(rows.getString(7)),
                                rows.getString(8)));
                    }
                }
                return routed;
            }
        });
    }

    /** A case just given its team by {@link #routeUnassigned}. */
    public record Routed(
            UUID id,
            String team,
            Instant openedAt,
            CasePriority priority,
            Duration firstContactTarget,
            Duration resolutionTarget,
            CaseStatus status,
            String touchpointKey) {}

    /**
     * Sets the due times of routed cases that are still open (nobody worked them before they had a team): {@code
     * due_at} as well, the first-contact due time older replicas read. One statement.
     */
    public void setDueTimes(List<UUID> ids, List<Instant> firstContactDue, List<Instant> resolutionDue) {
        if (ids.isEmpty()) {
            return;
        }
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("update customer_case c"
                    + " set first_contact_due_at = v.first, due_at = v.first, resolution_due_at = v.resolution"
                    + " from unnest(?::text[]::uuid[], ?::text[]::timestamptz[], ?::text[]::timestamptz[])"
                    + " as v(id, first, resolution)"
                    + " where c.id = v.id and c.status = 'OPEN'")) {
                statement.setArray(1, connection.createArrayOf("text", texts(ids)));
                statement.setArray(2, connection.createArrayOf("text", texts(firstContactDue)));
                statement.setArray(3, connection.createArrayOf("text", texts(resolutionDue)));
                statement.executeUpdate();
            }
        });
    }

    /** As ISO-8601 text, which PostgreSQL casts to uuid and timestamptz exactly. */
    private static String[] texts(List<?> values) {
        return values.stream().map(v -> v == null ? null : v.toString()).toArray(String[]::new);
    }

    private String write(List<MatchedRule> rules) {
        try {
            return json.writeValueAsString(rules == null ? List.of() : rules);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("matched rules are not serialisable", e);
        }
    }

    private static String iso(Duration duration) {
        return duration == null ? null : duration.toString();
    }

    private static Duration duration(String iso) {
        return iso == null ? null : Duration.parse(iso);
    }

    private Case toCase(CaseEntity e) {
        List<MatchedRule> rules;
        try {
            rules = json.readValue(e.matchedRules, MATCHED);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("matched rules of case " + e.id + " are unreadable", ex);
        }
        return new Case(
                e.id,
                e.responseId,
                e.surveyId,
                e.touchpointKey,
                e.team,
                e.customerRef,
                e.nps,
                e.comment,
                e.priority,
                e.status,
                e.openedAt,
                e.respondedAt,
                e.dueAt,
                rules,
                duration(e.firstContactTarget),
                duration(e.resolutionTarget),
                new Case.Work(
                        e.version,
                        e.assignee,
                        e.assignedAt,
                        e.firstContactDueAt,
                        e.resolutionDueAt,
                        e.firstContactAt,
                        e.contactChannel,
                        e.contactOutcome,
                        e.resolvedAt,
                        e.resolutionCode,
                        e.resolutionNote,
                        e.gestureType == null
                                ? null
                                : new Case.Gesture(e.gestureType, e.gestureAmount, e.gestureCurrency),
                        e.closedAt,
                        e.firstContactBusinessSeconds,
                        e.resolutionBusinessSeconds,
                        e.reopenedCount,
                        e.updatedAt,
                        e.recoveryRequestedAt == null
                                ? null
                                : new Case.Recovery(
                                        e.recoveryRequestedAt,
                                        e.recoveryAnsweredAt,
                                        e.recoveryNps,
                                        e.recoveryCsat,
                                        e.recovered)));
    }

    /** The case as the domain reads it. */
    public Case toDomain(CaseEntity e) {
        return toCase(e);
    }
}
