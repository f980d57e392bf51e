package org.voc.metrics.funnel.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.voc.kit.input.StorableValues;
import org.voc.kit.input.TimeParams;
import org.voc.kit.problem.Invalid;
import org.voc.kit.problem.Problem;
import org.voc.kit.security.Roles;
import org.voc.metrics.funnel.domain.Dimension;
import org.voc.metrics.funnel.domain.FunnelQuery;
import org.voc.metrics.funnel.domain.FunnelService;
import org.voc.metrics.funnel.domain.Granularity;
import org.voc.metrics.zones.Zones;

/** The response-rate funnel over HTTP: parses and checks the question; the counting lives in the domain. */
@Path("/api/metrics/funnel")
@Tag(name = "Metrics")
@Produces(MediaType.APPLICATION_JSON)
public class FunnelResource {

    /** The confidence level of every interval of the funnel. */
    static final double CONFIDENCE_LEVEL = 0.95;

    static final Duration DEFAULT_RANGE = Duration.ofDays(30);

    private static final String DIMENSIONS = "survey, touchpoint, channel or deliveryChannel";

    private final FunnelService funnel;
    private final Zones zones;

    public FunnelResource(FunnelService funnel, Zones zones) {
        this.funnel = funnel;
        this.zones = zones;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.ANALYST})
    @Operation(summary = "Response-rate funnel: invitations issued, opened, answered and expired", description = """
            Counts the invitations **issued** in [from, to] (a cohort) and how many of them were **opened** (the \
            first view of the hosted page or the first GET of the respondent API; an answered invitation counts \
            as opened), **answered** (a response names the invitation) and **expired**, whenever those later \
            steps happened. `stillOpen` is issued minus those answered or expired. `openRate` is opened / issued, \
            `responseRate` answered / issued with its 95 % Wilson score interval (`responseRateInterval`).

            Because a cohort is fixed by the issue time, the answer for a recent period still grows while its \
            invitations are open: compare periods whose invitations have all expired, or read `stillOpen`.

            `from` and `to` take an ISO date (a whole day in `tz`: `from` starts it, `to` ends it, inclusive) or \
            an ISO instant; by default `to` is now and `from` is 30 days before `to`. Counts come from hourly \
            roll-ups by the UTC hour of issue, so every hour that overlaps [from, to] counts in full. \
            `granularity` (hour, day, week starting Monday, month; absent: one total) cuts the range into \
            periods of `tz` (an IANA time-zone name, default UTC); a period is the local period in which the \
            issue hour starts, and periods without invitations are left out. Filters on survey, touchpoint, \
            channel and delivery channel narrow the count; `groupBy` (comma-separated, or repeated) splits it. \
            Events reach the funnel asynchronously from voc.invitations and voc.responses, usually within seconds.""")
    @APIResponse(
            responseCode = "200",
            description = "The funnel per period and group",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = {
                                @ExampleObject(
                                        name = "November by delivery channel",
                                        value = FunnelExamples.BY_DELIVERY_CHANNEL),
                                @ExampleObject(name = "Daily in Paris", value = FunnelExamples.DAILY)
                            }))
    @APIResponse(
            responseCode = "400",
            description = "A parameter is malformed (the problem names it), or `from` is after `to`",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "unknown groupBy", value = FunnelExamples.BAD_GROUP)))
    @APIResponse(
            responseCode = "401",
            description = "No valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(
            responseCode = "403",
            description = "The token lacks the voc-admin or cx-analyst role",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public FunnelView funnel(
            @Parameter(description = "Start of the issue times: ISO date (start of that day in tz) or ISO instant")
                    @QueryParam("from")
                    String from,
            @Parameter(description = "End, inclusive: ISO date (end of that day in tz) or ISO instant")
                    @QueryParam("to")
                    String to,
            @Parameter(description = "IANA time zone of dates and periods", example = "Europe/Paris") @QueryParam("tz")
                    String tz,
            @Parameter(
                            description = "Period of the series; absent: one total",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            enumeration = {"hour", "day", "week", "month"}))
                    @QueryParam("granularity")
                    String granularity,
            @Parameter(description = "Survey id; all surveys when absent") @QueryParam("survey") String survey,
            @Parameter(description = "Touchpoint key; all when absent", example = "card-delivery")
                    @QueryParam("touchpoint")
                    String touchpoint,
            @Parameter(description = "Channel of the interaction; all when absent", example = "BRANCH")
                    @QueryParam("channel")
                    String channel,
            @Parameter(description = "Channel the invitation was sent through; all when absent", example = "EMAIL")
                    @QueryParam("deliveryChannel")
                    String deliveryChannel,
            @Parameter(description = "Dimensions to group by: " + DIMENSIONS + ", comma-separated or repeated")
                    @QueryParam("groupBy")
                    List<String> groupBy) {
        ZoneId zone = zones.zone(tz, "tz");
        Instant end = TimeParams.instant(to, "to", zone, true);
        if (end == null) {
            end = Instant.now();
        }
        Instant start = TimeParams.instant(from, "from", zone, false);
        if (start == null) {
            start = end.minus(DEFAULT_RANGE).isBefore(StorableValues.EARLIEST)
                    ? StorableValues.EARLIEST
                    : end.minus(DEFAULT_RANGE);
        }
        Map<Dimension, String> filters = new EnumMap<>(Dimension.class);
        if (text(survey) != null) {
            try {
                filters.put(Dimension.SURVEY, UUID.fromString(survey.trim()).toString());
            } catch (IllegalArgumentException e) {
                throw Invalid.field("survey", "must be a survey id (UUID)");
            }
        }
        putText(filters, Dimension.TOUCHPOINT, touchpoint);
        putText(filters, Dimension.CHANNEL, channel);
        putText(filters, Dimension.DELIVERY_CHANNEL, deliveryChannel);
        Granularity cut = granularity(granularity);
        List<Dimension> groups = groupBy(groupBy);
        FunnelQuery query = new FunnelQuery(start, end, zone, cut, filters, groups);
        return new FunnelView(
                start,
                end,
                zone.getId(),
                cut == null ? null : cut.label(),
                groups.stream().map(Dimension::parameter).toList(),
                CONFIDENCE_LEVEL,
                funnel.funnel(query).stream().map(FunnelRowView::of).toList());
    }

    private static Granularity granularity(String value) {
        if (text(value) == null) {
            return null;
        }
        try {
            return Granularity.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Invalid.field("granularity", "must be hour, day, week or month");
        }
    }

    private static List<Dimension> groupBy(List<String> values) {
        List<Dimension> groups = new ArrayList<>();
        if (values == null) {
            return groups;
        }
        for (String value : values) {
            for (String name : value.split(",", -1)) {
                if (name.isBlank()) {
                    continue;
                }
                Dimension dimension = Dimension.of(name.trim())
                        .orElseThrow(() -> Invalid.field("groupBy", "must be " + DIMENSIONS + " (got '" + name + "')"));
                if (groups.contains(dimension)) {
                    throw Invalid.field("groupBy", "names " + name.trim() + " twice");
                }
                groups.add(dimension);
            }
        }
        return groups;
    }

    private static void putText(Map<Dimension, String> filters, Dimension dimension, String value) {
        if (text(value) != null) {
            filters.put(dimension, value);
        }
    }

    /** Blank means "no filter" (the kit refuses NUL in any query parameter before it gets here). */
    private static String text(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
