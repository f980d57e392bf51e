package org.voc.cases.causes.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.voc.cases.causes.domain.CauseChange;

/** A cause's history, oldest first. */
public record RootCauseHistoryView(List<Entry> items) {

    /** One change of the cause. */
    @Schema(name = "RootCauseHistoryEntry")
    public record Entry(
            long id,
            Instant at,

            @Schema(description = "The caller's user name (or token subject)", example = "carla.analyst")
            String actor,

            @Schema(description = "CREATE or UPDATE", example = "UPDATE")
            String action,

            @Schema(
                    description = "Each field changed, as {\"from\": …, \"to\": …}: code, name, description,"
                            + " parentId, active")
            Map<String, Object> changes) {}

    static RootCauseHistoryView of(List<CauseChange> changes) {
        return new RootCauseHistoryView(changes.stream()
                .map(c -> new Entry(c.id(), c.at(), c.actor(), c.action(), c.changes()))
                .toList());
    }
}
