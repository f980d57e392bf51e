package org.voc.survey.distribution.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;
import org.voc.kit.jdbc.Jdbc;
import org.voc.survey.distribution.domain.Candidate;
import org.voc.survey.distribution.domain.DecisionCursor;
import org.voc.survey.distribution.domain.DecisionOutcome;
import org.voc.survey.distribution.domain.StoredDecision;
import org.voc.survey.distribution.domain.SuppressionReason;
import org.voc.survey.invitation.domain.Invitation;
import org.voc.survey.invitation.persistence.InvitationRepository;

/**
 * Decisions, each read back with its invitation. The decision writer's path is set-based: one statement per batch,
 * JDBC batches for inserts, {@code = any(?)} for reads, so a batch costs the same few round trips for one
 * interaction as for hundreds.
 */
@ApplicationScoped
public class DecisionRepository {

    /** First half of the advisory-lock id: names "decisions of one customer" among the service's locks. */
    private static final int CUSTOMER_LOCK_SPACE = 0xD157;

    private static final TypeReference<List<Candidate>> CANDIDATES = new TypeReference<>() {};
    private static final String DECISION_SELECT = "select d.id d_id, d.interaction_id d_interaction_id,"
            + " d.request_hash, d.customer_ref d_customer_ref, d.touchpoint_key d_touchpoint_key, d.touchpoint_system,"
            + " d.touchpoint_ref, d.channel d_channel, d.segment d_segment, d.employee_ref, d.process_ref,"
            + " d.locale d_locale, d.occurred_at d_occurred_at, d.decided_at, d.outcome, d.reason, d.explanation,"
            + " d.candidates::text candidates, " + InvitationRepository.COLUMNS
            + " from distribution_decision d left join invitation i on i.id = d.invitation_id";

    private final EntityManager em;
    private final ObjectMapper json;
    private final ObjectReader candidatesReader;

    public DecisionRepository(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
        this.candidatesReader = json.readerFor(CANDIDATES).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** Deletes every decision about the customer (an erasure); returns how many. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int deleteByCustomer(String customerRef) {
        return session().doReturningWork(connection -> {
            try (PreparedStatement delete =
                    connection.prepareStatement("delete from distribution_decision where customer_ref = ?")) {
                delete.setString(1, customerRef);
                return delete.executeUpdate();
            }
        });
    }

    /**
     * Deletes up to {@code limit} decisions taken before {@code before} (retention); rows are claimed with
     * {@code FOR UPDATE SKIP LOCKED}, so concurrent sweeps delete disjoint rows.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int deleteDecidedBefore(Instant before, int limit) {
        return session().doReturningWork(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("""
                    delete from distribution_decision where id in (
                        select id from distribution_decision where decided_at < ? limit ? for update skip locked)""")) {
                Jdbc.setInstant(delete, 1, before);
                delete.setInt(2, limit);
                return delete.executeUpdate();
            }
        });
    }

    /**
     * Serialises, until the transaction ends, every transaction deciding for these customers, across replicas: two
     * interactions of one customer decided at once could otherwise both see "no recent invitation" and both
     * invite. Locks are taken in ascending order in one statement, so two batches cannot deadlock; a hash
     * collision only serialises two unrelated customers.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockCustomers(Collection<String> customerRefs) {
        Integer[] ids =
                customerRefs.stream().map(String::hashCode).distinct().sorted().toArray(Integer[]::new);
        if (ids.length == 0) {
            return;
        }
        session().doWork(connection -> {
            try (PreparedStatement statement =
                    connection.prepareStatement("select pg_advisory_xact_lock(?, id) from unnest(?::int[]) as id")) {
                statement.setInt(1, CUSTOMER_LOCK_SPACE);
                statement.setArray(2, connection.createArrayOf("int4", ids));
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        // the locks are taken while the rows are produced
                    }
                }
            }
        });
    }

    /** Stored decisions for these interaction ids, by id. */
    public Map<String, StoredDecision> findByInteractionIds(Collection<String> interactionIds) {
        if (interactionIds.isEmpty()) {
            return Map.of();
        }
        return session().doReturningWork(connection -> {
            try (PreparedStatement select =
                    connection.prepareStatement(DECISION_SELECT + " where d.interaction_id = any(?)")) {
                select.setArray(1, connection.createArrayOf("text", interactionIds.toArray()));
                Map<String, StoredDecision> found = new HashMap<>();
                for (StoredDecision d : decisions(select)) {
                    found.put(d.interactionId(), d);
                }
                return found;
            }
        });
    }

    public Optional<StoredDecision> findByInteractionId(String interactionId) {
        return Optional.ofNullable(findByInteractionIds(List.of(interactionId)).get(interactionId));
    }

    /** A customer's decisions, newest first, after the cursor. */
    public List<StoredDecision> listByCustomer(String customerRef, DecisionCursor after, int limit) {
        return session().doReturningWork(connection -> {
            String sql = DECISION_SELECT + " where d.customer_ref = ?"
                    + (after == null ? "" : " and (d.decided_at, d.id) < (?, ?)")
                    + " order by d.decided_at desc, d.id desc limit ?";
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                int i = 0;
                select.setString(++i, customerRef);
                if (after != null) {
                    Jdbc.setInstant(select, ++i, after.decidedAt());
                    select.setObject(++i, after.id());
                }
                select.setInt(++i, limit);
                return decisions(select);
            }
        });
    }

