package org.voc.kit.input;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.voc.kit.problem.PayloadTooLarge;
import org.voc.kit.problem.ProblemMapper;

/**
 * Refuses a body announced larger than {@code quarkus.http.limits.max-body-size} with a 413 problem. Quarkus makes
 * the same check one step later but answers with an empty 413, which no exception mapper ever sees; this one runs
 * just before it, so the refusal names the limit like every other 4xx.
 */
@ApplicationScoped
public class BodyLimit {

    private final ProblemMapper problems;
    private final ObjectMapper json;
    private final long maxBytes;

    public BodyLimit(
            ProblemMapper problems,
            ObjectMapper json,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize max) {
        this.problems = problems;
        this.json = json;
        this.maxBytes = max.asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::check);
    }

    private void check(RoutingContext context) {
        String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long length;
        try {
            length = declared == null ? -1 : Long.parseLong(declared.trim());
        } catch (NumberFormatException e) {
            length = -1; // not ours to judge: the HTTP codec refuses a malformed length itself
        }
        if (length <= maxBytes) {
            context.next();
            return;
        }
        PayloadTooLarge refusal = new PayloadTooLarge(
                "payload-too-large",
                "Payload too large",
                "the body has " + length + " bytes; at most " + maxBytes + " are taken",
                null);
        String body;
        try {
            body = json.writeValueAsString(ProblemMapper.problem(
                    refusal, problems.instance(context.request().path())));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        // The body is not read: closing the connection keeps the client from streaming the rest of it to us.
        context.response()
                .setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(body);
    }
}
