package org.voc.touchpoint.persistence;

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
import org.voc.touchpoint.domain.Channel;
import org.voc.touchpoint.domain.JourneyStage;
import org.voc.touchpoint.domain.SignalKind;
import org.voc.touchpoint.domain.TouchpointStatus;

/** Row of the touchpoint table; never reaches the API, which sees {@link org.voc.touchpoint.domain.Touchpoint}. */
@Entity
@Table(name = "touchpoint")
public class TouchpointEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, unique = true, updatable = false)
    public String key;

    @Column(nullable = false)
    public String name;

    public String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Channel channel;

    @Enumerated(EnumType.STRING)
    @Column(name = "journey_stage", nullable = false)
    public JourneyStage journeyStage;

    @Enumerated(EnumType.STRING)
    @Column(name = "signal_kind", nullable = false)
    public SignalKind signalKind;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public String[] segments;

    public String product;

    @Column(name = "owner_team", nullable = false)
    public String ownerTeam;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TouchpointStatus status;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public String[] responsible = new String[0];

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public String[] accountable = new String[0];

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public String[] consulted = new String[0];

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public String[] informed = new String[0];

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public String[] tags = new String[0];

    /** {@code system:ref} pairs; the table touchpoint_ref holds the same pairs, unique and indexed for resolving. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "external_refs", nullable = false)
    public String[] externalRefs = new String[0];

    /** Optimistic-concurrency revision; exposed as the ETag and as the state event's revision. */
    @Version
    public long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
