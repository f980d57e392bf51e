package org.voc.cases.rules.persistence;

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
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.voc.cases.domain.CasePriority;

/** Row of the case_rule table; never leaves the service. */
@Entity
@Table(name = "case_rule")
public class CaseRuleEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public boolean enabled;

    /** The rule's {@code RuleConditions} as JSON. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String conditions;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CasePriority priority;

    /** ISO-8601 durations, as they were given. */
    @Column(name = "first_contact_target", nullable = false)
    public String firstContactTarget;

    @Column(name = "resolution_target", nullable = false)
    public String resolutionTarget;

    public String team;

    @Column(name = "recovery_survey", nullable = false)
    public boolean recoverySurvey;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
