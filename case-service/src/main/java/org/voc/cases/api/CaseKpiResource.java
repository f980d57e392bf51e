package org.voc.cases.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.voc.cases.domain.CaseScope;
import org.voc.cases.domain.KpiQuery;
import org.voc.cases.domain.KpiService;
import org.voc.cases.domain.TeamReplicaService;
import org.voc.kit.input.StorableValues;
import org.voc.kit.input.TimeParams;
import org.voc.kit.problem.Invalid;
import org.voc.kit.problem.Problem;
import org.voc.kit.security.Caller;
import org.voc.kit.security.Roles;

/** The closed-loop KPIs over HTTP, scoped like the cases themselves ({@link CaseResource}). */
@Path("/api/cases/kpis")
@Tag(name = "Cases")
@Produces(MediaType.APPLICATION_JSON)
public class CaseKpiResource {

    static final Duration DEFAULT_RANGE = Duration.ofDays(30);

    private final KpiService kpis;
    private final TeamReplicaService teams;
    private final Caller caller;
    private final Clock clock;

    public CaseKpiResource(KpiService kpis, TeamReplicaService teams, Caller caller, Clock clock) {
        this.kpis = kpis;
        this.teams = teams;
        this.caller = caller;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.AGENT, Roles.MANAGER, Roles.ANALYST})
    @Operation(
            summary = "Closed-loop KPIs",
            description = "Of the cases opened in [from, to] (default: the 30 days up to now): how many, the share"
                    + " whose first contact and whose resolution met the SLA (met / (met + missed); a clock not due"
                    + " yet, or paused while the case waits on the customer, is pending and left out), and the median"
                    + " and p90 of the business hours each took. The backlog is the unfinished cases as of now"
                    + " (whatever the window) by wall-clock age; breaches and escalations are those recorded in the"
                    + " window. A case-agent gets the figures of the cases of their own teams only; a case-manager,"
                    + " voc-admin or cx-analyst of every case (docs/cases.md, \"KPIs\").")
    @APIResponse(
            responseCode = "200",
            description = "The KPIs",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "kpis", value = KpiExamples.KPIS)))
    @APIResponse(
            responseCode = "400",
            description = "from or to is not a date or an instant, or from is after to; errors[].field names it",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "bad from", value = KpiExamples.BAD_FROM)))
    public KpiView kpis(
            @Parameter(
                            description = "Owner team of the cases; all the caller may see when absent",
                            example = "cards-ops")
                    @QueryParam("team")
                    String team,
            @Parameter(description = "Touchpoint key of the cases; all when absent", example = "card-delivery")
                    @QueryParam("touchpoint")
                    String touchpoint,
            @Parameter(
                            description = "Start of the window: an ISO date (its start, UTC) or instant; default: 30"
                                    + " days before `to`",
                            example = "2026-11-01")
                    @QueryParam("from")
                    String from,
            @Parameter(
                            description = "End of the window: an ISO date (its end, UTC) or instant; default: now",
                            example = "2026-11-30")
                    @QueryParam("to")
                    String to) {
        ZoneId utc = TimeParams.zone(null, "tz");
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant end = TimeParams.instant(to, "to", utc, true);
        if (end == null) {
            end = now;
        }
        Instant start = TimeParams.instant(from, "from", utc, false);
        if (start == null) {
            start = end.minus(DEFAULT_RANGE).isBefore(StorableValues.EARLIEST)
                    ? StorableValues.EARLIEST
                    : end.minus(DEFAULT_RANGE);
        }
        if (start.isAfter(end)) {
            throw Invalid.field("from", "must not be after to");
        }
        String teamKey = blankToNull(team);
        String touchpointKey = blankToNull(touchpoint);
        return KpiView.of(
                start,
                end,
                now,
                teamKey,
                touchpointKey,
                kpis.of(new KpiQuery(scope(), teamKey, touchpointKey, start, end, now)));
    }

    /** Every case for managers, admins and analysts; a case agent's own teams' cases otherwise. */
    private CaseScope scope() {
        return caller.holdsAny(Roles.ADMIN, Roles.MANAGER, Roles.ANALYST)
                ? CaseScope.ALL
                : teams.scopeOf(caller.username());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
