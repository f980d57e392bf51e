package org.voc.metrics.scores.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.voc.kit.problem.Invalid;
import org.voc.kit.problem.Problem;
import org.voc.kit.security.Roles;
import org.voc.metrics.scores.domain.Dimension;
import org.voc.metrics.scores.domain.Metric;
import org.voc.metrics.scores.domain.MetricsConfig;
import org.voc.metrics.scores.domain.ScoreEngine;
import org.voc.metrics.scores.domain.ScoreQuery;
import org.voc.metrics.scores.domain.ScoreSeries;
import org.voc.metrics.zones.Zones;

/** Customer-experience metrics over HTTP, read from the roll-ups; the arithmetic lives in the domain. */
@Path("/api/metrics")
@Tag(name = "Metrics")
@Produces(MediaType.APPLICATION_JSON)
public class MetricsResource {

    private static final String CSV = "text/csv";

    private final ScoreEngine engine;
    private final MetricsConfig config;
    private final Zones zones;

    public MetricsResource(ScoreEngine engine, MetricsConfig config, Zones zones) {
        this.engine = engine;
        this.config = config;
        this.zones = zones;
    }

    @GET
    @Path("/{metric}/stats")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @RolesAllowed({Roles.ADMIN, Roles.ANALYST})
    @Operation(summary = "One metric over a time range: a total, a time series or a breakdown", description = """
            One shape for every score type. `value` is the headline figure: NPS in points (100·(P − D)/n), CSAT \
            the % satisfied (4–5), CES, CLI, the CLI parts and RATING their mean. Every point carries `n`, its 95 % \
            `interval` (NPS: adjusted Wald; proportions: Wilson; means: Student t, from n = 2) and \
            `insufficientSample` when n is below the configured minimum (the value and interval are still given). \
            Metric figures: NPS promoters/passives/detractors with counts and %; CSAT its 1–5 distribution, \
            `satisfied` and `problem` (< 3) with Wilson intervals; CES its mean, distribution and `highEffort` \
            (≥ 5); CLI its mean (of NPS, repurchase and cross-buy, responses with all three) and each part's mean; \
            RATING its mean (`question` required). docs/metrics.md has the formulas and references.

            `from`/`to` take ISO dates (whole days in `tz`) or ISO instants; by default the 30 days up to now. With \
            `granularity` the answer is a series of periods in `tz` (weeks start on Monday), else one total. \
            Periods and groups without values are absent; a plain total with n = 0 has a null value. `groupBy` \
            takes one or two dimensions; `employee` or `process` give the top `limit` references by n (totals \
            only, whole days in the reporting zone). Filters: repeat a parameter to keep any of its values. \
            Product, journey stage and owner team are the touchpoint's current attribution in the registry.

            Time resolution: whole days in the reporting zone (default UTC) read the daily roll-up; anything else \
            reads UTC hours, where an hour counts in full when it overlaps the range and a day boundary in a \
            half-hour-offset zone moves to the nearest hour. `source` says which was read. `Accept: text/csv` \
            gives the series as CSV (cells that a spreadsheet would run as a formula start with an apostrophe).""")
    @APIResponse(
            responseCode = "200",
            description = "The series",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = ScoreView.class),
                        examples = {
                            @ExampleObject(
                                    name = "CSAT by segment and channel",
                                    value = Examples.CSAT_BY_SEGMENT_AND_CHANNEL),
                            @ExampleObject(name = "daily NPS in Moscow", value = Examples.NPS_DAILY)
                        }),
                @Content(
                        mediaType = CSV,
                        schema = @Schema(type = SchemaType.STRING),
                        examples = @ExampleObject(name = "CSV", value = Examples.CSV))
            })
    @APIResponse(
            responseCode = "400",
            description = "An unknown metric, dimension, granularity or zone, a bad range, or a bad combination",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "three dimensions", value = Examples.BAD_GROUP_BY)))
    @APIResponse(
            responseCode = "401",
            description = "No valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(
            responseCode = "403",
            description = "The token lacks the voc-admin or cx-analyst role",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response stats(
            @Parameter(description = "nps, csat, ces, cli, cli-repurchase, cli-cross-buy or rating", example = "csat")
                    @PathParam("metric")
                    String metric,
            @Parameter(description = "Start: ISO date (start of that day in tz) or ISO instant", example = "2026-11-01")
                    @QueryParam("from")
                    String from,
            @Parameter(
                            description = "End, inclusive: ISO date (end of that day in tz) or instant",
                            example = "2026-11-30")
                    @QueryParam("to")
                    String to,
            @Parameter(description = "IANA time zone of dates and periods; UTC by default", example = "Europe/Moscow")
                    @QueryParam("tz")
                    String tz,
            @Parameter(description = "hour, day, week or month; one total when absent", example = "day")
                    @QueryParam("granularity")
                    String granularity,
            @Parameter(description = "One or two dimensions (repeated or comma-separated)", example = "segment,channel")
                    @QueryParam("groupBy")
                    List<String> groupBy,
            @Parameter(description = "RATING only: the question id", example = "staff-friendliness")
                    @QueryParam("question")
                    String question,
            @Parameter(description = "Rows of an employee or process top list (1–1000); 10 by default", example = "10")
                    @QueryParam("limit")
                    Integer limit,
            @Parameter(description = "json or csv; overrides Accept", example = "csv") @QueryParam("format")
                    String format,
            @HeaderParam(HttpHeaders.ACCEPT) String accept,
            @Parameter(description = "Touchpoint keys") @QueryParam("touchpoint") List<String> touchpoint,
            @Parameter(description = "Channels") @QueryParam("channel") List<String> channel,
            @Parameter(description = "Customer segments") @QueryParam("segment") List<String> segment,
            @Parameter(description = "Survey ids") @QueryParam("survey") List<String> survey,
            @Parameter(description = "Products (touchpoint attribution)") @QueryParam("product") List<String> product,
            @Parameter(description = "Journey stages (touchpoint attribution)") @QueryParam("journeyStage")
                    List<String> journeyStage,
            @Parameter(description = "Owner teams (touchpoint attribution)") @QueryParam("ownerTeam")
                    List<String> ownerTeam,
            @Parameter(description = "Employee references") @QueryParam("employee") List<String> employee,
            @Parameter(description = "Business process references") @QueryParam("process") List<String> process) {
        Metric m = QueryParams.metric(metric);
        ZoneId zone = zones.zone(tz, "tz");
        QueryParams.Range range = QueryParams.range(from, to, zone, "from", "to");
        Map<Dimension, List<String>> given = new EnumMap<>(Dimension.class);
        given.put(Dimension.TOUCHPOINT, touchpoint);
        given.put(Dimension.CHANNEL, channel);
        given.put(Dimension.SEGMENT, segment);
        given.put(Dimension.SURVEY, survey);
        given.put(Dimension.PRODUCT, product);
        given.put(Dimension.JOURNEY_STAGE, journeyStage);
        given.put(Dimension.OWNER_TEAM, ownerTeam);
        given.put(Dimension.EMPLOYEE, employee);
        given.put(Dimension.PROCESS, process);
        boolean csv = csv(format, accept);
        ScoreQuery query = new ScoreQuery(
                m,
                QueryParams.text(question),
                range.from(),
                range.to(),
                zone,
                range.wholeDays(),
                QueryParams.granularity(granularity),
                QueryParams.groupBy(groupBy),
                QueryParams.filters(given),
                limit == null ? config.defaultTopN() : limit);
        ScoreSeries series = engine.stats(query);
        if (csv) {
            return Response.ok(ScoreCsv.of(series), CSV + "; charset=utf-8")
                    .header("Content-Disposition", "attachment; filename=\"" + m.slug() + ".csv\"")
                    .build();
        }
        return Response.ok(ScoreView.of(series, config.minSample()), MediaType.APPLICATION_JSON)
                .build();
    }

    @GET
    @Path("/{metric}/compare")
    @RolesAllowed({Roles.ADMIN, Roles.ANALYST})
    @Operation(summary = "Compare a metric between two periods or two groups", description = """
            The totals of one metric on two sides, and a two-sided test of their difference (current minus \
            baseline) at `alpha` (default 0.05): NPS by a z-test from each NPS's trinomial variance; CSAT % \
            satisfied and CES % high effort by a pooled two-proportion z-test; means (CES, CLI, its parts, RATING) \
            by Welch's t-test. The current side is `from`/`to` with the filters; the baseline is \
            `baselineFrom`/`baselineTo` (default: the same range) with the `baseline` filters (`dimension:value`, \
            repeatable; default: the same filters). `pValue` is null and `significant` false when a side is empty \
            or neither side varies. docs/metrics.md has the formulas.""")
    @APIResponse(
            responseCode = "200",
            description = "Both sides and the tests",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples =
                                    @ExampleObject(
                                            name = "last week against the 4 before",
                                            value = Examples.COMPARISON)))
    @APIResponse(
            responseCode = "400",
            description = "An unknown metric, dimension or zone, a bad range or alpha",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(
            responseCode = "401",
            description = "No valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(
            responseCode = "403",
            description = "The token lacks the voc-admin or cx-analyst role",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public ComparisonView compare(
            @Parameter(description = "nps, csat, ces, cli, cli-repurchase, cli-cross-buy or rating", example = "csat")
                    @PathParam("metric")
                    String metric,
            @Parameter(description = "Current side's start (ISO date or instant)", example = "2026-11-24")
                    @QueryParam("from")
                    String from,
            @Parameter(description = "Current side's end, inclusive", example = "2026-11-30") @QueryParam("to")
                    String to,
            @Parameter(description = "Baseline's start; the current start by default", example = "2026-10-27")
                    @QueryParam("baselineFrom")
                    String baselineFrom,
            @Parameter(description = "Baseline's end; the current end by default", example = "2026-11-23")
                    @QueryParam("baselineTo")
                    String baselineTo,
            @Parameter(description = "IANA time zone of dates; UTC by default", example = "UTC") @QueryParam("tz")
                    String tz,
            @Parameter(description = "Significance level, 0 < alpha < 1", example = "0.05") @QueryParam("alpha")
                    Double alpha,
            @Parameter(description = "RATING only: the question id") @QueryParam("question") String question,
            @Parameter(description = "Baseline filters as dimension:value (repeatable)", example = "channel:WEB")
                    @QueryParam("baseline")
                    List<String> baseline,
            @Parameter(description = "Touchpoint keys") @QueryParam("touchpoint") List<String> touchpoint,
            @Parameter(description = "Channels") @QueryParam("channel") List<String> channel,
            @Parameter(description = "Customer segments") @QueryParam("segment") List<String> segment,
            @Parameter(description = "Survey ids") @QueryParam("survey") List<String> survey,
            @Parameter(description = "Products") @QueryParam("product") List<String> product,
            @Parameter(description = "Journey stages") @QueryParam("journeyStage") List<String> journeyStage,
            @Parameter(description = "Owner teams") @QueryParam("ownerTeam") List<String> ownerTeam) {
        Metric m = QueryParams.metric(metric);
        ZoneId zone = zones.zone(tz, "tz");
        QueryParams.Range range = QueryParams.range(from, to, zone, "from", "to");
        Map<Dimension, List<String>> given = new EnumMap<>(Dimension.class);
        given.put(Dimension.TOUCHPOINT, touchpoint);
        given.put(Dimension.CHANNEL, channel);
        given.put(Dimension.SEGMENT, segment);
        given.put(Dimension.SURVEY, survey);
        given.put(Dimension.PRODUCT, product);
        given.put(Dimension.JOURNEY_STAGE, journeyStage);
        given.put(Dimension.OWNER_TEAM, ownerTeam);
        Map<Dimension, List<String>> filters = QueryParams.filters(given);
        ScoreQuery current = new ScoreQuery(
                m,
                QueryParams.text(question),
                range.from(),
                range.to(),
                zone,
                range.wholeDays(),
                null,
                List.of(),
                filters,
                config.defaultTopN());
        QueryParams.Range other = baselineFrom == null && baselineTo == null
                ? range
                : QueryParams.range(
                        baselineFrom == null ? from : baselineFrom,
                        baselineTo == null ? to : baselineTo,
                        zone,
                        "baselineFrom",
                        "baselineTo");
        Map<Dimension, List<String>> baselineFilters =
                baseline == null || baseline.isEmpty() ? filters : QueryParams.baselineFilters(baseline);
        if (baselineFilters.keySet().stream().anyMatch(Dimension::person)) {
            throw Invalid.field("baseline", "employee and process cannot be compared here");
        }
        ScoreQuery base = current.baseline(other.from(), other.to(), other.wholeDays(), baselineFilters);
        return ComparisonView.of(current, base, engine.compare(current, base, alpha == null ? 0.05 : alpha));
    }

    @GET
    @Path("/nps")
    @RolesAllowed({Roles.ADMIN, Roles.ANALYST})
    @Operation(summary = "Net Promoter Score of a touchpoint over a time range (the first API)", description = """
            Counts promoters (9–10), passives (7–8) and detractors (0–6) among the responses with an NPS \
            answer and returns NPS = 100·(P − D)/n, rounded to one decimal. The same figures as \
            `GET /api/metrics/nps/stats` gives, in the shape every metric shares.

            The margin of error is the half-width of the 95 % adjusted-Wald interval (Rocks 2016: n + 3, \
            ¾ added to promoters and to detractors), in NPS points to one decimal; it is never ±0, not even for \
            one response. NPS and margin of error are null when n = 0.

            Answers come from hourly roll-ups (UTC), so the time resolution is one hour: every hour that overlaps \
            [from, to] counts in full. `from` and `to` take an ISO date (a whole UTC day: `from` starts it, `to` \
            ends it, inclusive) or an ISO instant; by default `to` is now and `from` is 30 days before `to`. \
            Responses reach the roll-ups asynchronously from voc.responses, usually within seconds.""")
    @APIResponse(
            responseCode = "200",
            description = "The score and its counts",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "card-delivery in November", value = Examples.NPS)))
    @APIResponse(
            responseCode = "400",
            description = "`from` or `to` is not a date or instant, or `from` is after `to`",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(
            responseCode = "401",
            description = "No valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(
            responseCode = "403",
            description = "The token lacks the voc-admin or cx-analyst role",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public NpsView nps(
            @Parameter(description = "Touchpoint key; all touchpoints when absent", example = "card-delivery")
                    @QueryParam("touchpoint")
                    String touchpoint,
            @Parameter(description = "Start: ISO date (start of that UTC day) or ISO instant", example = "2026-11-01")
                    @QueryParam("from")
                    String from,
            @Parameter(
                            description = "End, inclusive: ISO date (end of that UTC day) or ISO instant",
                            example = "2026-11-30")
                    @QueryParam("to")
                    String to,
            @Parameter(description = "Channel the response came through; all channels when absent", example = "BRANCH")
                    @QueryParam("channel")
                    String channel) {
        ZoneId utc = ZoneId.of("UTC");
        QueryParams.Range range = QueryParams.range(from, to, utc, "from", "to");
        Map<Dimension, List<String>> filters = new EnumMap<>(Dimension.class);
        String tp = QueryParams.text(touchpoint);
        String ch = QueryParams.text(channel);
        if (tp != null) {
            filters.put(Dimension.TOUCHPOINT, List.of(tp));
        }
        if (ch != null) {
            filters.put(Dimension.CHANNEL, List.of(ch));
        }
        // Hour resolution as it always answered (every overlapping UTC hour), whatever the daily roll-up's zone.
        ScoreQuery query =
                new ScoreQuery(Metric.NPS, null, range.from(), range.to(), utc, false, null, List.of(), filters, 1);
        ScoreSeries series = engine.stats(query);
        return NpsView.of(
                tp, ch, range.from(), range.to(), series.points().get(0).figures());
    }

    private static boolean csv(String format, String accept) {
        if (format == null || format.isBlank()) {
            return accept != null && accept.contains(CSV) && !accept.contains(MediaType.APPLICATION_JSON);
        }
        if (format.equals("csv") || format.equals("json")) {
            return format.equals("csv");
        }
        throw Invalid.field("format", "must be json or csv");
    }
}
