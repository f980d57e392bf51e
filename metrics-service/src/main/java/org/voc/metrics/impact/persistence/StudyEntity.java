package org.voc.metrics.impact.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.voc.metrics.impact.domain.Study;

/** Row of the impact_study table; never leaves the service. */
@Entity
@Table(name = "impact_study")
public class StudyEntity extends PanacheEntityBase {

    @Id
    @Column(name = "action_id")
    public UUID actionId;

    @Column(nullable = false)
    public String title;

    @Column(name = "owner_team")
    public String ownerTeam;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "touchpoint_keys", nullable = false)
    public List<String> touchpointKeys;

    @Column(nullable = false)
    public String metric;

    public String question;

    public Double target;

    /** The done date of the latest ActionDone: an older or equal one changes nothing. */
    @Column(name = "done_at", nullable = false)
    public Instant doneAt;

    @Column(name = "window_days", nullable = false)
    public int windowDays;

    @Column(name = "min_sample", nullable = false)
    public int minSample;

    @Column(name = "before_from", nullable = false)
    public Instant beforeFrom;

    /** The end of the before window and the start of the after window. */
    @Column(name = "after_from", nullable = false)
    public Instant afterFrom;

    @Column(name = "after_to", nullable = false)
    public Instant afterTo;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    /** Set once with the verdict and its event; null while pending. */
    @Column(name = "assessed_at")
    public Instant assessedAt;

    @Enumerated(EnumType.STRING)
    public Study.Verdict verdict;

    public Double alpha;

    @Column(name = "insufficient_sample")
    public Boolean insufficientSample;

    @Column(name = "target_met")
    public Boolean targetMet;

    @Column(name = "before_n")
    public Long beforeN;

    @Column(name = "before_value")
    public Double beforeValue;

    @Column(name = "before_lower")
    public Double beforeLower;

    @Column(name = "before_upper")
    public Double beforeUpper;

    @Column(name = "after_n")
    public Long afterN;

    @Column(name = "after_value")
    public Double afterValue;

    @Column(name = "after_lower")
    public Double afterLower;

    @Column(name = "after_upper")
    public Double afterUpper;

    public Double difference;

    @Column(name = "p_value")
    public Double pValue;
}
