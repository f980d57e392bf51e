package org.voc.survey.privacy.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.voc.kit.problem.NotFound;
import org.voc.kit.problem.Problem;
import org.voc.kit.security.Roles;
import org.voc.survey.api.Caller;
import org.voc.survey.privacy.domain.ErasureService;

/** Erasure of a customer's data across the suite (GDPR art. 17); docs/security.md, "Privacy". */
@Path("/api/erasures")
@Tag(name = "Privacy")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ErasureResource {

    private final ErasureService service;
    private final JsonWebToken token;

    public ErasureResource(ErasureService service, JsonWebToken token) {
        this.service = service;
        this.token = token;
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.PRIVACY})
    @Operation(
            summary = "Erase a customer's data",
            description = "survey-service deletes the customer's decisions and invitations and keeps an opt-out only"
                    + " as a keyed hash, at once; response-service and case-service anonymise responses and cases"
                    + " when they receive the request on voc.erasures, and report back. Follow the erasure with"
                    + " GET /api/erasures/{id} until it is COMPLETED (seconds). Idempotent: while an erasure of the"
                    + " customer is pending, the request joins it (200); afterwards a new erasure starts (202).")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "customer", value = Examples.ERASURE_REQUEST)))
    @APIResponse(
            responseCode = "202",
            description = "Started; Location names the erasure",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "pending", value = Examples.ERASURE_PENDING)))
    @APIResponse(
            responseCode = "200",
            description = "An erasure of this customer was pending: this is it, and its services were asked again",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "pending", value = Examples.ERASURE_PENDING)))
    @APIResponse(
            responseCode = "400",
            description = "customerRef is missing, blank or longer than 200 characters",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response erase(ErasureRequest request) {
        ErasureService.Requested requested =
                service.request(request == null ? null : request.customerRef(), Caller.of(token));
        ErasureView view = ErasureView.of(requested.erasure());
        return requested.created()
                ? Response.accepted(view)
                        .location(URI.create("/api/erasures/" + view.id()))
                        .build()
                : Response.ok(view).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.PRIVACY})
    @Operation(
            summary = "Follow an erasure",
            description = "Each service's status, the rows it erased or anonymised by kind, and when. The erasure"
                    + " names no customer.")
    @APIResponse(
            responseCode = "200",
            description = "The erasure",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "completed", value = Examples.ERASURE_COMPLETED)))
    @APIResponse(
            responseCode = "404",
            description = "No such erasure",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public ErasureView get(@PathParam("id") String id) {
        return ErasureView.of(service.get(NotFound.uuid("erasure", id)));
    }
}
