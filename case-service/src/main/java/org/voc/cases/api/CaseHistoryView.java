package org.voc.cases.api;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.voc.cases.domain.CaseStatus;
import org.voc.cases.domain.HistoryEntry;
import org.voc.kit.privacy.Disclosure;

/** A case's history, oldest first. */
public record CaseHistoryView(List<Entry> items) {

    /** One change of the case. */
    @Schema(name = "CaseHistoryEntry")
    public record Entry(
            long id,
            Instant at,

            @Schema(
                    description = "Who: the caller's user name (or token subject); case-service for what it did itself",
                    example = "anna.agent")
            String actor,

            @Schema(
                    description =
                            "OPEN, ROUTE, ASSIGN, CLAIM, ROUND_ROBIN, CONTACT, WAIT, RESUME, RESOLVE, CLOSE, REOPEN,"
                                    + " ROOT_CAUSES"
                                    + " (and BREACHED, ESCALATED from the SLA scheduler)",
                    example = "CLAIM")
            String action,

            CaseStatus fromStatus,
            CaseStatus toStatus,

            @Schema(
                    description = "What the action recorded (assignee, channel, code, …); a note or reason is masked as"
                            + " the comment is, unless the customer is in clear for the caller")
            Map<String, Object> details) {}

    static CaseHistoryView of(List<HistoryEntry> entries, Disclosure disclosure) {
        return new CaseHistoryView(entries.stream()
                .map(e -> new Entry(
                        e.id(),
                        e.at(),
                        e.actor(),
                        e.action(),
                        e.fromStatus(),
                        e.toStatus(),
                        masked(e.details(), disclosure)))
                .toList());
    }

    private static Map<String, Object> masked(Map<String, Object> details, Disclosure disclosure) {
        Map<String, Object> shown = new LinkedHashMap<>(details);
        for (String free : List.of("note", "reason")) {
            if (shown.get(free) instanceof String text) {
                shown.put(free, disclosure.text(text));
            }
        }
        return shown;
    }
}
