package org.voc.touchpoint.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;

/** Row of the journey table; {@code stages} is the JSON of its ordered stages (see V3__registry.sql). */
@Entity
@Table(name = "journey")
public class JourneyEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, unique = true, updatable = false)
    public String key;

    @Column(nullable = false)
    public String name;

    public String description;

    @Column(nullable = false, columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    public String stages;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
