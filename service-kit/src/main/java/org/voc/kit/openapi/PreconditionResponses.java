package org.voc.kit.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.voc.kit.problem.Problem;

/**
 * Documents the answers of the kit's {@code Revisions} on every operation that takes {@code If-Match}: 412 when it
 * names an older revision, 428 when it is missing. They follow from the header, so no resource repeats them.
 */
@OpenApiFilter
public class PreconditionResponses implements OASFilter {

    private static final Map<String, String> RESPONSES =
            Map.of("412", "If-Match names an older revision", "428", "If-Match is missing");

    @Override
    public Operation filterOperation(Operation operation) {
        boolean conditional = operation.getParameters() != null
                && operation.getParameters().stream()
                        .anyMatch(p -> p.getIn() == Parameter.In.HEADER && "If-Match".equalsIgnoreCase(p.getName()));
        if (!conditional || operation.getResponses() == null) {
            return operation;
        }
        RESPONSES.forEach((status, description) -> {
            if (operation.getResponses().getAPIResponse(status) == null) {
                operation
                        .getResponses()
                        .addAPIResponse(
                                status,
                                OASFactory.createAPIResponse()
                                        .description(description)
                                        .content(OASFactory.createContent()
                                                .addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType())));
            }
        });
        return operation;
    }
}
