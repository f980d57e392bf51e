package org.voc.cases.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.voc.cases.domain.CasePriority;
import org.voc.cases.domain.CaseStatus;

/** Row of the customer_case table; never leaves the service (the API maps it to its own view). */
@Entity
@Table(name = "customer_case")
public class CaseEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "response_id", nullable = false, unique = true, updatable = false)
    public UUID responseId;

    @Column(name = "survey_id", nullable = false, updatable = false)
    public UUID surveyId;

    @Column(name = "touchpoint_key", updatable = false)
    public String touchpointKey;

    public String team;

    @Column(name = "customer_ref", updatable = false)
    public String customerRef;

    @Column(updatable = false)
    public Integer nps;

    public String comment;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CasePriority priority;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CaseStatus status;

    @Column(name = "opened_at", nullable = false, updatable = false)
    public Instant openedAt;

    @Column(name = "responded_at", updatable = false)
    public Instant respondedAt;

    @Column(name = "due_at", nullable = false)
    public Instant dueAt;

    /** The matched rules as JSON: [{"id", "name"}]. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "matched_rules", nullable = false, updatable = false)
    public String matchedRules;

    /** ISO-8601 durations set by the matched rules. */
    @Column(name = "first_contact_target", updatable = false)
    public String firstContactTarget;

    @Column(name = "resolution_target", updatable = false)
    public String resolutionTarget;

    /** The case's ETag: every change raises it (changes lock the row, so it is compared under the lock). */
    @Column(nullable = false)
    public long version;

    public String assignee;

    @Column(name = "assigned_at")
    public Instant assignedAt;

    @Column(name = "first_contact_due_at")
    public Instant firstContactDueAt;

    @Column(name = "resolution_due_at")
    public Instant resolutionDueAt;

    @Column(name = "first_contact_at")
    public Instant firstContactAt;

    @Column(name = "contact_channel")
    public String contactChannel;

    @Column(name = "contact_outcome")
    public String contactOutcome;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    @Column(name = "resolution_code")
    public String resolutionCode;

    @Column(name = "resolution_note")
    public String resolutionNote;

    @Column(name = "gesture_type")
    public String gestureType;

    @Column(name = "gesture_amount")
    public BigDecimal gestureAmount;

    @Column(name = "gesture_currency")
    public String gestureCurrency;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "first_contact_business_seconds")
    public Long firstContactBusinessSeconds;

    @Column(name = "resolution_business_seconds")
    public Long resolutionBusinessSeconds;

    @Column(name = "reopened_count", nullable = false)
    public int reopenedCount;

    /** When closing asked survey-service to re-invite the customer (docs/improvement.md, "Recovery re-survey"). */
    @Column(name = "recovery_requested_at")
    public Instant recoveryRequestedAt;

    /** The recovery answer's columns are written by {@code RecoveryRepository} in SQL, never through the entity. */
    @Column(name = "recovery_answered_at", insertable = false, updatable = false)
    public Instant recoveryAnsweredAt;

    @Column(name = "recovery_nps", insertable = false, updatable = false)
    public Integer recoveryNps;

    @Column(name = "recovery_csat", insertable = false, updatable = false)
    public Integer recoveryCsat;

    @Column(insertable = false, updatable = false)
    public Boolean recovered;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** Where the resolution clock counts from; null: from openedAt (V8). */
    @Column(name = "resolution_clock_from")
    public Instant resolutionClockFrom;
}
