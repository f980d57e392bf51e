package org.voc.console.improvement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The console's own records of case-service's outer-loop answers: only what the page shows. */
public final class ImprovementModels {

    private ImprovementModels() {}

    public record Pareto(LocalDate from, LocalDate to, String rankBy, long casesWithCause, List<Cause> items) {
        public List<Cause> items() {
            return items == null ? List.of() : items;
        }
    }

    public record Cause(
            UUID rootCauseId,
            String code,
            String name,
            String pathName,
            long cases,
            long detractors,
            double npsPointsLost,
            double share,
            double cumulativeShare) {

        public String sharePercent() {
            return percent(share);
        }

        public String cumulativePercent() {
            return percent(cumulativeShare);
        }
    }

    public record Actions(List<Action> items) {
        public List<Action> items() {
            return items == null ? List.of() : items;
        }
    }

    public record Action(
            UUID id,
            String title,
            String ownerTeam,
            List<String> touchpointKeys,
            String status,
            Instant doneAt,
            long linkedCases,
            long suggestedPriority,
            Verdict verdict) {}

    /** metrics-service's verdict on the action's effect, as case-service shows it. */
    public record Verdict(
            String verdict,
            long beforeN,
            Double beforeValue,
            long afterN,
            Double afterValue,
            Double pValue,
            boolean insufficientSample) {

        public String before() {
            return beforeValue == null ? "—" : String.valueOf(Math.round(beforeValue * 10) / 10.0);
        }

        public String after() {
            return afterValue == null ? "—" : String.valueOf(Math.round(afterValue * 10) / 10.0);
        }
    }

    static String percent(double fraction) {
        return String.format(java.util.Locale.ROOT, "%.1f %%", fraction * 100);
    }
}
