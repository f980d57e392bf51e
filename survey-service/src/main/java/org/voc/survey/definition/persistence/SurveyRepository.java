package org.voc.survey.definition.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.type.CollectionType;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.voc.survey.definition.domain.Brand;
import org.voc.survey.definition.domain.Question;
import org.voc.survey.definition.domain.Survey;
import org.voc.survey.definition.domain.SurveyCursor;
import org.voc.survey.definition.domain.SurveyDefinition;
import org.voc.survey.definition.domain.SurveyFilter;

/**
 * Survey rows and their mapping to {@link Survey}; listing is keyset-paginated by (createdAt, id) so pages stay
 * correct under concurrent inserts.
 */
@ApplicationScoped
public class SurveyRepository implements PanacheRepositoryBase<SurveyEntity, UUID> {

    private final ObjectMapper json;
    private final ObjectReader questionsReader;
    private final ObjectReader brandReader;

    public SurveyRepository(ObjectMapper json) {
        this.json = json;
        // Stored JSON may have been written by a newer release during a rolling upgrade: tolerate added fields.
        CollectionType questionList = json.getTypeFactory().constructCollectionType(List.class, Question.class);
        this.questionsReader = json.readerFor(questionList).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.brandReader = json.readerFor(Brand.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** Locks the row, so concurrent edits and publishes of one survey run one after the other. */
    public Optional<SurveyEntity> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public Optional<Survey> findSurvey(UUID id) {
        return findByIdOptional(id).map(this::toSurvey);
    }

    public List<Survey> list(SurveyFilter filter, SurveyCursor after, int limit) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (after != null) {
            query.append(" and (createdAt > :afterTime or (createdAt = :afterTime and id > :afterId))");
            params.and("afterTime", after.createdAt()).and("afterId", after.id());
        }
        if (filter.touchpointKey() != null) {
            query.append(" and array_contains(touchpointKeys, :touchpoint)");
            params.and("touchpoint", filter.touchpointKey());
        }
        if (filter.status() != null) {
            query.append(" and status = :status");
            params.and("status", filter.status());
        }
        query.append(" order by createdAt, id");
        return find(query.toString(), params).page(0, limit).list().stream()
                .map(this::toSurvey)
                .toList();
    }

    /** The row as a record; after a change, flush first so that the revision is the new one. */
    public Survey toSurvey(SurveyEntity e) {
        return new Survey(e.id, definition(e), e.status, e.latestVersion, e.revision, e.createdAt, e.updatedAt);
    }

    /** The draft held by the row; rows written before locales were declared get the derived ones. */
    public SurveyDefinition definition(SurveyEntity e) {
        List<Question> questions = read(e.questions);
        SurveyDefinition stored = new SurveyDefinition(
                e.name,
                e.defaultLocale,
                e.locales == null ? null : List.of(e.locales),
                List.of(e.touchpointKeys),
                questions,
                brand(e.brand));
        return stored.withLocales(stored.effectiveLocales());
    }

    /** Writes the draft into the row. */
    public void setDefinition(SurveyEntity survey, SurveyDefinition definition) {
        survey.name = definition.name();
        survey.defaultLocale = definition.defaultLocale();
        survey.locales = definition.effectiveLocales().toArray(String[]::new);
        survey.touchpointKeys = definition.touchpointKeys().toArray(String[]::new);
        survey.questions = write(definition.questions());
        survey.brand = definition.brand() == null ? null : write(definition.brand());
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("survey definition is not serialisable", e);
        }
    }

    private Brand brand(String value) {
        if (value == null) {
            return null;
        }
        try {
            return brandReader.readValue(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored survey brand cannot be read", e);
        }
    }

    private List<Question> read(String value) {
        try {
            return questionsReader.readValue(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored survey JSON cannot be read", e);
        }
    }
}
