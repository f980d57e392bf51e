package org.voc.touchpoint.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;

/** Row of touchpoint_ref, mapped only so the resolve query can be written in JPQL; written with plain SQL. */
@Entity
@Table(name = "touchpoint_ref")
@IdClass(TouchpointRefEntity.Id.class)
public class TouchpointRefEntity {

    /** Composite primary key (system, ref). */
    public static class Id implements Serializable {
        public String system;
        public String ref;

        @Override
        public boolean equals(Object o) {
            return o instanceof Id other
                    && java.util.Objects.equals(system, other.system)
                    && java.util.Objects.equals(ref, other.ref);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(system, ref);
        }
    }

    @jakarta.persistence.Id
    public String system;

    @jakarta.persistence.Id
    public String ref;

    @Column(name = "touchpoint_id", nullable = false)
    public UUID touchpointId;
}
