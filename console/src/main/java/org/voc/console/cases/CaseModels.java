package org.voc.console.cases;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The console's own records of case-service's answers: only what its pages show (unknown fields are ignored). */
public final class CaseModels {

    private CaseModels() {}

    public record CaseList(List<CaseDetail> items, String nextCursor) {
        public List<CaseDetail> items() {
            return items == null ? List.of() : items;
        }
    }

    public record CaseDetail(
            UUID id,
            String touchpointKey,
            String team,
            String customerRef,
            Integer nps,
            String comment,
            String priority,
            String status,
            Instant openedAt,
            long version,
            String assignee,
            Instant firstContactDueAt,
            Instant resolutionDueAt,
            Instant firstContactAt,
            String contactChannel,
            String contactOutcome,
            Instant resolvedAt,
            String resolutionCode,
            String resolutionNote,
            Gesture gesture,
            Instant closedAt,
            int reopenedCount,
            List<Cause> rootCauses) {

        public List<Cause> rootCauses() {
            return rootCauses == null ? List.of() : rootCauses;
        }

        /** The clock that runs now: first contact until it is met, then resolution; null when none runs. */
        public Sla sla(Instant now) {
            if ("RESOLVED".equals(status) || "CLOSED".equals(status)) {
                return null;
            }
            if (firstContactAt == null) {
                return firstContactDueAt == null ? null : Sla.of("first-contact", firstContactDueAt, now);
            }
            return resolutionDueAt == null ? null : Sla.of("resolution", resolutionDueAt, now);
        }

        public boolean finished() {
            return "RESOLVED".equals(status) || "CLOSED".equals(status);
        }
    }

    public record Gesture(String type, BigDecimal amount, String currency) {}

    public record Cause(UUID id, String code, String name) {}

    public record History(List<Entry> items) {
        public List<Entry> items() {
            return items == null ? List.of() : items;
        }
    }

    public record Entry(
            long id,
            Instant at,
            String actor,
            String action,
            String fromStatus,
            String toStatus,
            Map<String, Object> details) {

        public Map<String, Object> details() {
            return details == null ? Map.of() : details;
        }
    }

    public record RootCauses(List<RootCause> items) {
        public List<RootCause> items() {
            return items == null ? List.of() : items;
        }
    }

    public record RootCause(UUID id, String code, String name, String pathName, boolean active) {}
}
