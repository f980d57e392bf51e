package org.voc.touchpoint.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.voc.touchpoint.domain.TouchpointChange;

/** One page of a touchpoint's history, newest first. */
public record HistoryPage(
        List<Entry> items,

        @Schema(description = "Cursor of the next (older) page, absent on the last page")
        String nextCursor) {

    /** One revision: who made it, when, and each changed field's value before and after. */
    public record Entry(
            long revision,

            @Schema(description = "CREATED, UPDATED or IMPORTED")
            String action,

            @Schema(description = "Subject (sub) of the token that made the change")
            String actor,

            @Schema(description = "User name of that token, for reading")
            String actorName,

            Instant changedAt,

            @Schema(description = "Changed fields: {field: {from, to}}")
            Map<String, Object> changes) {

        static Entry of(TouchpointChange c) {
            return new Entry(c.revision(), c.action(), c.actor(), c.actorName(), c.changedAt(), c.changes());
        }
    }
}
