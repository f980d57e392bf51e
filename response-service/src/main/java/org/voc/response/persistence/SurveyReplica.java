package org.voc.response.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.hibernate.Session;
import org.voc.events.SurveyStatusChanged;
import org.voc.events.SurveyVersionPublished;
import org.voc.response.domain.SurveyContent;
import org.voc.response.domain.SurveyDefinition;

/**
 * The local replica of published survey versions (table {@code survey_version}), fed from {@code voc.surveys}.
 * Versions are immutable, so storing is insert-or-ignore and replaying the topic changes nothing.
 */
@ApplicationScoped
public class SurveyReplica {

    /** One published version as received: the event and its JSON, kept whole for later needs. */
    public record Version(SurveyVersionPublished event, String json) {}

    private final EntityManager em;
    private final ObjectMapper reader;

    public SurveyReplica(EntityManager em, ObjectMapper json) {
        this.em = em;
        // Tolerant reader: producers may add optional fields to the contract at any time.
        this.reader = json.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    /** Parses a stored definition; fails on anything that is not a {@code SurveyVersionPublished} JSON object. */
    SurveyVersionPublished parse(String value) throws JsonProcessingException {
        return reader.readValue(value, SurveyVersionPublished.class);
    }

    /** Inserts the versions not stored yet with one JDBC batch; returns how many were new. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int storeAll(List<Version> versions) {
        if (versions.isEmpty()) {
            return 0;
        }
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into survey_version (survey_id, version, definition, touchpoint_keys, published_at)
                    values (?, ?, ?::jsonb, ?, ?)
                    on conflict (survey_id, version) do nothing""")) {
                for (Version v : versions) {
                    SurveyVersionPublished e = v.event();
                    List<String> keys = e.touchpointKeys() == null ? List.of() : e.touchpointKeys();
                    insert.setObject(1, e.surveyId());
                    insert.setInt(2, e.version());
                    insert.setString(3, v.json());
                    insert.setArray(4, connection.createArrayOf("text", keys.toArray()));
                    insert.setObject(5, e.publishedAt().atOffset(ZoneOffset.UTC));
                    insert.addBatch();
                }
                int inserted = 0;
                for (int count : insert.executeBatch()) {
                    inserted += Math.max(0, count);
                }
                return inserted;
            }
        });
    }

    /** Keeps the newest status of each survey; an older one replayed or arriving late changes nothing. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void storeStatuses(List<SurveyStatusChanged> statuses) {
        if (statuses.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("""
                    insert into survey_status (survey_id, status, changed_at) values (?, ?, ?)
                    on conflict (survey_id) do update set status = excluded.status, changed_at = excluded.changed_at
                    where survey_status.changed_at <= excluded.changed_at""")) {
                for (SurveyStatusChanged s : statuses) {
                    upsert.setObject(1, s.surveyId());
                    upsert.setString(2, s.status());
                    upsert.setObject(3, s.changedAt().atOffset(ZoneOffset.UTC));
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
        });
    }

    /** The latest status known for the survey, if any was replicated. */
    public Optional<String> status(UUID surveyId) {
        List<?> rows = em.createNativeQuery("select status from survey_status where survey_id = :id")
                .setParameter("id", surveyId)
                .getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of((String) rows.get(0));
    }

    public Optional<SurveyDefinition> find(UUID surveyId, int version) {
        return published(surveyId, version).map(SurveyReplica::definition);
    }

    /**
     * The version with its wordings and brand, for the respondent pages; the replica keeps the published JSON whole,
     * so fields added to the event later (the brand) are there for versions stored before this reader knew them.
     */
    public Optional<SurveyContent> findContent(UUID surveyId, int version) {
        return published(surveyId, version)
                .map(e -> new SurveyContent(
                        definition(e),
                        e.defaultLocale(),
                        e.locales(),
                        e.questions() == null
                                ? List.of()
                                : e.questions().stream()
                                        .map(SurveyReplica::text)
                                        .toList(),
                        e.brand() == null
                                ? null
                                : SurveyContent.Brand.of(
                                        e.brand().name(),
                                        e.brand().logoUrl(),
                                        e.brand().accentColor())));
    }

    private static SurveyContent.QuestionText text(SurveyVersionPublished.Question q) {
        List<SurveyContent.OptionText> options = q.options() == null
                ? List.of()
                : q.options().stream()
                        .filter(o -> o != null && o.id() != null)
                        .map(o -> new SurveyContent.OptionText(o.id(), o.text()))
                        .toList();
        return new SurveyContent.QuestionText(q.id(), q.text(), options);
    }

    private Optional<SurveyVersionPublished> published(UUID surveyId, int version) {
        List<?> rows = em.createNativeQuery("select cast(definition as text) from survey_version"
                        + " where survey_id = :id and version = :version")
                .setParameter("id", surveyId)
                .setParameter("version", version)
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse((String) rows.get(0)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "stored definition of survey " + surveyId + " v" + version + " is not readable", e);
        }
    }

    public OptionalInt latestVersion(UUID surveyId) {
        Object latest = em.createNativeQuery("select max(version) from survey_version where survey_id = :id")
                .setParameter("id", surveyId)
                .getSingleResult();
        return latest == null ? OptionalInt.empty() : OptionalInt.of(((Number) latest).intValue());
    }

    private static SurveyDefinition.Question question(SurveyVersionPublished.Question q) {
        List<String> optionIds = q.options() == null
                ? null
                : q.options().stream()
                        .filter(o -> o != null && o.id() != null)
                        .map(SurveyVersionPublished.Option::id)
                        .toList();
        SurveyVersionPublished.Condition c = q.showIf();
        SurveyDefinition.Condition showIf = c == null || c.questionId() == null
                ? null
                : new SurveyDefinition.Condition(c.questionId(), c.operator(), c.value(), c.values());
        return new SurveyDefinition.Question(
                q.id(), q.type(), q.required(), q.min(), q.max(), optionIds, q.minSelected(), q.maxSelected(), showIf);
    }

    private static SurveyDefinition definition(SurveyVersionPublished e) {
        List<SurveyDefinition.Question> questions = e.questions() == null
                ? List.of()
                : e.questions().stream().map(SurveyReplica::question).toList();
        return new SurveyDefinition(e.surveyId(), e.version(), e.touchpointKeys(), questions);
    }
}
