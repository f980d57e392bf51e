package org.voc.console.web;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a form post that a page of another origin sent (cross-site request forgery): browsers name the page's
 * origin in {@code Origin} on every POST. With the session cookie's SameSite=Lax this keeps other sites from acting
 * in a signed-in user's name. A post without {@code Origin} (not from a browser) carries no session cookie anyway.
 */
public class SameOrigin {

    @ServerRequestFilter
    public Response refuseCrossOrigin(HttpServerRequest request) {
        if (!"POST".equals(request.method().name())) {
            return null;
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return null;
        }
        String host = request.getHeader("Host");
        try {
            URI from = URI.create(origin);
            String fromHost = from.getPort() < 0 ? from.getHost() : from.getHost() + ":" + from.getPort();
            if (host != null && host.equalsIgnoreCase(fromHost)) {
                return null;
            }
        } catch (IllegalArgumentException malformed) {
            // a malformed origin is refused like a foreign one
        }
        return Response.status(Response.Status.FORBIDDEN).build();
    }
}
