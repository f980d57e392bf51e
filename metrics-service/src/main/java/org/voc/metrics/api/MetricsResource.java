package org.voc.metrics.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.voc.kit.input.StorableValues;
import org.voc.kit.problem.Invalid;
import org.voc.kit.problem.Problem;
import org.voc.kit.security.Roles;
import org.voc.metrics.domain.NpsQuery;
import org.voc.metrics.domain.NpsService;

/** Customer-experience metrics over HTTP, read from the roll-ups; the arithmetic lives in the domain. */
@Path("/api/metrics")
@Tag(name = "Metrics")
@Produces(MediaType.APPLICATION_JSON)
public class MetricsResource {

    static final Duration DEFAULT_RANGE = Duration.ofDays(30);

    private final NpsService nps;

    public MetricsResource(NpsService nps) {
        this.nps = nps;
    }

    @GET
    @Path("/nps")
    @RolesAllowed({Roles.ADMIN, Roles.ANALYST})
    @Operation(summary = "Net Promoter Score of a touchpoint over a time range", description = """
            Counts promoters (9–10), passives (7–8) and detractors (0–6) among the responses with an NPS \
            answer and returns NPS = 100·(P − D)/n, rounded to one decimal.

            The margin of error is the half-width of the 95 % confidence interval, in NPS points: \
            1.96 · 100 · sqrt((p + d − (p − d)²) / n) with p = P/n and d = D/n, rounded to one decimal. \
            NPS and margin of error are null when n = 0.

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
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "from after to", value = Examples.FROM_AFTER_TO)))
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
        Instant end = instant(to, "to", true);
        if (end == null) {
            end = Instant.now();
        }
        Instant start = instant(from, "from", false);
        if (start == null) {
            start = end.minus(DEFAULT_RANGE).isBefore(StorableValues.EARLIEST)
                    ? StorableValues.EARLIEST
                    : end.minus(DEFAULT_RANGE);
        }
        NpsQuery query = new NpsQuery(text(touchpoint), text(channel), start, end);
        return NpsView.of(query, nps.score(query));
    }

    /** An ISO date (the start, or with {@code endOfDay} the last instant, of that UTC day) or an ISO instant. */
    private static Instant instant(String value, String field, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.trim();
        Instant instant;
        try {
            if (text.indexOf('T') < 0) {
                LocalDate date = LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
                instant = endOfDay
                        ? date.plusDays(1)
                                .atStartOfDay(ZoneOffset.UTC)
                                .toInstant()
                                .minusNanos(1)
                        : date.atStartOfDay(ZoneOffset.UTC).toInstant();
            } else {
                instant = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                        .toInstant();
            }
        } catch (DateTimeException e) { // unparseable, or a day past the last one (+999999999-12-31)
            throw Invalid.field(
                    field, "must be an ISO date such as 2026-11-01 or an ISO instant such as 2026-11-01T09:00:00Z");
        }
        if (!StorableValues.storable(instant)) {
            throw Invalid.field(field, "must lie in the years 0001 to 9999");
        }
        return instant;
    }

    /** Blank means "no filter" (the kit refuses NUL in any query parameter before it gets here). */
    private static String text(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