    /**
     * Inserts the decisions with one JDBC batch; element {@code i} is false when a decision for that interaction
     * id was stored meanwhile (by another replica): the caller must then not act on its own decision.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean[] insertDecisions(List<StoredDecision> decisions) {
        if (decisions.isEmpty()) {
            return new boolean[0];
        }
        List<String> candidates =
                decisions.stream().map(d -> write(d.candidates())).toList();
        return session().doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into distribution_decision (id, interaction_id, request_hash, customer_ref, touchpoint_key,
                        touchpoint_system, touchpoint_ref, channel, segment, employee_ref, process_ref, locale,
                        occurred_at, decided_at, outcome, reason, explanation, candidates, invitation_id, survey_id,
                        survey_version)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)
                    on conflict (interaction_id) do nothing""")) {
                for (int n = 0; n < decisions.size(); n++) {
                    StoredDecision d = decisions.get(n);
                    int i = 0;
                    insert.setObject(++i, d.id());
                    insert.setString(++i, d.interactionId());
                    insert.setString(++i, d.requestHash());
                    insert.setString(++i, d.customerRef());
                    insert.setString(++i, d.touchpointKey());
                    insert.setString(++i, d.touchpointSystem());
                    insert.setString(++i, d.touchpointRef());
                    insert.setString(++i, d.channel());
                    insert.setString(++i, d.segment());
                    insert.setString(++i, d.employeeRef());
                    insert.setString(++i, d.processRef());
                    insert.setString(++i, d.locale());
                    Jdbc.setInstant(insert, ++i, d.occurredAt());
                    Jdbc.setInstant(insert, ++i, d.decidedAt());
                    insert.setString(++i, d.outcome().name());
                    insert.setString(++i, d.reason() == null ? null : d.reason().name());
                    insert.setString(++i, d.explanation());
                    insert.setString(++i, candidates.get(n));
                    Invitation inv = d.invitation();
                    insert.setObject(++i, inv == null ? null : inv.id());
                    insert.setObject(++i, inv == null ? null : inv.surveyId());
                    if (inv == null) {
                        insert.setNull(++i, Types.INTEGER);
                    } else {
                        insert.setInt(++i, inv.surveyVersion());
                    }
                    insert.addBatch();
                }
                int[] counts = insert.executeBatch();
                boolean[] inserted = new boolean[counts.length];
                for (int n = 0; n < counts.length; n++) {
                    inserted[n] = counts[n] > 0;
                }
                return inserted;
            }
        });
    }

    private List<StoredDecision> decisions(PreparedStatement select) throws SQLException {
        List<StoredDecision> found = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                String reason = rows.getString("reason");
                found.add(new StoredDecision(
                        rows.getObject("d_id", UUID.class),
                        rows.getString("d_interaction_id"),
                        rows.getString("request_hash"),
                        rows.getString("d_customer_ref"),
                        rows.getString("d_touchpoint_key"),
                        rows.getString("touchpoint_system"),
                        rows.getString("touchpoint_ref"),
                        rows.getString("d_channel"),
                        rows.getString("d_segment"),
                        rows.getString("employee_ref"),
                        rows.getString("process_ref"),
                        rows.getString("d_locale"),
                        Jdbc.instant(rows, "d_occurred_at"),
                        Jdbc.instant(rows, "decided_at"),
                        DecisionOutcome.valueOf(rows.getString("outcome")),
                        reason == null ? null : SuppressionReason.valueOf(reason),
                        rows.getString("explanation"),
                        read(rows.getString("candidates")),
                        rows.getObject("id", UUID.class) == null ? null : InvitationRepository.invitation(rows)));
            }
        }
        return found;
    }

    private String write(List<Candidate> candidates) {
        try {
            return json.writeValueAsString(candidates);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("decision candidates are not serialisable", e);
        }
    }

    private List<Candidate> read(String value) {
        try {
            return candidatesReader.readValue(value);
        } catch (IOException e) {
            throw new IllegalStateException("stored decision candidates cannot be read", e);
        }
    }

    private Session session() {
        return em.unwrap(Session.class);
    }
}
