package org.voc.cases.actions.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.voc.cases.actions.domain.ActionStatus;

/** Row of the improvement_action table; never leaves the service (the API maps the domain record to its view). */
@Entity
@Table(name = "improvement_action")
public class ActionEntity {

    @Id
    public UUID id;

    public String title;
    public String description;

    @Column(name = "owner_team")
    public String ownerTeam;

    @Column(name = "due_date")
    public LocalDate dueDate;

    public String metric;
    public String question;
    public Double target;

    @Column(name = "window_days")
    public int windowDays;

    @Column(name = "min_sample")
    public int minSample;

    @Enumerated(EnumType.STRING)
    public ActionStatus status;

    public long version;

    @Column(name = "created_at", updatable = false)
    public Instant createdAt;

    @Column(name = "created_by", updatable = false)
    public String createdBy;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "done_at")
    public Instant doneAt;

    public String verdict;

    @Column(name = "verdict_before_n")
    public Long verdictBeforeN;

    @Column(name = "verdict_before_value")
    public Double verdictBeforeValue;

    @Column(name = "verdict_after_n")
    public Long verdictAfterN;

    @Column(name = "verdict_after_value")
    public Double verdictAfterValue;

    @Column(name = "verdict_difference")
    public Double verdictDifference;

    @Column(name = "verdict_p_value")
    public Double verdictPValue;

    @Column(name = "verdict_target_met")
    public Boolean verdictTargetMet;

    @Column(name = "verdict_insufficient")
    public Boolean verdictInsufficient;

    @Column(name = "verdict_assessed_at")
    public Instant verdictAssessedAt;

    /** Forgets the verdict: it was about an earlier doneAt. */
    public void clearVerdict() {
        verdict = null;
        verdictBeforeN = null;
        verdictBeforeValue = null;
        verdictAfterN = null;
        verdictAfterValue = null;
        verdictDifference = null;
        verdictPValue = null;
        verdictTargetMet = null;
        verdictInsufficient = null;
        verdictAssessedAt = null;
    }
}
