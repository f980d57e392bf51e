package org.voc.kit.input;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.voc.kit.problem.Invalid;
import org.voc.kit.problem.Problem;
import org.voc.kit.problem.ProblemMapper;

/**
 * Refuses a NUL character ({@code %00}) in the path or a query parameter before any resource sees it: PostgreSQL
 * cannot compare text holding NUL, so it would otherwise surface as a failed query. The 400 names the parameter.
 */
public class ParameterGuard {

    private final ProblemMapper problems;

    public ParameterGuard(ProblemMapper problems) {
        this.problems = problems;
    }

    private static final String NUL = "%00";
    private static final String MESSAGE = "must not contain NUL characters";

    @ServerRequestFilter(preMatching = true)
    public Response refuseNul(ContainerRequestContext request) {
        String path = request.getUriInfo().getRequestUri().getRawPath();
        if (path != null && path.contains(NUL)) {
            return refuse("path", path);
        }
        String query = request.getUriInfo().getRequestUri().getRawQuery();
        if (query == null || !query.toLowerCase(Locale.ROOT).contains(NUL)) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.contains(NUL)) {
                int equals = pair.indexOf('=');
                String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8)
                        .replace("\0", "\\0");
                return refuse(name, path);
            }
        }
        return null;
    }

    private Response refuse(String field, String path) {
        return Response.status(400)
                .type(Problem.MEDIA_TYPE)
                .entity(ProblemMapper.problem(Invalid.field(field, MESSAGE), problems.instance(path)))
                .build();
    }
}
