package org.voc.metrics.alerts.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.DateTimeException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.voc.kit.problem.Invalid;
import org.voc.metrics.alerts.domain.AlertRule;

/** Body of alert rule create and change. */
@Schema(name = "AlertRuleRequest")
public record AlertRuleRequest(
        @Schema(example = "Card delivery NPS drop") @NotBlank @Size(max = 200)
        String name,

        @Schema(description = "The metric watched, as in GET /api/metrics/{metric}", example = "nps")
        @NotBlank
        @Size(max = 40)
        String metric,

        @Schema(description = "RATING only: the question id") @Size(max = 80)
        String question,

        @Schema(
                description = "Filters as the metric query takes them: dimension → any of these values (touchpoint,"
                        + " channel, segment, product, journeyStage, ownerTeam, survey). Absent: everything.",
                example = "{\"touchpoint\": [\"card-delivery\"], \"segment\": [\"RETAIL\"]}")
        @Size(max = 12)
        Map<@NotBlank @Size(max = 40) String, @NotNull @Size(max = 50) List<@NotBlank @Size(max = 200) String>> filters,

        @Schema(description = "The recent window, an ISO duration of whole hours (PT1H to P366D)", example = "P7D")
        @NotBlank
        @Size(max = 40)
        String window,

        @Schema(description = "The baseline just before the window, same form", example = "P28D")
        @NotBlank
        @Size(max = 40)
        String baseline,

        @Schema(
                description = "Fewest responses on each side for the rule to fire (default 30)",
                example = "30",
                maximum = "1000000")
        @Max(1_000_000)
        Integer minSample,

        @Schema(
                description = "Fire only when the drop is significant at this level (two-sided test of"
                        + " docs/metrics.md). At least one of alpha and minChange is required.",
                example = "0.05")
        Double alpha,

        @Schema(
                description = "Fire only when the drop is at least this large, in the metric's unit (NPS points,"
                        + " percentage points, scale points)",
                example = "5")
        Double minChange,

        @Schema(description = "Evaluated while true (default true)", example = "true")
        Boolean enabled) {

    static final int DEFAULT_MIN_SAMPLE = 30;

    AlertRule.Fields toFields() {
        return new AlertRule.Fields(
                name,
                metric,
                question,
                filters == null ? Map.of() : filters,
                duration("window", window),
                duration("baseline", baseline),
                minSample == null ? DEFAULT_MIN_SAMPLE : minSample,
                alpha,
                minChange,
                enabled == null || enabled);
    }

    private static Duration duration(String field, String value) {
        try {
            return Duration.parse(value.strip());
        } catch (DateTimeException | ArithmeticException e) {
            throw Invalid.field(field, "must be an ISO duration such as P7D or PT12H");
        }
    }
}
