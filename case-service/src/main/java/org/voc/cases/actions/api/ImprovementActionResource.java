package org.voc.cases.actions.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.voc.cases.actions.domain.ActionFilter;
import org.voc.cases.actions.domain.ActionOrder;
import org.voc.cases.actions.domain.ActionStatus;
import org.voc.cases.actions.domain.ImprovementAction;
import org.voc.cases.actions.domain.ImprovementActions;
import org.voc.cases.api.CallerScope;
import org.voc.cases.api.CaseView;
import org.voc.cases.causes.domain.CaseCauses;
import org.voc.cases.causes.domain.CauseRef;
import org.voc.cases.domain.Case;
import org.voc.cases.domain.CaseScope;
import org.voc.kit.paging.PageCursor;
import org.voc.kit.paging.PageLimit;
import org.voc.kit.privacy.Disclosure;
import org.voc.kit.problem.Invalid;
import org.voc.kit.problem.NotFound;
import org.voc.kit.problem.Problem;
import org.voc.kit.problem.Revisions;
import org.voc.kit.security.Roles;

/**
 * Improvement actions over HTTP (docs/cases.md, "Improvement actions"): what the company does about a root cause, up
 * to the verdict on its effect. Analysts, case managers and admins write; case agents read, and propose actions from
 * a case ({@link CaseProposalResource}). Every change takes If-Match; the rules are in {@link ImprovementActions}.
 */
