package org.voc.survey.definition.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.Immutable;

/** Row of survey_version: a published definition, written once and never updated. */
@Entity
@Immutable
@Table(name = "survey_version")
@IdClass(SurveyVersionEntity.Key.class)
public class SurveyVersionEntity extends PanacheEntityBase {

    /** Composite primary key (survey id, version number). */
    public static class Key implements Serializable {
        public UUID surveyId;
        public int version;

        public Key() {}

        public Key(UUID surveyId, int version) {
            this.surveyId = surveyId;
            this.version = version;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && version == k.version && Objects.equals(surveyId, k.surveyId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(surveyId, version);
        }
    }

    @Id
    @Column(name = "survey_id")
    public UUID surveyId;

    @Id
    public int version;

    /** The frozen {@link org.voc.survey.definition.domain.SurveyDefinition} as JSON. */
    @Column(nullable = false, columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    public String definition;

    @Column(name = "published_at", nullable = false)
    public Instant publishedAt;

    @Column(name = "published_by", nullable = false)
    public String publishedBy;
}
