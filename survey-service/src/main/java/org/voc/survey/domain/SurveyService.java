package org.voc.survey.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.voc.events.EventTypes;
import org.voc.events.SurveyVersionPublished;
import org.voc.events.Topics;
import org.voc.survey.messaging.Outbox;
import org.voc.survey.persistence.SurveyCursor;
import org.voc.survey.persistence.SurveyEntity;
import org.voc.survey.persistence.SurveyFilter;
import org.voc.survey.persistence.SurveyRepository;
import org.voc.survey.persistence.SurveyVersionEntity;
import org.voc.survey.persistence.SurveyVersionRepository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.type.CollectionType;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Edits survey drafts and publishes them as immutable versions; publishing writes the version and its
 * {@code SurveyVersionPublished} event in one transaction.
 */
@ApplicationScoped
// The event records are serialised by the outbox through reflection, which a native image must be told about.
@RegisterForReflection(targets = { SurveyVersionPublished.class, SurveyVersionPublished.Question.class })
public class SurveyService {

    private final SurveyRepository surveys;
    private final SurveyVersionRepository versions;
    private final Outbox outbox;
    private final ObjectMapper json;
    private final ObjectReader questionsReader;
    private final ObjectReader definitionReader;

    public SurveyService(SurveyRepository surveys, SurveyVersionRepository versions, Outbox outbox, ObjectMapper json) {
        this.surveys = surveys;
        this.versions = versions;
        this.outbox = outbox;
        this.json = json;
        // Stored JSON may have been written by a newer release during a rolling upgrade: tolerate added fields.
        CollectionType questionList = json.getTypeFactory().constructCollectionType(List.class, Question.class);
        this.questionsReader = json.readerFor(questionList).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.definitionReader = json.readerFor(SurveyDefinition.class)
                .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    @Transactional
    public Survey create(SurveyDefinition definition) {
        check(definition);
        SurveyEntity survey = new SurveyEntity();
        survey.id = UUID.randomUUID();
        survey.createdAt = now();
        survey.status = SurveyStatus.DRAFT;
        apply(survey, definition);
        surveys.persistAndFlush(survey);
        return toSurvey(survey);
    }

    @Transactional
    public Survey change(UUID id, long expectedRevision, SurveyDefinition definition) {
        SurveyEntity survey = surveys.findForUpdate(id).orElseThrow(() -> notFound(id));
        if (survey.revision != expectedRevision) {
            throw new ProblemException(412, "stale-revision", "Precondition failed",
                    "survey '" + id + "' is at revision " + survey.revision + ", not " + expectedRevision
                            + ": read it again and reapply the change",
                    null);
        }
        check(definition);
        apply(survey, definition);
        surveys.flush(); // bumps the revision returned as the new ETag
        return toSurvey(survey);
    }

    @Transactional
    public SurveyVersion publish(UUID id, String publishedBy) {
        SurveyEntity survey = surveys.findForUpdate(id).orElseThrow(() -> notFound(id));
        SurveyDefinition definition = definition(survey);
        if (definition.questions().isEmpty()) {
            throw ProblemException.invalid("questions", "a survey needs at least one question to be published");
        }
        if (definition.touchpointKeys().isEmpty()) {
            throw ProblemException.invalid("touchpointKeys",
                    "a survey needs at least one touchpoint to be published");
        }
        SurveyVersionEntity version = new SurveyVersionEntity();
        version.surveyId = survey.id;
        version.version = survey.latestVersion == null ? 1 : survey.latestVersion + 1;
        version.definition = write(definition);
        version.publishedAt = now();
        version.publishedBy = publishedBy;
        versions.persist(version);

        survey.latestVersion = version.version;
        survey.status = SurveyStatus.PUBLISHED;
        survey.updatedAt = version.publishedAt;

        outbox.add(Topics.SURVEYS, survey.id + ":" + version.version, EventTypes.SURVEY_VERSION_PUBLISHED_V1,
                event(survey.id, version.version, definition, version.publishedAt));
        return new SurveyVersion(version.surveyId, version.version, definition, version.publishedAt,
                version.publishedBy);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Survey get(UUID id) {
        return toSurvey(surveys.findByIdOptional(id).orElseThrow(() -> notFound(id)));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public SurveyVersion version(UUID id, int number) {
        SurveyVersionEntity v = versions.find(id, number).orElseThrow(() -> ProblemException.notFound(
                "survey version", id + "/versions/" + number));
        return new SurveyVersion(v.surveyId, v.version, read(definitionReader, v.definition), v.publishedAt,
                v.publishedBy);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Survey> list(SurveyFilter filter, SurveyCursor after, int limit) {
        return surveys.list(filter, after, limit).stream().map(this::toSurvey).toList();
    }

    /**
     * Rules across fields that bean validation cannot express; the field named is the first one at fault, as a
     * JSON path into the request.
     */
    static void check(SurveyDefinition definition) {
        Set<String> ids = new HashSet<>();
        Set<String> locales = null;
        int nps = -1;
        for (int i = 0; i < definition.questions().size(); i++) {
            Question question = definition.questions().get(i);
            String at = "questions[" + i + "]";
            if (!ids.add(question.id())) {
                throw ProblemException.invalid(at + ".id",
                        "'" + question.id() + "' is already the id of an earlier question");
            }
            if (question.type() == QuestionType.NPS) {
                if (nps >= 0) {
                    throw ProblemException.invalid(at + ".type",
                            "a survey has at most one NPS question and questions[" + nps + "] is one");
                }
                nps = i;
            }
            if (!question.text().containsKey(definition.defaultLocale())) {
                throw ProblemException.invalid(at + ".text",
                        "must have a wording in the default locale '" + definition.defaultLocale() + "'");
            }
            if (locales == null) {
                locales = question.text().keySet();
            } else if (!locales.equals(question.text().keySet())) {
                throw ProblemException.invalid(at + ".text",
                        "must be worded in the same locales as questions[0]: " + locales);
            }
        }
    }

    private void apply(SurveyEntity survey, SurveyDefinition definition) {
        survey.name = definition.name();
        survey.defaultLocale = definition.defaultLocale();
        survey.touchpointKeys = definition.touchpointKeys().toArray(String[]::new);
        survey.questions = write(definition.questions());
        survey.updatedAt = now();
    }

    private Survey toSurvey(SurveyEntity e) {
        return new Survey(e.id, definition(e), e.status, e.latestVersion, e.revision, e.createdAt, e.updatedAt);
    }

    private SurveyDefinition definition(SurveyEntity e) {
        List<Question> questions = read(questionsReader, e.questions);
        return new SurveyDefinition(e.name, e.defaultLocale, List.of(e.touchpointKeys), questions);
    }

    private static SurveyVersionPublished event(UUID surveyId, int version, SurveyDefinition d, Instant publishedAt) {
        List<SurveyVersionPublished.Question> questions = d.questions().stream()
                .map(q -> new SurveyVersionPublished.Question(q.id(), q.type().name(), q.required(),
                        q.type().min(), q.type().max(), q.text()))
                .toList();
        return new SurveyVersionPublished(surveyId, version, d.name(), d.touchpointKeys(), d.defaultLocale(),
                questions, publishedAt);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("survey definition is not serialisable", e);
        }
    }

    private static <T> T read(ObjectReader reader, String value) {
        try {
            return reader.readValue(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored survey JSON cannot be read", e);
        }
    }

    /** PostgreSQL keeps microseconds: truncating keeps the API, the database and the events in agreement. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static ProblemException notFound(UUID id) {
        return ProblemException.notFound("survey", id.toString());
    }
}
