package org.voc.survey.definition.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import org.voc.survey.definition.domain.SurveyDefinition;
import org.voc.survey.definition.domain.SurveyVersion;

/** Published survey versions, written once and read back as {@link SurveyVersion}. */
@ApplicationScoped
public class SurveyVersionRepository implements PanacheRepositoryBase<SurveyVersionEntity, SurveyVersionEntity.Key> {

    private final ObjectMapper json;
    private final ObjectReader definitionReader;

    public SurveyVersionRepository(ObjectMapper json) {
        this.json = json;
        // Stored JSON may have been written by a newer release during a rolling upgrade: tolerate added fields.
        this.definitionReader =
                json.readerFor(SurveyDefinition.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    public Optional<SurveyVersion> find(UUID surveyId, int version) {
        return findByIdOptional(new SurveyVersionEntity.Key(surveyId, version)).map(this::toVersion);
    }

    public void insert(SurveyVersion version) {
        SurveyVersionEntity row = new SurveyVersionEntity();
        row.surveyId = version.surveyId();
        row.version = version.version();
        row.definition = write(version.definition());
        row.publishedAt = version.publishedAt();
        row.publishedBy = version.publishedBy();
        persist(row);
    }

    private SurveyVersion toVersion(SurveyVersionEntity v) {
        return new SurveyVersion(v.surveyId, v.version, read(v.definition), v.publishedAt, v.publishedBy);
    }

    private String write(SurveyDefinition definition) {
        try {
            return json.writeValueAsString(definition);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("survey definition is not serialisable", e);
        }
    }

    private SurveyDefinition read(String value) {
        try {
            return definitionReader.readValue(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored survey JSON cannot be read", e);
        }
    }
}
