package org.voc.touchpoint.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalTime;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Row of the team table: a team that owns touchpoints and works their cases. */
@Entity
@Table(name = "team")
public class TeamEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, unique = true, updatable = false)
    public String key;

    @Column(nullable = false)
    public String name;

    @Column(name = "escalation_contact")
    public String escalationContact;

    /** {@link java.time.DayOfWeek} names. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "working_days", nullable = false)
    public String[] workingDays;

    @Column(name = "work_start", nullable = false)
    public LocalTime workStart;

    @Column(name = "work_end", nullable = false)
    public LocalTime workEnd;

    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    /** Keycloak user names of the team's case agents, lower case, sorted. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public String[] members;

    /** JSON array of {@code {"date", "name"}}, ordered by date (see V6__team_calendar.sql). */
    @Column(nullable = false, columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    public String holidays;

    /** JSON array of {@code {"after", "recipients", "label"}} in ladder order. */
    @Column(name = "escalation_ladder", nullable = false, columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    public String escalationLadder;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
