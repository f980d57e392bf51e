package org.voc.cases.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
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
import org.voc.cases.causes.domain.CaseCauses;
import org.voc.cases.domain.Case;
import org.voc.cases.domain.CaseScope;
import org.voc.cases.domain.CaseService;
import org.voc.cases.domain.CaseWork;
import org.voc.kit.problem.Invalid;
import org.voc.kit.problem.NotFound;
import org.voc.kit.problem.Problem;
import org.voc.kit.problem.Revisions;
import org.voc.kit.security.Roles;

/**
 * One case over HTTP: reading it with its ETag and history, and working it (docs/cases.md, "Working a case"). Every
 * change takes If-Match with the case's ETag (its version) and answers the changed case with the new one; the rules
 * of the work are in {@link CaseWork}. A case agent works their own teams' cases only; managers and admins every
 * case; analysts read.
 */
@Path("/api/cases/{id}")
@Tag(name = "Cases")
// Every operation here answers 404 the same way: for an id no case has and for a case out of the caller's scope.
@APIResponse(
        responseCode = "404",
        description = "No case has this id, or none the caller may see",
        content =
                @Content(
                        mediaType = Problem.MEDIA_TYPE,
                        examples = @ExampleObject(name = "not found", value = Examples.NOT_FOUND)))
@Produces(MediaType.APPLICATION_JSON)
// JSON only: a one-field body record (assign, reopen) would otherwise be built from a text/plain body.
@Consumes(MediaType.APPLICATION_JSON)
public class CaseWorkResource {

    private static final String SCOPE = "A case-agent sees and works only the cases of the teams that name them as a"
            + " member; a case-manager or voc-admin works every case, a cx-analyst reads every case. A case out of"
            + " the caller's scope is a 404. ";
    private static final String PII = "customerRef, comment, resolutionNote and the notes of the history are"
            + " pseudonymised and masked unless the caller holds voc-pii or case-manager, or is a case-agent of the"
            + " case's team.";
    private static final String CHANGE = "Send If-Match with the case's ETag: 428 without it, 412 when the case changed"
            + " since (read it again). Answers the changed case and its new ETag. An action the case's status does not"
            + " allow is a 409 problem naming the status and the action (docs/cases.md has the transition table). ";

    private final CaseService cases;
    private final CaseWork work;
    private final CaseCauses causes;
    private final CallerScope caller;

