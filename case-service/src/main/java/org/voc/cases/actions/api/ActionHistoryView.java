package org.voc.cases.actions.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.voc.cases.actions.domain.ActionHistoryEntry;
import org.voc.cases.actions.domain.ActionStatus;

/** An improvement action's history, oldest first. */
@Schema(name = "ImprovementActionHistory")
public record ActionHistoryView(List<Entry> items) {

    @Schema(name = "ImprovementActionHistoryEntry")
    public record Entry(
            long id,
            Instant at,

            @Schema(description = "Who: the caller's user name (or token subject); case-service for a verdict")
            String actor,

            @Schema(
                    description = "CREATE, PROPOSE, UPDATE, APPROVE, START, DONE, VERIFY, REJECT, REOPEN, LINK_CASES,"
                            + " UNLINK_CASE, VERDICT",
                    example = "VERIFY")
            String action,

            ActionStatus fromStatus,
            ActionStatus toStatus,

            @Schema(description = "What the change recorded: doneAt, the verdict, an override and its reason, case ids")
            Map<String, Object> details) {}

    static ActionHistoryView of(List<ActionHistoryEntry> entries) {
        return new ActionHistoryView(entries.stream()
                .map(e -> new Entry(e.id(), e.at(), e.actor(), e.action(), e.fromStatus(), e.toStatus(), e.details()))
                .toList());
    }
}
