package org.voc.cases.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.voc.cases.domain.Case;
import org.voc.cases.domain.CaseCursor;
import org.voc.cases.domain.CaseFilter;
import org.voc.cases.domain.CaseScope;
import org.voc.cases.domain.CaseService;
import org.voc.cases.domain.CaseStatus;
import org.voc.cases.domain.TeamReplicaService;
import org.voc.kit.paging.PageCursor;
import org.voc.kit.paging.PageLimit;
import org.voc.kit.privacy.Disclosure;
import org.voc.kit.privacy.Privacy;
import org.voc.kit.problem.Invalid;
import org.voc.kit.problem.NotFound;
import org.voc.kit.problem.Problem;
import org.voc.kit.security.Caller;
import org.voc.kit.security.Roles;

/**
 * Cases over HTTP (read-only in this slice: cases are opened by responses that match the case rules); rules live in
 * {@link CaseService}. Who sees which case, and which customer data in clear, is decided here from the caller
 * (docs/security.md): a case agent sees only their teams' cases, and the customer of those in clear.
 */
@Path("/api/cases")
@Tag(name = "Cases")
@Produces(MediaType.APPLICATION_JSON)
public class CaseResource {

    private static final String SCOPE = "A case-agent sees only the cases of the teams that name them as a member"
            + " (touchpoint-registry's teams); a case-manager, voc-admin or cx-analyst sees every case. ";
    private static final String PII = "customerRef and comment are pseudonymised and masked unless the caller holds"
            + " voc-pii or case-manager, or is a case-agent of the case's team.";

    private final CaseService service;
    private final TeamReplicaService teams;
    private final Caller caller;
    private final Privacy privacy;

    public CaseResource(CaseService service, TeamReplicaService teams, Caller caller, Privacy privacy) {
        this.service = service;
        this.teams = teams;
        this.caller = caller;
        this.privacy = privacy;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.AGENT, Roles.MANAGER, Roles.ANALYST})
    @Operation(
            summary = "List cases",
            description = "Newest first (by openedAt, then id), keyset-paginated: pass the nextCursor of a page as"
                    + " `after` to read the next page. Filters combine with AND, within what the caller may see. "
                    + SCOPE
                    + PII)
    @APIResponse(
            responseCode = "200",
            description = "One page",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "page", value = Examples.CASE_PAGE)))
    @APIResponse(
            responseCode = "400",
            description = "A filter, the cursor or the limit is invalid; errors[].field names the query parameter",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "unknown status", value = Examples.UNKNOWN_STATUS)))
    public CasePage list(
            @Parameter(description = "Owner team of the cases", example = "cards-ops") @QueryParam("team") String team,
            @Parameter(description = "One of OPEN, IN_PROGRESS, RESOLVED, CLOSED", example = "OPEN")
                    @QueryParam("status")
                    String status,
            @Parameter(description = "Touchpoint key of the cases", example = "card-delivery") @QueryParam("touchpoint")
                    String touchpoint,
            @Parameter(description = "true: only cases without a team yet; false: only routed cases", example = "true")
                    @QueryParam("unassigned")
                    String unassigned,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("after") String after,
            @Parameter(description = "Page size, 1 to 500 (default 50)", example = "50") @QueryParam("limit")
                    String limit) {
        CaseFilter filter = new CaseFilter(
                blankToNull(team),
                parseStatus(status),
                blankToNull(touchpoint),
                parseBoolean(unassigned, "unassigned"));
        int size = PageLimit.parse(limit);
        // One row more than asked tells whether there is a next page, so the last page has no cursor.
        CaseCursor cursor = decodeCursor(after);
        CaseScope scope = scope();
        List<Case> rows = service.list(scope, filter, cursor, size + 1);
        List<Case> page = rows.size() > size ? rows.subList(0, size) : rows;
        String next = rows.size() > size
                ? PageCursor.encode(
                        page.get(page.size() - 1).openedAt(),
                        page.get(page.size() - 1).id())
                : null;
        Function<Case, Disclosure> disclosure = disclosure(scope);
        return new CasePage(
                page.stream().map(c -> CaseView.of(c, disclosure.apply(c))).toList(), next);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.AGENT, Roles.MANAGER, Roles.ANALYST})
    @Operation(
            summary = "Read a case by id",
            description = "An id that is not a UUID cannot name a case and is answered with 404 as well, as is a case"
                    + " the caller may not see (so its existence does not leak). "
                    + SCOPE
                    + PII)
    @APIResponse(
            responseCode = "200",
            description = "The case",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "case", value = Examples.CASE_VIEW)))
    @APIResponse(
            responseCode = "404",
            description = "No case has this id, or none the caller may see",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "not found", value = Examples.NOT_FOUND)))
    public CaseView get(@Parameter(example = "0b7e3c52-8d0f-4a55-a1f6-3c2b9e7d4a10") @PathParam("id") String id) {
        UUID uuid = NotFound.uuid("case", id);
        CaseScope scope = scope();
        Case found = service.get(scope, uuid);
        return CaseView.of(found, disclosure(scope).apply(found));
    }

    /** Every case for managers, admins and analysts; a case agent's own teams' cases otherwise. */
    private CaseScope scope() {
        return caller.holdsAny(Roles.ADMIN, Roles.MANAGER, Roles.ANALYST)
                ? CaseScope.ALL
                : teams.scopeOf(caller.username());
    }

    /**
     * Customer data in clear for voc-pii and case managers, and for a case agent on their own teams' cases (they
     * call the customer back); pseudonymised for everyone else, voc-admin included.
     */
    private Function<Case, Disclosure> disclosure(CaseScope scope) {
        if (privacy.callerHoldsPii() || caller.holdsAny(Roles.MANAGER)) {
            return c -> Disclosure.CLEAR;
        }
        if (!caller.holdsAny(Roles.AGENT)) {
            Disclosure hidden = privacy.pseudonymised();
            return c -> hidden;
        }
        // An agent who is also an analyst sees every case, but only their own teams' customers.
        CaseScope own = scope.isAll() ? teams.scopeOf(caller.username()) : scope;
        Disclosure hidden = privacy.pseudonymised();
        return c -> own.covers(c.team()) ? Disclosure.CLEAR : hidden;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static CaseStatus parseStatus(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return CaseStatus.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw Invalid.field("status", "must be one of " + List.of(CaseStatus.values()));
        }
    }

    private static Boolean parseBoolean(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw Invalid.field(field, "must be true or false");
        };
    }

    private static CaseCursor decodeCursor(String after) {
        PageCursor.Position position = PageCursor.decode(after);
        return position == null ? null : new CaseCursor(position.at(), position.id());
    }
}
