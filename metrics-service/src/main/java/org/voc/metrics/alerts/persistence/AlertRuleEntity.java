package org.voc.metrics.alerts.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Row of the alert_rule table; never leaves the service. */
@Entity
@Table(name = "alert_rule")
public class AlertRuleEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String metric;

    public String question;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, List<String>> filters;

    @Column(name = "window_hours", nullable = false)
    public int windowHours;

    @Column(name = "baseline_hours", nullable = false)
    public int baselineHours;

    @Column(name = "min_sample", nullable = false)
    public int minSample;

    public Double alpha;

    @Column(name = "min_change")
    public Double minChange;

    @Column(nullable = false)
    public boolean enabled;

    /** Bumped by every change; the API's ETag (checked by hand: a stale If-Match is a 412, not a retry). */
    @Column(nullable = false)
    public long revision;

    @Column(name = "created_by", nullable = false, updatable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** End of the last window evaluated; a window is evaluated once, whichever replica gets to it. */
    @Column(name = "last_window_to")
    public Instant lastWindowTo;
}