    public CaseWorkResource(CaseService cases, CaseWork work, CaseCauses causes, CallerScope caller) {
        this.cases = cases;
        this.work = work;
        this.causes = causes;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.AGENT, Roles.MANAGER, Roles.ANALYST})
    @Operation(
            summary = "Read a case by id",
            description = "The ETag header carries the case's version, to send as If-Match with a change. An id that"
                    + " is not a UUID cannot name a case and is answered with 404 as well. " + SCOPE + PII)
    @APIResponse(
            responseCode = "200",
            description = "The case; its ETag in the ETag header",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CaseView.class),
                            examples = @ExampleObject(name = "case", value = Examples.CASE_VIEW)))
    public Response get(@Parameter(example = Examples.ID) @PathParam("id") String id) {
        CaseScope scope = caller.scope();
        return view(cases.get(scope, NotFound.uuid("case", id)), scope);
    }

    @GET
    @Path("/history")
    @RolesAllowed({Roles.ADMIN, Roles.AGENT, Roles.MANAGER, Roles.ANALYST})
    @Operation(
            summary = "Read a case's history",
            description = "Every change of the case, oldest first (at most 1,000): who, when, the action, the status"
                    + " it moved between and its details. " + SCOPE + PII)
    @APIResponse(
            responseCode = "200",
            description = "The history",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CaseHistoryView.class),
                            examples = @ExampleObject(name = "history", value = Examples.HISTORY)))
    public CaseHistoryView history(@Parameter(example = Examples.ID) @PathParam("id") String id) {
        CaseScope scope = caller.scope();
        UUID uuid = NotFound.uuid("case", id);
        Case found = cases.get(scope, uuid);
        return CaseHistoryView.of(
                cases.history(scope, uuid, 1000), caller.disclosure(scope).apply(found));
    }

    @POST
    @Path("/assign")
    @RolesAllowed({Roles.ADMIN, Roles.AGENT, Roles.MANAGER})
    @Operation(
            summary = "Assign a case to a member of its team",
            description = "By hand; also a reassignment. The assignee must be a member of the case's team (409"
                    + " not-a-member otherwise; a case without a team yet cannot be assigned: 409 not-routed). An"
                    + " OPEN case becomes ASSIGNED; a case in contact or waiting keeps its status. " + CHANGE + SCOPE)
    @RequestBody(content = @Content(examples = @ExampleObject(name = "assign", value = Examples.ASSIGN)))
    @APIResponse(
            responseCode = "200",
            description = "Assigned",
            content = @Content(examples = @ExampleObject(name = "assigned", value = Examples.CASE_VIEW)))
    @APIResponse(
            responseCode = "400",
            description = "The body is invalid; errors[].field names the field",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(
            responseCode = "409",
            description = "Illegal transition, or not a member of the case's team",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "not a member", value = Examples.NOT_A_MEMBER)))
    public Response assign(
            @Parameter(example = Examples.ID) @PathParam("id") String id,
            @Parameter(description = "The case's ETag", example = "\"0\"") @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch,
            @Valid @NotNull CaseWorkRequests.Assign body) {
        return act(
                id,
                ifMatch,
                (scope, uuid, version) -> work.assign(scope, uuid, version, caller.actor(), body.assignee()));
    }

    @POST
    @Path("/claim")
    @RolesAllowed({Roles.ADMIN, Roles.AGENT, Roles.MANAGER})
    @Operation(
            summary = "Claim a case",
            description = "The caller takes the case; they must be a member of its team (409 not-a-member). Of two"
                    + " agents claiming with the same ETag, one wins and the other gets 412. " + CHANGE + SCOPE)
    @APIResponse(
            responseCode = "200",
            description = "Claimed",
            content = @Content(examples = @ExampleObject(name = "claimed", value = Examples.CASE_VIEW)))
    @APIResponse(
            responseCode = "409",
            description = "Illegal transition, or not a member of the case's team",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "illegal transition", value = Examples.ILLEGAL)))
    public Response claim(
            @Parameter(example = Examples.ID) @PathParam("id") String id,
            @Parameter(description = "The case's ETag", example = "\"0\"") @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch) {
        return act(id, ifMatch, (scope, uuid, version) -> work.claim(scope, uuid, version, caller.actor()));
    }

    @POST
    @Path("/round-robin")
    @RolesAllowed({Roles.ADMIN, Roles.AGENT, Roles.MANAGER})
    @Operation(
            summary = "Assign a case to the next member of its team in turn",
            description = "Members take turns in the order the registry lists them, across every case of the team"
                    + " and every replica (409 no-members for a team without members). " + CHANGE + SCOPE)
    @APIResponse(
            responseCode = "200",
            description = "Assigned",
            content = @Content(examples = @ExampleObject(name = "assigned", value = Examples.CASE_VIEW)))
    @APIResponse(
            responseCode = "409",
            description = "Illegal transition, or the team has no members",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "illegal transition", value = Examples.ILLEGAL)))
    public Response roundRobin(
            @Parameter(example = Examples.ID) @PathParam("id") String id,
            @Parameter(description = "The case's ETag", example = "\"0\"") @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch) {
        return act(id, ifMatch, (scope, uuid, version) -> work.roundRobin(scope, uuid, version, caller.actor()));
    }

    @POST
    @Path("/contact")
    @RolesAllowed({Roles.ADMIN, Roles.AGENT, Roles.MANAGER})
    @Operation(
            summary = "Record a contact with the customer",
            description = "ASSIGNED → IN_CONTACT. The first contact stops the first-contact clock (firstContactAt,"
                    + " firstContactBusinessSeconds). " + CHANGE + SCOPE)
    @RequestBody(content = @Content(examples = @ExampleObject(name = "contact", value = Examples.CONTACT)))
    @APIResponse(
            responseCode = "200",
            description = "Recorded",
            content = @Content(examples = @ExampleObject(name = "in contact", value = Examples.CASE_VIEW)))
    @APIResponse(
            responseCode = "400",
            description = "The body is invalid; errors[].field names the field",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(
            responseCode = "409",
            description = "Illegal transition",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "illegal", value = Examples.ILLEGAL)))
    public Response contact(
            @Parameter(example = Examples.ID) @PathParam("id") String id,
            @Parameter(description = "The case's ETag", example = "\"1\"") @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch,
            @Valid @NotNull CaseWorkRequests.Contact body) {
        CaseWork.Contact contact =
                new CaseWork.Contact(body.channel().name(), body.outcome().name(), body.note());
        return act(id, ifMatch, (scope, uuid, version) -> work.contact(scope, uuid, version, caller.actor(), contact));
    }

    @POST
    @Path("/wait")
    @RolesAllowed({Roles.ADMIN, Roles.AGENT, Roles.MANAGER})
    @Operation(
            summary = "Wait on the customer",
            description = "IN_CONTACT → WAITING_ON_CUSTOMER: the SLA clock stops and the resolution due time is null"
                    + " until the case resumes. " + CHANGE + SCOPE)
    @APIResponse(
            responseCode = "200",
            description = "Waiting",
            content = @Content(examples = @ExampleObject(name = "waiting", value = Examples.CASE_VIEW)))
    @APIResponse(
            responseCode = "409",
            description = "Illegal transition",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "illegal", value = Examples.ILLEGAL)))
    public Response waitOnCustomer(
            @Parameter(example = Examples.ID) @PathParam("id") String id,
            @Parameter(description = "The case's ETag", example = "\"2\"") @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch) {
        return act(id, ifMatch, (scope, uuid, version) -> work.waitOnCustomer(scope, uuid, version, caller.actor()));
    }

    @POST
    @Path("/resume")
    @RolesAllowed({Roles.ADMIN, Roles.AGENT, Roles.MANAGER})
    @Operation(
            summary = "Resume a case that waited on the customer",
            description = "WAITING_ON_CUSTOMER → IN_CONTACT: the resolution due time moves by the business time the"
                    + " wait lasted. " + CHANGE + SCOPE)
    @APIResponse(
            responseCode = "200",
            description = "Resumed",
            content = @Content(examples = @ExampleObject(name = "resumed", value = Examples.CASE_VIEW)))
    @APIResponse(
            responseCode = "409",
            description = "Illegal transition",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "illegal", value = Examples.ILLEGAL)))
    public Response resume(
            @Parameter(example = Examples.ID) @PathParam("id") String id,
            @Parameter(description = "The case's ETag", example = "\"3\"") @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch) {
        return act(id, ifMatch, (scope, uuid, version) -> work.resume(scope, uuid, version, caller.actor()));
    }

    @POST
    @Path("/resolve")
    @RolesAllowed({Roles.ADMIN, Roles.AGENT, Roles.MANAGER})
    @Operation(
            summary = "Resolve a case",
            description = "IN_CONTACT → RESOLVED, with a code, a note, an optional goodwill gesture (an amount"
                    + " requires its currency) and optional root causes (active ones, at most 10: an unknown id is a"
                    + " 400, a retired cause a 409 root-cause-retired). The resolution clock stops (resolvedAt,"
                    + " resolutionBusinessSeconds); the causes are in the case's rootCauses, the RESOLVE history entry"
                    + " and the event's rootCauseCodes. " + CHANGE + SCOPE)
    @RequestBody(content = @Content(examples = @ExampleObject(name = "resolve", value = Examples.RESOLVE)))
    @APIResponse(
            responseCode = "200",
            description = "Resolved",
            content = @Content(examples = @ExampleObject(name = "resolved", value = Examples.CASE_VIEW)))
    @APIResponse(
            responseCode = "400",
            description = "The body is invalid; errors[].field names the field",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "amount", value = Examples.BAD_AMOUNT)))
    @APIResponse(
            responseCode = "409",
            description = "Illegal transition, or a root cause that is retired",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = {
                                @ExampleObject(name = "illegal", value = Examples.ILLEGAL),
                                @ExampleObject(name = "retired cause", value = Examples.RETIRED_CAUSE)
                            }))
    public Response resolve(
            @Parameter(example = Examples.ID) @PathParam("id") String id,
            @Parameter(description = "The case's ETag", example = "\"2\"") @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch,
            @Valid @NotNull CaseWorkRequests.Resolve body) {
        CaseWorkRequests.Gesture g = body.gesture();
        if (g != null && g.amount() != null && g.currency() == null) {
            throw Invalid.field("gesture.currency", "is required with an amount");
        }
        CaseWork.Resolution resolution = new CaseWork.Resolution(
                body.code(),
                body.note(),
                g == null ? null : new Case.Gesture(g.type(), g.amount(), g.currency()),
                body.rootCauses());
        return act(
                id, ifMatch, (scope, uuid, version) -> work.resolve(scope, uuid, version, caller.actor(), resolution));
    }

    @POST
    @Path("/close")
    @RolesAllowed({Roles.ADMIN, Roles.AGENT, Roles.MANAGER})
    @Operation(
            summary = "Close a resolved case",
            description = "RESOLVED → CLOSED. When the desk requires root causes (voc.cases.root-cause-required), a"
                    + " case without one is a 409 root-cause-required. " + CHANGE + SCOPE)
    @APIResponse(
            responseCode = "200",
            description = "Closed",
            content = @Content(examples = @ExampleObject(name = "closed", value = Examples.CASE_VIEW)))
    @APIResponse(
            responseCode = "409",
            description = "Illegal transition, or no root cause while one is required",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = {
                                @ExampleObject(name = "illegal", value = Examples.ILLEGAL),
                                @ExampleObject(name = "root cause required", value = Examples.CAUSE_REQUIRED)
                            }))
    public Response close(
            @Parameter(example = Examples.ID) @PathParam("id") String id,
            @Parameter(description = "The case's ETag", example = "\"3\"") @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch) {
        return act(id, ifMatch, (scope, uuid, version) -> work.close(scope, uuid, version, caller.actor()));
    }

    @POST
    @Path("/reopen")
    @RolesAllowed({Roles.ADMIN, Roles.AGENT, Roles.MANAGER})
    @Operation(
            summary = "Reopen a resolved or closed case",
            description = "RESOLVED or CLOSED → ASSIGNED, back to its assignee, with its whole resolution target"
                    + " again from now; the previous resolution moves to the history. " + CHANGE + SCOPE)
    @RequestBody(content = @Content(examples = @ExampleObject(name = "reopen", value = Examples.REOPEN)))
    @APIResponse(
            responseCode = "200",
            description = "Reopened",
            content = @Content(examples = @ExampleObject(name = "reopened", value = Examples.CASE_VIEW)))
    @APIResponse(
            responseCode = "400",
            description = "The body is invalid; errors[].field names the field",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(
            responseCode = "409",
            description = "Illegal transition",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "illegal", value = Examples.ILLEGAL)))
    public Response reopen(
            @Parameter(example = Examples.ID) @PathParam("id") String id,
            @Parameter(description = "The case's ETag", example = "\"4\"") @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch,
            @Valid @NotNull CaseWorkRequests.Reopen body) {
        return act(
                id,
                ifMatch,
                (scope, uuid, version) -> work.reopen(scope, uuid, version, caller.actor(), body.reason()));
    }

    @PUT
    @Path("/root-causes")
    @RolesAllowed({Roles.ADMIN, Roles.AGENT, Roles.MANAGER})
    @Operation(
            summary = "Set a resolved or closed case's root causes",
            description = "Replaces the case's root causes (active ones, at most 10; an empty list removes them) when"
                    + " they are found out after resolving; the status stays and a ROOT_CAUSES history entry names"
                    + " the causes and those they replace. Only a RESOLVED or CLOSED case (409 otherwise); emptying a"
                    + " closed case's causes while the desk requires them is a 409 root-cause-required. "
                    + CHANGE + SCOPE)
    @RequestBody(content = @Content(examples = @ExampleObject(name = "root causes", value = Examples.ROOT_CAUSES)))
    @APIResponse(
            responseCode = "200",
            description = "Set",
            content = @Content(examples = @ExampleObject(name = "set", value = Examples.CASE_VIEW)))
    @APIResponse(
            responseCode = "400",
            description = "The body is invalid (more than 10, or an id that is no root cause's); errors[].field names"
                    + " it",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(
            responseCode = "409",
            description = "Not resolved or closed, a retired root cause, or none while one is required",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = {
                                @ExampleObject(name = "illegal", value = Examples.ILLEGAL),
                                @ExampleObject(name = "retired cause", value = Examples.RETIRED_CAUSE)
                            }))
    public Response rootCauses(
            @Parameter(example = Examples.ID) @PathParam("id") String id,
            @Parameter(description = "The case's ETag", example = "\"4\"") @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch,
            @Valid @NotNull CaseWorkRequests.RootCauses body) {
        return act(
                id,
                ifMatch,
                (scope, uuid, version) -> work.setRootCauses(scope, uuid, version, caller.actor(), body.rootCauses()));
    }

    @FunctionalInterface
    private interface Action {
        Case apply(CaseScope scope, UUID id, long version);
    }

    /** The id and the If-Match checked (404 for an id that is no UUID, 428 without If-Match) before acting. */
    private Response act(String id, String ifMatch, Action action) {
        UUID uuid = NotFound.uuid("case", id);
        long version = Revisions.expected(ifMatch);
        CaseScope scope = caller.scope();
        return view(action.apply(scope, uuid, version), scope);
    }

    private Response view(Case c, CaseScope scope) {
        Function<Case, org.voc.kit.privacy.Disclosure> disclosure = caller.disclosure(scope);
        return Response.ok(CaseView.of(c, disclosure.apply(c), causes.of(c.id())))
                .tag(Revisions.etag(c.work().version()))
                .build();
    }
}
