package org.voc.response.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;
import org.voc.response.domain.Answer;
import org.voc.response.domain.Dimensions;
import org.voc.response.domain.StoredResponse;
import org.voc.response.verbatims.domain.Comment;

/**
 * Responses. Writes are set-based for the group-commit writer: one JDBC batch of
 * {@code insert ... on conflict do nothing} per batch of requests, whose update counts tell which ids were new.
 */
@ApplicationScoped
public class ResponseRepository implements PanacheRepositoryBase<ResponseEntity, UUID> {

    private static final TypeReference<List<Answer>> ANSWERS = new TypeReference<>() {};

    private final EntityManager em;
    private final ObjectMapper json;

    public ResponseRepository(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    /**
     * Inserts every response whose id is not stored yet and whose invitation (if any) has no response yet, in the
     * caller's transaction. Element {@code i} of the result is true when {@code responses[i]} was inserted, false
     * when its id or its invitation was taken already (also by an earlier element of the same list). Conflicting on
     * any unique key, not just the id, is what turns a second answer to an invitation into a skipped row.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean[] insertNew(List<StoredResponse> responses) {
        List<String> answers = responses.stream().map(r -> write(r.answers())).toList();
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into response (id, survey_id, survey_version, touchpoint_key, channel, customer_ref,
                                          responded_at, received_at, nps, answers, request_hash, invitation_id,
                                          segment, employee_ref, process_ref, comment_text)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?)
                    on conflict do nothing""")) {
                for (int i = 0; i < responses.size(); i++) {
                    StoredResponse r = responses.get(i);
                    insert.setObject(1, r.id());
                    insert.setObject(2, r.surveyId());
                    insert.setInt(3, r.surveyVersion());
                    insert.setString(4, r.touchpointKey());
                    insert.setString(5, r.channel());
                    insert.setString(6, r.customerRef());
                    insert.setObject(7, r.respondedAt().atOffset(ZoneOffset.UTC));
                    insert.setObject(8, r.receivedAt().atOffset(ZoneOffset.UTC));
                    if (r.nps() == null) {
                        insert.setNull(9, Types.SMALLINT);
                    } else {
                        insert.setShort(9, r.nps().shortValue());
                    }
                    insert.setString(10, answers.get(i));
                    insert.setString(11, r.requestHash());
                    insert.setObject(12, r.invitationId(), Types.OTHER);
                    insert.setString(13, r.dimensions().segment());
                    insert.setString(14, r.dimensions().employeeRef());
                    insert.setString(15, r.dimensions().processRef());
                    insert.setString(16, Comment.of(r.answers()));
                    insert.addBatch();
                }
                int[] counts = insert.executeBatch();
                boolean[] inserted = new boolean[counts.length];
                for (int i = 0; i < counts.length; i++) {
                    inserted[i] = counts[i] > 0;
                }
                return inserted;
            }
        });
    }

    /** Each answer's free text replaced by null, the rest of the answer kept (an expression over one row). */
    private static final String BLANK_TEXTS = """
            (select coalesce(jsonb_agg(case when jsonb_typeof(a -> 'text') = 'string'
                                            then jsonb_set(a, '{text}', 'null'::jsonb) else a end order by n),
                             '[]'::jsonb)
             from jsonb_array_elements(answers) with ordinality as t(a, n))""";

    /**
     * Anonymises every response of the customer (an erasure): the reference becomes null, free texts (and their
     * searchable copy, {@code comment_text}) are blanked, the request fingerprint, which was taken over the reference,
     * is dropped, and so is the process reference (an order or a claim number leads back to the customer in its source
     * system). Scores, segment and employee stay: they name no customer.
     * Returns how many responses were anonymised; none the second time.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int anonymise(String customerRef) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement("update response set customer_ref = null,"
                    + " process_ref = null, request_hash = 'erased', comment_text = null, answers = " + BLANK_TEXTS
                    + " where customer_ref = ?")) {
                update.setString(1, customerRef);
                return update.executeUpdate();
            }
        });
    }

    /**
     * Blanks the free texts (and {@code comment_text}) of up to {@code limit} responses received before
     * {@code before} (retention); rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so concurrent sweeps treat
     * disjoint rows. Returns how many.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int blankTextsBefore(Instant before, int limit) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement("update response set comment_text = null,"
                    + " answers = " + BLANK_TEXTS + " where id in (select id from response where received_at < ?"
                    + " and jsonb_path_exists(answers, '$[*].text ? (@.type() == \"string\")')"
                    + " limit ? for update skip locked)")) {
                update.setObject(1, before.atOffset(ZoneOffset.UTC));
                update.setInt(2, limit);
                return update.executeUpdate();
            }
        });
    }

    /** Whether the invitation has been answered; the respondent pages ask before showing a survey. */
    public boolean answered(UUID invitationId) {
        return count("invitationId", invitationId) > 0;
    }

    public List<StoredResponse> findAll(Collection<UUID> ids) {
        return list("id in ?1", ids).stream().map(this::toStored).toList();
    }

    public StoredResponse toStored(ResponseEntity e) {
        try {
            return new StoredResponse(
                    e.id,
                    e.surveyId,
                    e.surveyVersion,
                    e.touchpointKey,
                    e.channel,
                    e.customerRef,
                    e.respondedAt,
                    e.receivedAt,
                    e.nps,
                    json.readValue(e.answers, ANSWERS),
                    e.requestHash,
                    e.invitationId,
                    new Dimensions(e.segment, e.employeeRef, e.processRef));
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("stored answers of response " + e.id + " are not valid JSON", ex);
        }
    }

    private String write(List<Answer> answers) {
        try {
            return json.writeValueAsString(answers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("answers are not serialisable", e);
        }
    }
}
