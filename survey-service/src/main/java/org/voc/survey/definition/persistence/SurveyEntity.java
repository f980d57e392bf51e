package org.voc.survey.definition.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.voc.survey.definition.domain.SurveyStatus;

/** Row of the survey table (the working draft); never leaves the service. */
@Entity
@Table(name = "survey")
public class SurveyEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    @Column(name = "default_locale", nullable = false)
    public String defaultLocale;

    /** Locales the survey is worded in; null for rows written before locales were declared. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "locales")
    public String[] locales;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "touchpoint_keys", nullable = false)
    public String[] touchpointKeys;

    /** The draft's questions as a JSON array of {@link org.voc.survey.definition.domain.Question}. */
    @Column(nullable = false, columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    public String questions;

    /** The respondent page's {@link org.voc.survey.definition.domain.Brand} as JSON; null when it has none. */
    @Column(columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    public String brand;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SurveyStatus status;

    @Column(name = "latest_version")
    public Integer latestVersion;

    /** Optimistic-concurrency revision, exposed as the ETag. */
    @Version
    public long revision;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
