package org.voc.survey.privacy.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An erasure of one customer's data and each service's part in it. It names no customer: the reference is kept
 * only while the erasure is pending, inside the repository.
 */
public record Erasure(
        UUID id, Instant requestedAt, String requestedBy, Instant completedAt, List<ServicePart> services) {

    public boolean completed() {
        return completedAt != null;
    }

    /** One service's part: pending until it reports, then the rows it treated by kind and when. */
    public record ServicePart(String service, Map<String, Long> counts, Instant completedAt) {

        public boolean completed() {
            return completedAt != null;
        }
    }
}
