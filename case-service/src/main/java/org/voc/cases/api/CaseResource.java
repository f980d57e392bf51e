package org.voc.cases.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.voc.cases.causes.domain.CaseCauses;
import org.voc.cases.causes.domain.CauseRef;
import org.voc.cases.domain.Case;
import org.voc.cases.domain.CaseCursor;
import org.voc.cases.domain.CaseFilter;
import org.voc.cases.domain.CaseQueue;
import org.voc.cases.domain.CaseScope;
import org.voc.cases.domain.CaseService;
import org.voc.cases.domain.CaseStatus;
import org.voc.kit.paging.PageCursor;
import org.voc.kit.paging.PageLimit;
import org.voc.kit.privacy.Disclosure;
import org.voc.kit.problem.Invalid;
import org.voc.kit.problem.Problem;
import org.voc.kit.security.Roles;

/**
 * The case listing and its work queues over HTTP (cases are opened by responses that match the case rules; one case
 * is read and worked through {@link CaseWorkResource}). Who sees which case, and which customer data in clear, is
 * decided by {@link CallerScope} (docs/security.md): a case agent sees only their teams' cases, and the customer of
 * those in clear.
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
    private final CaseCauses causes;
    private final CallerScope caller;

    public CaseResource(CaseService service, CaseCauses causes, CallerScope caller) {
        this.service = service;
        this.causes = causes;
        this.caller = caller;
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
            @Parameter(
                            description = "OPEN, ASSIGNED, IN_CONTACT, WAITING_ON_CUSTOMER, RESOLVED or CLOSED; several"
                                    + " (repeated, or separated by commas) keep the cases in any of them, e.g. the"
                                    + " unfinished ones: OPEN,ASSIGNED,IN_CONTACT,WAITING_ON_CUSTOMER",
                            example = "OPEN")
                    @QueryParam("status")
                    List<String> status,
            @Parameter(description = "Touchpoint key of the cases", example = "card-delivery") @QueryParam("touchpoint")
                    String touchpoint,
            @Parameter(description = "true: only cases without a team yet; false: only routed cases", example = "true")
                    @QueryParam("unassigned")
                    String unassigned,
            @Parameter(
                            description = "A work queue: mine (the cases the caller holds), team (the cases of the"
                                    + " teams that name the caller as a member), unassigned (OPEN cases"
                                    + " nobody holds, within what the caller may see); combines with the"
                                    + " other filters",
                            example = "unassigned")
                    @QueryParam("queue")
                    String queue,
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
        CaseScope scope = caller.scope();
        CaseQueue work = parseQueue(queue);
        List<Case> rows = work == null
                ? service.list(scope, filter, cursor, size + 1)
                : service.queue(work, caller.username(), scope, filter, cursor, size + 1);
        List<Case> page = rows.size() > size ? rows.subList(0, size) : rows;
        String next = rows.size() > size
                ? PageCursor.encode(
                        page.get(page.size() - 1).openedAt(),
                        page.get(page.size() - 1).id())
                : null;
        Function<Case, Disclosure> disclosure = caller.disclosure(scope);
        Map<UUID, List<CauseRef>> rootCauses =
                causes.of(page.stream().map(Case::id).toList());
        return new CasePage(
                page.stream()
                        .map(c -> CaseView.of(c, disclosure.apply(c), rootCauses.getOrDefault(c.id(), List.of())))
                        .toList(),
                next);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static Set<CaseStatus> parseStatus(List<String> values) {
        Set<CaseStatus> statuses = EnumSet.noneOf(CaseStatus.class);
        for (String value : values == null ? List.<String>of() : values) {
            for (String name : value.split(",")) {
                if (name.isBlank()) {
                    continue;
                }
                try {
                    statuses.add(CaseStatus.valueOf(name.strip()));
                } catch (IllegalArgumentException e) {
                    throw Invalid.field("status", "must be one of " + List.of(CaseStatus.values()));
                }
            }
        }
        return statuses;
    }

    private static CaseQueue parseQueue(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value) {
            case "mine" -> CaseQueue.MINE;
            case "team" -> CaseQueue.TEAM;
            case "unassigned" -> CaseQueue.UNASSIGNED;
            default -> throw Invalid.field("queue", "must be one of mine, team, unassigned");
        };
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
