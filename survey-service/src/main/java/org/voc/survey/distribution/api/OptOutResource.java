package org.voc.survey.distribution.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.voc.kit.privacy.Disclosure;
import org.voc.kit.privacy.Privacy;
import org.voc.kit.problem.Problem;
import org.voc.kit.security.Roles;
import org.voc.survey.distribution.domain.DistributionService;

/** The opt-out list over HTTP; CRM systems keep it in step with customers' preferences. */
@Path("/api/opt-outs/{customerRef}")
@Tag(name = "Contact governance")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OptOutResource {

    private final DistributionService service;
    private final Privacy privacy;

    public OptOutResource(DistributionService service, Privacy privacy) {
        this.service = service;
        this.privacy = privacy;
    }

    @PUT
    @RolesAllowed({Roles.ADMIN, Roles.INGEST})
    @Operation(
            summary = "Opt a customer out of surveys",
            description = "From the next interaction on, the customer is not invited (reason OPTED_OUT). Idempotent: "
                    + "opting out again keeps the first time and replaces the reason.")
    @RequestBody(
            required = false,
            content = @Content(examples = @ExampleObject(name = "with reason", value = Examples.OPT_OUT_REQUEST)))
    @APIResponse(
            responseCode = "200",
            description = "On the list",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "opted out", value = Examples.OPT_OUT)))
    @APIResponse(
            responseCode = "400",
            description = "The reason is longer than 500 characters",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public OptOutView optOut(
            @Parameter(example = "cust-42") @PathParam("customerRef") String customerRef, OptOutRequest request) {
        return OptOutView.of(service.optOut(customerRef, request == null ? null : request.reason()), Disclosure.CLEAR);
    }

    @DELETE
    @RolesAllowed({Roles.ADMIN, Roles.INGEST})
    @Operation(
            summary = "Remove a customer from the opt-out list",
            description = "The customer may be invited again "
                    + "from the next interaction. Idempotent: 204 also when the customer was not on the list.")
    @APIResponse(responseCode = "204", description = "Not on the list (any more)")
    @APIResponse(
            responseCode = "400",
            description = "customerRef is longer than 200 characters",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "too long", value = Examples.CUSTOMER_REF_TOO_LONG)))
    public Response optIn(@Parameter(example = "cust-42") @PathParam("customerRef") String customerRef) {
        service.optIn(customerRef);
        return Response.noContent().build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.INGEST, Roles.ANALYST})
    @Operation(
            summary = "Is a customer opted out?",
            description = "200 with the opt-out when the customer is on the list, 404 when not. For a caller without"
                    + " voc-pii or voc-ingest, customerRef is the customer's pseudonym (pn-…) and reason is masked"
                    + " (e-mail addresses, phone numbers, long digit runs).")
    @APIResponse(
            responseCode = "200",
            description = "On the list",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "opted out", value = Examples.OPT_OUT)))
    @APIResponse(
            responseCode = "404",
            description = "Not on the list",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "not opted out", value = Examples.NOT_OPTED_OUT)))
    public OptOutView get(@Parameter(example = "cust-42") @PathParam("customerRef") String customerRef) {
        return OptOutView.of(service.optOutOf(customerRef), privacy.forCaller(Roles.INGEST));
    }
}
