package org.voc.cases.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;
import org.voc.cases.domain.Case;
import org.voc.cases.domain.CaseCursor;
import org.voc.cases.domain.CaseFilter;
import org.voc.cases.domain.CaseScope;
import org.voc.cases.rules.domain.MatchedRule;
import org.voc.kit.jdbc.Jdbc;

/**
 * Case queries. Listing is keyset-paginated newest first on (opened_at, id), so pages stay correct while cases are
 * being opened. The writes of the consumers are set-based SQL (one statement per batch) on the transaction's
 * JDBC connection: Hibernate cannot express {@code on conflict} or {@code update ... from unnest(...)}.
 */
@ApplicationScoped
public class CaseRepository implements PanacheRepositoryBase<CaseEntity, UUID> {

    /** 16 parameters a row: stays far below PostgreSQL's 65535 bind parameters per statement. */
    private static final int ROWS_PER_STATEMENT = 1000;

    private static final String INSERT = "insert into customer_case (id, response_id, survey_id, touchpoint_key, team,"
            + " customer_ref, nps, comment, priority, status, opened_at, responded_at, due_at, matched_rules,"
            + " first_contact_target, resolution_target) values ";
    private static final String ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)";
    private static final TypeReference<List<MatchedRule>> MATCHED = new TypeReference<>() {};

    private final ObjectMapper json;

    public CaseRepository(ObjectMapper json) {
        this.json = json;
    }

    /**
     * Anonymises every case of the customer (an erasure): the reference and the customer's comment become null;
     * the case itself, its score, team and status stay, as they name nobody. Returns how many; none the second time.
     */
    public int anonymise(String customerRef) {
        return getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "update customer_case set customer_ref = null, comment = null where customer_ref = ?")) {
                update.setString(1, customerRef);
                return update.executeUpdate();
            }
        });
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
        if (filter.status() != null) {
            query.append(" and status = :status");
            params.and("status", filter.status());
        }
        if (filter.touchpointKey() != null) {
            query.append(" and touchpointKey = :touchpoint");
            params.and("touchpoint", filter.touchpointKey());
        }
        if (filter.unassigned() != null) {
            query.append(filter.unassigned() ? " and team is null" : " and team is not null");
        }
        query.append(" order by openedAt desc, id desc");
        return find(query.toString(), params).page(0, limit).stream()
                .map(this::toCase)
                .toList();
    }

    /**
     * Inserts the cases whose response has no case yet ({@code on conflict (response_id) do nothing}: a redelivered
     * response opens nothing). Returns how many cases were opened.
     */
    public int insertNew(List<Case> cases) {
        return getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            int inserted = 0;
            for (int from = 0; from < cases.size(); from += ROWS_PER_STATEMENT) {
                List<Case> chunk = cases.subList(from, Math.min(cases.size(), from + ROWS_PER_STATEMENT));
                String sql = INSERT + String.join(", ", java.util.Collections.nCopies(chunk.size(), ROW))
                        + " on conflict (response_id) do nothing";
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
                    }
                    inserted += statement.executeUpdate();
                }
            }
            return inserted;
        });
    }

    /**
     * Gives every case of these touchpoints that has no team yet the touchpoint's owner team; cases that already
     * have a team keep it. Returns how many cases were routed.
     */
    public int routeUnassigned(Map<String, String> ownerTeamByTouchpointKey) {
        if (ownerTeamByTouchpointKey.isEmpty()) {
            return 0;
        }
        String[] keys = ownerTeamByTouchpointKey.keySet().toArray(String[]::new);
        String[] teams = new String[keys.length];
        for (int i = 0; i < keys.length; i++) {
            teams[i] = ownerTeamByTouchpointKey.get(keys[i]);
        }
        return getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("update customer_case c set team = v.team"
                    + " from unnest(?::text[], ?::text[]) as v(key, team)"
                    + " where c.touchpoint_key = v.key and c.team is null")) {
                Array keyArray = connection.createArrayOf("text", keys);
                Array teamArray = connection.createArrayOf("text", teams);
                statement.setArray(1, keyArray);
                statement.setArray(2, teamArray);
                return statement.executeUpdate();
            }
        });
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
                duration(e.resolutionTarget));
    }
}
