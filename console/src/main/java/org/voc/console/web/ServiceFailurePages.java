package org.voc.console.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The console's own pages for a service that refused or failed a call: the services enforce roles and team rules, so
 * their 403 is the user's "not allowed", never a 500 of the console.
 */
public class ServiceFailurePages {

    private final Viewer viewer;

    public ServiceFailurePages(Viewer viewer) {
        this.viewer = viewer;
    }

    @CheckedTemplate
    static class Templates {
        /** kind: forbidden, not-found, session, unavailable or failed. */
        static native TemplateInstance failure(String kind, String service, String detail);
    }

    @ServerExceptionMapper
    public Response refused(ServiceRefused e) {
        String kind;
        int status;
        if (e.unreachable() || e.status() == 503 || e.status() == 502 || e.status() == 504) {
            kind = "unavailable";
            status = 503;
        } else if (e.status() == 403) {
            kind = "forbidden";
            status = 403;
        } else if (e.status() == 404) {
            kind = "not-found";
            status = 404;
        } else if (e.status() == 401) {
            // The service did not accept the session's token (expired and not refreshed, or another realm).
            kind = "session";
            status = 401;
        } else {
            kind = "failed";
            status = 502;
        }
        String detail = e.problem() == null ? null : e.problem().detail();
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(viewer.localized(Templates.failure(kind, e.service(), detail))
                        .render())
                .build();
    }
}
