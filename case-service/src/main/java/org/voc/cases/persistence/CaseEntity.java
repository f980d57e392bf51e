package org.voc.cases.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
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

    @Column(nullable = false, updatable = false)
    public int nps;

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
}
