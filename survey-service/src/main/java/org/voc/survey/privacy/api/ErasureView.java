package org.voc.survey.privacy.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.voc.survey.privacy.domain.Erasure;

/** An erasure as the API shows it: no customer reference, each service's status, counts and time. */
public record ErasureView(
        UUID id,
        Status status,
        Instant requestedAt,
        String requestedBy,
        Instant completedAt,
        List<ServiceView> services) {

    /** PENDING until every service has reported, then COMPLETED. */
    public enum Status {
        PENDING,
        COMPLETED
    }

    /** One service's part: its status, the rows it erased or anonymised by kind, and when. */
    public record ServiceView(String service, Status status, Map<String, Long> counts, Instant completedAt) {}

    public static ErasureView of(Erasure e) {
        return new ErasureView(
                e.id(),
                e.completed() ? Status.COMPLETED : Status.PENDING,
                e.requestedAt(),
                e.requestedBy(),
                e.completedAt(),
                e.services().stream()
                        .map(s -> new ServiceView(
                                s.service(),
                                s.completed() ? Status.COMPLETED : Status.PENDING,
                                s.counts(),
                                s.completedAt()))
                        .toList());
    }
}
