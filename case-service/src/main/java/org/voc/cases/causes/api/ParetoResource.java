package org.voc.cases.causes.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.voc.cases.causes.domain.Pareto;
import org.voc.cases.causes.domain.ParetoQuery;
import org.voc.cases.causes.domain.ParetoService;
import org.voc.cases.domain.CaseScope;
import org.voc.cases.domain.TeamReplicaService;
import org.voc.kit.problem.Invalid;
import org.voc.kit.problem.Problem;
import org.voc.kit.security.Caller;
import org.voc.kit.security.Roles;

/** The Pareto of root causes over HTTP, scoped like the case KPIs: an agent sees their own teams' cases only. */
@Path("/api/root-causes/pareto")
@Tag(name = "Root causes")
@Produces(MediaType.APPLICATION_JSON)
public class ParetoResource {

    /** The default period: the last 28 UTC days, today included (four whole weeks). */
    static final int DEFAULT_DAYS = 28;

    private static final LocalDate FIRST = LocalDate.of(1, 1, 1);
    private static final LocalDate LAST = LocalDate.of(9999, 12, 30);

    private final ParetoService pareto;
    private final TeamReplicaService teams;
    private final Caller caller;
    private final Clock clock;

    public ParetoResource(ParetoService pareto, TeamReplicaService teams, Caller caller, Clock clock) {
        this.pareto = pareto;
        this.teams = teams;
        this.caller = caller;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.ANALYST, Roles.MANAGER, Roles.AGENT})
    @Operation(
            summary = "Pareto of root causes",
            description = "Per root cause named by cases whose response came in the period (respondedAt, UTC days,"
                    + " both ends included; default the last 28 days): the cases, the detractors among them (NPS"
                    + " 0–6) and the estimated NPS points lost, how much the touchpoint's NPS would rise had those"
                    + " detractors been passives: Σ over touchpoints of 100 × detractors with the cause / NPS answers"
                    + " of the touchpoint in the period (all responses counted, cases or not). Without a touchpoint"
                    + " filter the points are summed over every touchpoint (summedOverTouchpoints). Ranked by rankBy,"
                    + " each row with its share of that measure and the cumulative share (the Pareto line). A case"
                    + " with several causes counts for each; a case counts for the cause it names, not for its"
                    + " parents (each row gives its path instead). A case-agent gets the cases of their own teams"
                    + " only; a case-manager, voc-admin or cx-analyst every case (docs/improvement.md).")
    @APIResponse(
            responseCode = "200",
            description = "The Pareto",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ParetoView.class),
                            examples = @ExampleObject(name = "pareto", value = Examples.PARETO)))
    @APIResponse(
            responseCode = "400",
            description = "from or to is not an ISO date, from is after to, or rankBy is unknown; errors[].field"
                    + " names it",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "bad rank", value = Examples.BAD_RANK)))
    public ParetoView pareto(
            @Parameter(
                            description = "Touchpoint key of the cases; every touchpoint when absent",
                            example = "card-delivery")
                    @QueryParam("touchpoint")
                    String touchpoint,
            @Parameter(
                            description = "Owner team of the cases; all the caller may see when absent",
                            example = "cards-ops")
                    @QueryParam("team")
                    String team,
            @Parameter(
                            description = "First UTC day of the responses (ISO date); default: 27 days before `to`",
                            example = "2026-11-03",
                            schema = @Schema(type = SchemaType.STRING, format = "date"))
                    @QueryParam("from")
                    String from,
            @Parameter(
                            description = "Last UTC day of the responses (ISO date, included); default: today",
                            example = "2026-11-30",
                            schema = @Schema(type = SchemaType.STRING, format = "date"))
                    @QueryParam("to")
                    String to,
            @Parameter(
                            description = "What the rows are ranked by; default cases",
                            schema = @Schema(enumeration = {"cases", "detractors", "npsPointsLost"}))
                    @QueryParam("rankBy")
                    String rankBy) {
        Pareto.Rank rank = Pareto.Rank.CASES;
        if (rankBy != null && !rankBy.isBlank()) {
            rank = Pareto.Rank.of(rankBy.trim());
            if (rank == null) {
                throw Invalid.field("rankBy", "must be one of cases, detractors, npsPointsLost");
            }
        }
        LocalDate last = day(to, "to");
        if (last == null) {
            last = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        }
        LocalDate first = day(from, "from");
        if (first == null) {
            first = last.minusDays(DEFAULT_DAYS - 1L).isBefore(FIRST) ? FIRST : last.minusDays(DEFAULT_DAYS - 1L);
        }
        if (first.isAfter(last)) {
            throw Invalid.field("from", "must not be after to");
        }
        String touchpointKey = blankToNull(touchpoint);
        String teamKey = blankToNull(team);
        ParetoService.Report report = pareto.of(new ParetoQuery(scope(), teamKey, touchpointKey, first, last, rank));
        return ParetoView.of(first, last, touchpointKey, teamKey, rank.param(), report);
    }

    /** Every case for managers, admins and analysts; a case agent's own teams' cases otherwise. */
    private CaseScope scope() {
        return caller.holdsAny(Roles.ADMIN, Roles.MANAGER, Roles.ANALYST)
                ? CaseScope.ALL
                : teams.scopeOf(caller.username());
    }

    private static LocalDate day(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        LocalDate day;
        try {
            day = LocalDate.parse(value.trim(), DateTimeFormatter.ISO_LOCAL_DATE);
        } catch (DateTimeException e) {
            throw Invalid.field(field, "must be an ISO date such as 2026-11-01");
        }
        if (day.isBefore(FIRST) || day.isAfter(LAST)) {
            throw Invalid.field(field, "must lie in the years 0001 to 9999");
        }
        return day;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