@Path("/api/improvement-actions")
@Tag(name = "Improvement actions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ImprovementActionResource {

    private static final String CHANGE = "Send If-Match with the action's ETag: 428 without it, 412 when the action"
            + " changed since (read it again). Answers the changed action and its new ETag. A step the action's status"
            + " does not allow is a 409 problem naming the status and the action (docs/cases.md has the table). ";
    private static final String ETAG = "The action's ETag";
    private static final String NOT_FOUND = "No improvement action has this id";

    private final ImprovementActions actions;
    private final CallerScope caller;
    private final CaseCauses causes;

    public ImprovementActionResource(ImprovementActions actions, CallerScope caller, CaseCauses causes) {
        this.actions = actions;
        this.causes = causes;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.ANALYST, Roles.MANAGER})
    @Operation(
            summary = "Create an improvement action",
            description = "PROPOSED. impactWindowDays and minSample default to the service's settings (28, 30);"
                    + " expectedEffect to NPS without a target. Root cause ids are not checked against the taxonomy"
                    + " yet.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "action", value = ActionExamples.WRITE)))
    @APIResponse(
            responseCode = "201",
            description = "Created; its ETag in the ETag header",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ActionView.class),
                            examples = @ExampleObject(name = "created", value = ActionExamples.VIEW)))
    @APIResponse(
            responseCode = "400",
            description = "The body is invalid; errors[].field names the field",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "question", value = ActionExamples.BAD)))
    public Response create(@Valid @NotNull ActionRequests.Write body) {
        ImprovementAction created = actions.create(caller.actor(), body.content());
        return Response.status(Response.Status.CREATED)
                .entity(ActionView.of(created))
                .tag(Revisions.etag(created.version()))
                .header(HttpHeaders.LOCATION, "/api/improvement-actions/" + created.id())
                .build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.ANALYST, Roles.MANAGER, Roles.AGENT})
    @Operation(
            summary = "List improvement actions",
            description = "Newest first (createdAt, then id), or with sort=priority by suggestedPriority (highest"
                    + " first, then id); keyset-paginated: pass a page's nextCursor as `after`, with the same sort."
                    + " Filters combine with AND.")
    @APIResponse(
            responseCode = "200",
            description = "One page",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ActionPage.class),
                            examples = @ExampleObject(name = "page", value = ActionExamples.PAGE)))
    @APIResponse(
            responseCode = "400",
            description = "A filter, the sort, the cursor or the limit is invalid; errors[].field names it",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public ActionPage list(
            @Parameter(description = "One of PROPOSED, APPROVED, IN_PROGRESS, DONE, VERIFIED, REJECTED")
                    @QueryParam("status")
                    String status,
            @Parameter(description = "Owner team", example = "cards-ops") @QueryParam("team") String team,
            @Parameter(description = "A touchpoint key among the action's", example = "card-delivery")
                    @QueryParam("touchpoint")
                    String touchpoint,
            @Parameter(description = "A root cause id among the action's") @QueryParam("rootCause") String rootCause,
            @Parameter(description = "newest (default) or priority", example = "priority") @QueryParam("sort")
                    String sort,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("after") String after,
            @Parameter(description = "Page size, 1 to 500 (default 50)", example = "50") @QueryParam("limit")
                    String limit) {
        ActionFilter filter = new ActionFilter(
                parseStatus(status), blankToNull(team), blankToNull(touchpoint), parseUuid(rootCause, "rootCause"));
        ActionOrder.Sort order = parseSort(sort);
        int size = PageLimit.parse(limit);
        // One row more than asked tells whether there is a next page, so the last page has no cursor.
        List<ImprovementAction> rows = actions.list(filter, new ActionOrder(order, decode(order, after)), size + 1);
        List<ImprovementAction> page = rows.size() > size ? rows.subList(0, size) : rows;
        String next = rows.size() > size ? encode(order, page.get(page.size() - 1)) : null;
        return new ActionPage(page.stream().map(ActionView::of).toList(), next);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.ANALYST, Roles.MANAGER, Roles.AGENT})
    @Operation(
            summary = "Read an improvement action",
            description = "With its linked case count, suggested priority and the verdict on its effect. The ETag"
                    + " header carries its version, to send as If-Match with a change.")
    @APIResponse(
            responseCode = "200",
            description = "The action",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ActionView.class),
                            examples = @ExampleObject(name = "action", value = ActionExamples.VIEW)))
    @APIResponse(responseCode = "404", description = NOT_FOUND, content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response get(@Parameter(example = ActionExamples.ID) @PathParam("id") String id) {
        ImprovementAction action = actions.get(NotFound.uuid("improvement action", id));
        return Response.ok(ActionView.of(action, actions.recurrence(action)))
                .tag(Revisions.etag(action.version()))
                .build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.ANALYST, Roles.MANAGER})
    @Operation(
            summary = "Update an improvement action",
            description = "Replaces every field; the status stays. Only while PROPOSED, APPROVED or IN_PROGRESS: what"
                    + " DONE published is what is measured. " + CHANGE)
    @RequestBody(content = @Content(examples = @ExampleObject(name = "action", value = ActionExamples.WRITE)))
    @APIResponse(
            responseCode = "200",
            description = "Updated",
            content = @Content(examples = @ExampleObject(name = "updated", value = ActionExamples.VIEW)))
    @APIResponse(
            responseCode = "400",
            description = "The body is invalid; errors[].field names the field",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = NOT_FOUND, content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(
            responseCode = "409",
            description = "The action is DONE, VERIFIED or REJECTED",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response update(
            @Parameter(example = ActionExamples.ID) @PathParam("id") String id,
            @Parameter(description = ETAG, example = "\"0\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull ActionRequests.Write body) {
        return act(id, ifMatch, (uuid, version) -> actions.update(uuid, version, caller.actor(), body.content()));
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({Roles.ADMIN, Roles.ANALYST, Roles.MANAGER, Roles.AGENT})
    @Operation(
            summary = "Read an improvement action's history",
            description = "Every change, oldest first (at most 1,000): who, when, the step, the statuses it moved"
                    + " between and its details (doneAt, an override's reason, linked cases, a verdict).")
    @APIResponse(
            responseCode = "200",
            description = "The history",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ActionHistoryView.class),
                            examples = @ExampleObject(name = "history", value = ActionExamples.HISTORY)))
    @APIResponse(responseCode = "404", description = NOT_FOUND, content = @Content(mediaType = Problem.MEDIA_TYPE))
    public ActionHistoryView history(@Parameter(example = ActionExamples.ID) @PathParam("id") String id) {
        return ActionHistoryView.of(actions.history(NotFound.uuid("improvement action", id), 1000));
    }

    @POST
    @Path("/{id}/approve")
    @RolesAllowed({Roles.ADMIN, Roles.ANALYST, Roles.MANAGER})
    @Operation(summary = "Approve an improvement action", description = "PROPOSED → APPROVED. " + CHANGE)
    @APIResponse(
            responseCode = "200",
            description = "Approved",
            content = @Content(examples = @ExampleObject(name = "approved", value = ActionExamples.VIEW)))
    @APIResponse(responseCode = "404", description = NOT_FOUND, content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(
            responseCode = "409",
            description = "Illegal transition",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "illegal", value = ActionExamples.ILLEGAL)))
    public Response approve(
            @Parameter(example = ActionExamples.ID) @PathParam("id") String id,
            @Parameter(description = ETAG, example = "\"0\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return act(id, ifMatch, (uuid, version) -> actions.approve(uuid, version, caller.actor()));
    }

    @POST
    @Path("/{id}/start")
    @RolesAllowed({Roles.ADMIN, Roles.ANALYST, Roles.MANAGER})
    @Operation(summary = "Start work on an improvement action", description = "APPROVED → IN_PROGRESS. " + CHANGE)
    @APIResponse(
            responseCode = "200",
            description = "In progress",
            content = @Content(examples = @ExampleObject(name = "started", value = ActionExamples.VIEW)))
    @APIResponse(responseCode = "404", description = NOT_FOUND, content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(
            responseCode = "409",
            description = "Illegal transition",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "illegal", value = ActionExamples.ILLEGAL)))
    public Response start(
            @Parameter(example = ActionExamples.ID) @PathParam("id") String id,
            @Parameter(description = ETAG, example = "\"1\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return act(id, ifMatch, (uuid, version) -> actions.start(uuid, version, caller.actor()));
    }

    @POST
    @Path("/{id}/done")
    @RolesAllowed({Roles.ADMIN, Roles.ANALYST, Roles.MANAGER})
    @Operation(
            summary = "Mark an improvement action DONE",
            description = "IN_PROGRESS → DONE, effective doneAt (when the fix went live; not in the future; omitted:"
                    + " now). Publishes voc.action.done.v1 on voc.actions in the same transaction: metrics-service"
                    + " compares the metric before and after doneAt and answers with its verdict. " + CHANGE)
    @RequestBody(content = @Content(examples = @ExampleObject(name = "done", value = ActionExamples.DONE)))
    @APIResponse(
            responseCode = "200",
            description = "Done",
            content = @Content(examples = @ExampleObject(name = "done", value = ActionExamples.VIEW)))
    @APIResponse(
            responseCode = "400",
            description = "doneAt is in the future",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = NOT_FOUND, content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(
            responseCode = "409",
            description = "Illegal transition",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "illegal", value = ActionExamples.ILLEGAL)))
    public Response done(
            @Parameter(example = ActionExamples.ID) @PathParam("id") String id,
            @Parameter(description = ETAG, example = "\"2\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid ActionRequests.Done body) {
        return act(
                id,
                ifMatch,
                (uuid, version) -> actions.done(uuid, version, caller.actor(), body == null ? null : body.doneAt()));
    }

    @POST
    @Path("/{id}/verify")
    @RolesAllowed({Roles.ADMIN, Roles.ANALYST, Roles.MANAGER})
    @Operation(
            summary = "Mark an improvement action VERIFIED",
            description = "DONE → VERIFIED, when the latest verdict for the current doneAt is IMPROVED. Otherwise 409"
                    + " verdict-not-improved (or verdict-pending when none has come), unless overrideReason says why"
                    + " it is verified all the same: the history keeps who overrode, why and the verdict. " + CHANGE)
    @RequestBody(content = @Content(examples = @ExampleObject(name = "override", value = ActionExamples.VERIFY)))
    @APIResponse(
            responseCode = "200",
            description = "Verified",
            content = @Content(examples = @ExampleObject(name = "verified", value = ActionExamples.VIEW)))
    @APIResponse(
            responseCode = "400",
            description = "The body is invalid; errors[].field names the field",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = NOT_FOUND, content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(
            responseCode = "409",
            description = "Illegal transition, or the verdict is not IMPROVED (or pending) and there is no override",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "not improved", value = ActionExamples.NOT_IMPROVED)))
    public Response verify(
            @Parameter(example = ActionExamples.ID) @PathParam("id") String id,
            @Parameter(description = ETAG, example = "\"4\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid ActionRequests.Verify body) {
        String reason = body == null ? null : body.overrideReason();
        if (reason != null && reason.isBlank()) {
            throw Invalid.field("overrideReason", "must say why the verdict is overridden");
        }
        ImprovementActions.Override override = reason == null ? null : new ImprovementActions.Override(reason);
        return act(id, ifMatch, (uuid, version) -> actions.verify(uuid, version, caller.actor(), override));
    }

    @POST
    @Path("/{id}/reject")
    @RolesAllowed({Roles.ADMIN, Roles.ANALYST, Roles.MANAGER})
    @Operation(summary = "Reject an improvement action", description = "PROPOSED or APPROVED → REJECTED. " + CHANGE)
    @RequestBody(content = @Content(examples = @ExampleObject(name = "reject", value = ActionExamples.REASON)))
    @APIResponse(
            responseCode = "200",
            description = "Rejected",
            content = @Content(examples = @ExampleObject(name = "rejected", value = ActionExamples.VIEW)))
    @APIResponse(
            responseCode = "400",
            description = "The body is invalid; errors[].field names the field",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = NOT_FOUND, content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(
            responseCode = "409",
            description = "Illegal transition",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "illegal", value = ActionExamples.ILLEGAL)))
    public Response reject(
            @Parameter(example = ActionExamples.ID) @PathParam("id") String id,
            @Parameter(description = ETAG, example = "\"0\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid ActionRequests.Reject body) {
        String reason = body == null ? null : body.reason();
        return act(id, ifMatch, (uuid, version) -> actions.reject(uuid, version, caller.actor(), reason));
    }

    @POST
    @Path("/{id}/reopen")
    @RolesAllowed({Roles.ADMIN, Roles.ANALYST, Roles.MANAGER})
    @Operation(
            summary = "Reopen a done improvement action",
            description = "DONE → IN_PROGRESS: the fix did not hold. doneAt and the verdict are cleared; the next DONE"
                    + " publishes a new doneAt, and verdicts about the old one are ignored. " + CHANGE)
    @RequestBody(content = @Content(examples = @ExampleObject(name = "reopen", value = ActionExamples.REASON)))
    @APIResponse(
            responseCode = "200",
            description = "Reopened",
            content = @Content(examples = @ExampleObject(name = "reopened", value = ActionExamples.VIEW)))
    @APIResponse(
            responseCode = "400",
            description = "The body is invalid; errors[].field names the field",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = NOT_FOUND, content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(
            responseCode = "409",
            description = "Illegal transition",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "illegal", value = ActionExamples.ILLEGAL)))
    public Response reopen(
            @Parameter(example = ActionExamples.ID) @PathParam("id") String id,
            @Parameter(description = ETAG, example = "\"3\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull ActionRequests.Reason body) {
        return act(id, ifMatch, (uuid, version) -> actions.reopen(uuid, version, caller.actor(), body.reason()));
    }

    @GET
    @Path("/{id}/cases")
    @RolesAllowed({Roles.ADMIN, Roles.ANALYST, Roles.MANAGER, Roles.AGENT})
    @Operation(
            summary = "List an improvement action's linked cases",
            description = "Most recently linked first, keyset-paginated (`after`, `limit`); only the cases the caller"
                    + " may see: a case-agent those of their own teams (linkedCases on the action counts all)."
                    + " customerRef and comment are masked as in the case listing.")
    @APIResponse(
            responseCode = "200",
            description = "One page",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = LinkedCasePage.class)))
    @APIResponse(
            responseCode = "400",
            description = "The cursor or the limit is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = NOT_FOUND, content = @Content(mediaType = Problem.MEDIA_TYPE))
    public LinkedCasePage cases(
            @Parameter(example = ActionExamples.ID) @PathParam("id") String id,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("after") String after,
            @Parameter(description = "Page size, 1 to 500 (default 50)", example = "50") @QueryParam("limit")
                    String limit) {
        UUID uuid = NotFound.uuid("improvement action", id);
        int size = PageLimit.parse(limit);
        PageCursor.Position position = PageCursor.decode(after);
        CaseScope scope = caller.scope();
        List<ImprovementActions.LinkedCase> rows = actions.cases(
                uuid,
                scope,
                position == null ? null : position.at(),
                position == null ? null : position.id(),
                size + 1);
        List<ImprovementActions.LinkedCase> page = rows.size() > size ? rows.subList(0, size) : rows;
        String next = rows.size() > size
                ? PageCursor.encode(
                        page.get(page.size() - 1).linkedAt(),
                        page.get(page.size() - 1).linked().id())
                : null;
        Function<Case, Disclosure> disclosure = caller.disclosure(scope);
        Map<UUID, List<CauseRef>> rootCauses =
                causes.of(page.stream().map(l -> l.linked().id()).toList());
        return new LinkedCasePage(
                page.stream()
                        .map(l -> new LinkedCasePage.Item(
                                l.linkedAt(),
                                CaseView.of(
                                        l.linked(),
                                        disclosure.apply(l.linked()),
                                        rootCauses.getOrDefault(l.linked().id(), List.of()))))
                        .toList(),
                next);
    }

    @POST
    @Path("/{id}/cases")
    @RolesAllowed({Roles.ADMIN, Roles.ANALYST, Roles.MANAGER})
    @Operation(
            summary = "Link cases to an improvement action",
            description = "In any status; a case may be linked to several actions, and linking it again changes"
                    + " nothing. An id no case has is a 400 naming caseIds. " + CHANGE)
    @RequestBody(content = @Content(examples = @ExampleObject(name = "link", value = ActionExamples.LINK)))
    @APIResponse(
            responseCode = "200",
            description = "Linked",
            content = @Content(examples = @ExampleObject(name = "linked", value = ActionExamples.VIEW)))
    @APIResponse(
            responseCode = "400",
            description = "The body is invalid, or names a case that does not exist",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = NOT_FOUND, content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response link(
            @Parameter(example = ActionExamples.ID) @PathParam("id") String id,
            @Parameter(description = ETAG, example = "\"0\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull ActionRequests.Link body) {
        return act(id, ifMatch, (uuid, version) -> actions.link(uuid, version, caller.actor(), body.caseIds()));
    }

    @DELETE
    @Path("/{id}/cases/{caseId}")
    @RolesAllowed({Roles.ADMIN, Roles.ANALYST, Roles.MANAGER})
    @Operation(
            summary = "Unlink a case from an improvement action",
            description = "404 when the case is not linked to the action. " + CHANGE)
    @APIResponse(
            responseCode = "200",
            description = "Unlinked",
            content = @Content(examples = @ExampleObject(name = "unlinked", value = ActionExamples.VIEW)))
    @APIResponse(
            responseCode = "404",
            description = "No such action, or the case is not linked to it",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response unlink(
            @Parameter(example = ActionExamples.ID) @PathParam("id") String id,
            @Parameter(example = ActionExamples.CASE_ID) @PathParam("caseId") String caseId,
            @Parameter(description = ETAG, example = "\"1\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        UUID linked = NotFound.uuid("linked case", caseId);
        return act(id, ifMatch, (uuid, version) -> actions.unlink(uuid, version, caller.actor(), linked));
    }

    @FunctionalInterface
    private interface Change {
        ImprovementAction apply(UUID id, long version);
    }

    /** The id and the If-Match checked (404 for an id that is no UUID, 428 without If-Match) before changing. */
    private Response act(String id, String ifMatch, Change change) {
        UUID uuid = NotFound.uuid("improvement action", id);
        long version = Revisions.expected(ifMatch);
        return view(change.apply(uuid, version));
    }

    static Response view(ImprovementAction a) {
        return Response.ok(ActionView.of(a)).tag(Revisions.etag(a.version())).build();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static ActionStatus parseStatus(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return ActionStatus.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw Invalid.field("status", "must be one of " + List.of(ActionStatus.values()));
        }
    }

    private static UUID parseUuid(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw Invalid.field(field, "must be a UUID");
        }
    }

    private static ActionOrder.Sort parseSort(String value) {
        if (value == null || value.isBlank() || value.equals("newest")) {
            return ActionOrder.Sort.NEWEST;
        }
        if (value.equals("priority")) {
            return ActionOrder.Sort.PRIORITY;
        }
        throw Invalid.field("sort", "must be newest or priority");
    }

    /** Newest: the kit's (time, id) cursor. Priority: base64url of "p|priority|id", so the two cannot be mixed. */
    private static String encode(ActionOrder.Sort sort, ImprovementAction last) {
        if (sort == ActionOrder.Sort.NEWEST) {
            return PageCursor.encode(last.createdAt(), last.id());
        }
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("p|" + last.suggestedPriority() + "|" + last.id()).getBytes(StandardCharsets.UTF_8));
    }

    private static ActionOrder.After decode(ActionOrder.Sort sort, String after) {
        if (sort == ActionOrder.Sort.NEWEST) {
            PageCursor.Position position = PageCursor.decode(after);
            return position == null ? null : new ActionOrder.After(position.at(), null, position.id());
        }
        if (after == null || after.isBlank()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(after), StandardCharsets.UTF_8).split("\\|");
            if (parts.length == 3 && parts[0].equals("p")) {
                return new ActionOrder.After(null, Long.parseLong(parts[1]), UUID.fromString(parts[2]));
            }
        } catch (RuntimeException e) {
            // answered below
        }
        throw Invalid.field("after", "must be the nextCursor of a previous page with the same sort");
    }
}
