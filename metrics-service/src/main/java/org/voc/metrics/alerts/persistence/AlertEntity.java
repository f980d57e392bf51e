package org.voc.metrics.alerts.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.voc.metrics.alerts.domain.Alert;

/** Row of the alert table; never leaves the service. */
@Entity
@Table(name = "alert")
public class AlertEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "rule_id", nullable = false, updatable = false)
    public UUID ruleId;

    @Column(name = "rule_name", nullable = false, updatable = false)
    public String ruleName;

    /** The rule's revision that fired: one alert per revision and window. */
    @Column(name = "rule_revision", nullable = false, updatable = false)
    public long ruleRevision;

    @Column(nullable = false, updatable = false)
    public String metric;

    @Column(updatable = false)
    public String question;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, updatable = false)
    public Map<String, List<String>> filters;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Alert.State state;

    @Column(name = "window_from", nullable = false)
    public Instant windowFrom;

    @Column(name = "window_to", nullable = false)
    public Instant windowTo;

    @Column(name = "baseline_from", nullable = false)
    public Instant baselineFrom;

    @Column(name = "baseline_to", nullable = false)
    public Instant baselineTo;

    @Column(name = "current_n", nullable = false)
    public long currentN;

    @Column(name = "current_value")
    public Double current;

    @Column(name = "baseline_n", nullable = false)
    public long baselineN;

    @Column(name = "baseline_value")
    public Double baseline;

    public Double difference;

    @Column(name = "p_value")
    public Double pValue;

    @Column(name = "fired_at", nullable = false, updatable = false)
    public Instant firedAt;

    @Column(name = "last_seen_to", nullable = false)
    public Instant lastSeenTo;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    public String resolution;
}
