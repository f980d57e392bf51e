package org.voc.survey.distribution.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.voc.kit.paging.PageCursor;
import org.voc.kit.paging.PageLimit;
import org.voc.kit.privacy.Disclosure;
import org.voc.kit.privacy.Privacy;
import org.voc.kit.problem.Invalid;
import org.voc.kit.problem.Problem;
import org.voc.kit.security.Roles;
import org.voc.survey.distribution.domain.DecisionCursor;
import org.voc.survey.distribution.domain.DistributionService;
import org.voc.survey.distribution.domain.StoredDecision;

/** A customer's distribution decisions, for analysts answering "why was (or wasn't) this customer surveyed?". */
@Path("/api/decisions")
@Tag(name = "Interactions")
@Produces(MediaType.APPLICATION_JSON)
public class DecisionResource {

    private final DistributionService service;
    private final Privacy privacy;

    public DecisionResource(DistributionService service, Privacy privacy) {
        this.service = service;
        this.privacy = privacy;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.ANALYST})
    @Operation(
            summary = "List a customer's decisions",
            description = "Newest first, keyset-paginated: pass the "
                    + "nextCursor of a page as `after` to read the next page. Invitation links are not shown. The"
                    + " customer is looked up by their reference; unless the caller holds voc-pii the decisions show"
                    + " the customer's pseudonym (pn-…) in its place, also in explanations.")
    @APIResponse(
            responseCode = "200",
            description = "One page",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "page", value = Examples.DECISION_PAGE)))
    @APIResponse(
            responseCode = "400",
            description = "customerRef is missing, or limit or after is invalid; errors[].field names it",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "no customer", value = Examples.DECISIONS_NO_CUSTOMER)))
    public DecisionPage list(
            @Parameter(description = "Pseudonymous customer reference", required = true, example = "cust-42")
                    @QueryParam("customerRef")
                    String customerRef,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("after") String after,
            @Parameter(description = "Page size, 1 to 500 (default 50)", example = "50") @QueryParam("limit")
                    String limit) {
        if (customerRef == null || customerRef.isBlank()) {
            throw Invalid.field("customerRef", "is required");
        }
        int size = PageLimit.parse(limit);
        List<StoredDecision> page = service.decisions(customerRef, cursor(after), size);
        String next = page.size() == size ? encode(page.get(page.size() - 1)) : null;
        Disclosure disclosure = privacy.forCaller();
        return new DecisionPage(
                page.stream().map(d -> DecisionView.of(d, false, disclosure)).toList(), next);
    }

    private static String encode(StoredDecision last) {
        return PageCursor.encode(last.decidedAt(), last.id());
    }

    private static DecisionCursor cursor(String after) {
        PageCursor.Position position = PageCursor.decode(after);
        return position == null ? null : new DecisionCursor(position.at(), position.id());
    }
}
