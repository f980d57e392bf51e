package org.voc.cases.causes.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.voc.cases.causes.domain.ParetoService;
import org.voc.cases.causes.domain.Placed;

/** The Pareto of root causes as the API answers it. */
@Schema(name = "RootCausePareto")
public record ParetoView(
        @Schema(description = "First UTC day of the responses counted")
        LocalDate from,

        @Schema(description = "Last UTC day of the responses counted (inclusive)")
        LocalDate to,

        @Schema(description = "The touchpoint filter; null: every touchpoint")
        String touchpoint,

        @Schema(description = "The team filter; null: every team the caller may see")
        String team,

        @Schema(description = "cases, detractors or npsPointsLost", example = "npsPointsLost")
        String rankBy,

        @Schema(
                description = "true without a touchpoint filter: each cause's npsPointsLost is then a sum over the"
                        + " touchpoints it occurs at, each point of a different NPS, not points of one NPS")
        boolean summedOverTouchpoints,

        @Schema(description = "How npsPointsLost is computed, in words")
        String method,

        @Schema(description = "Distinct cases with at least one cause (a case with several causes is in several rows)")
        long casesWithCause,

        @Schema(
                description = "Responses (all, cases or not) in the period at the touchpoint asked about, or at the"
                        + " touchpoints the rows' cases come from")
        long responses,

        @Schema(
                description = "NPS answers in the period at the touchpoint asked about, or at the touchpoints the"
                        + " rows' cases come from: the denominators of npsPointsLost")
        long npsAnswers,

        @Schema(description = "One row per cause named by a case in the period, ranked by rankBy")
        List<Row> items) {

    static final String METHOD_ONE = "npsPointsLost = 100 × detractors with the cause / NPS answers of the touchpoint"
            + " in the period: how much its NPS would rise had those detractors been passives";
    static final String METHOD_ALL = "npsPointsLost = Σ over touchpoints of 100 × detractors with the cause / NPS"
            + " answers of the touchpoint in the period; no touchpoint filter: summed over every touchpoint";

    /** One cause: its place in the taxonomy, its counts and its share of the ranked measure. */
    @Schema(name = "RootCauseParetoRow")
    public record Row(
            UUID rootCauseId,
            @Schema(example = "COURIER_LATE") String code,
            @Schema(example = "Courier late") String name,

            @Schema(
                    description =
                            "The categories from the top down to this cause; counts are never rolled up into" + " them")
            List<RootCauseView.Step> path,

            @Schema(example = "Process → Card delivery → Courier late")
            String pathName,

            boolean active,
            @Schema(description = "Cases naming the cause") long cases,

            @Schema(description = "Of them, those whose response's NPS is 0–6")
            long detractors,

            @Schema(description = "Estimated NPS points lost (method), 4 decimals", example = "3.0")
            double npsPointsLost,

            @Schema(description = "This row's share of the ranked measure over all rows, 0–1", example = "0.4054")
            double share,

            @Schema(description = "The shares of this row and every row above it: the Pareto line", example = "0.9459")
            double cumulativeShare) {}

    static ParetoView of(
            LocalDate from, LocalDate to, String touchpoint, String team, String rankBy, ParetoService.Report report) {
        List<Row> rows = report.pareto().rows().stream()
                .map(r -> {
                    Placed p = report.causes().get(r.rootCauseId());
                    List<RootCauseView.Step> path = p.path().stream()
                            .map(s -> new RootCauseView.Step(s.id(), s.code(), s.name()))
                            .toList();
                    return new Row(
                            r.rootCauseId(),
                            p.cause().code(),
                            p.cause().name(),
                            path,
                            String.join(
                                    " → ",
                                    path.stream().map(RootCauseView.Step::name).toList()),
                            p.cause().active(),
                            r.cases(),
                            r.detractors(),
                            r.npsPointsLost(),
                            r.share(),
                            r.cumulativeShare());
                })
                .toList();
        return new ParetoView(
                from,
                to,
                touchpoint,
                team,
                rankBy,
                touchpoint == null,
                touchpoint == null ? METHOD_ALL : METHOD_ONE,
                report.casesWithCause(),
                report.pareto().responses(),
                report.pareto().npsAnswers(),
                rows);
    }
}
