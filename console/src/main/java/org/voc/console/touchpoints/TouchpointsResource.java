package org.voc.console.touchpoints;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.voc.console.web.ServiceCalls;
import org.voc.console.web.Viewer;

/** Browsing the touchpoint registry: search by text and owner team, by name, a page at a time. */
@Path("/touchpoints")
@Produces(MediaType.TEXT_HTML)
public class TouchpointsResource {

    private static final String SERVICE = "touchpoint-registry";
    private static final int PAGE_SIZE = 50;

    private final RegistryClient registry;
    private final Viewer viewer;

    public TouchpointsResource(@RestClient RegistryClient registry, Viewer viewer) {
        this.registry = registry;
        this.viewer = viewer;
    }

    @CheckedTemplate
    static class Templates {
        /** {@code next}: the link to the next page, or null on the last one. */
        static native TemplateInstance touchpoints(String q, String team, RegistryClient.Page page, String next);
    }

    @GET
    public TemplateInstance browse(
            @QueryParam("q") String q, @QueryParam("team") String team, @QueryParam("after") String after) {
        String text = blankToNull(q);
        String owner = blankToNull(team);
        RegistryClient.Page page =
                ServiceCalls.call(SERVICE, () -> registry.list(text, owner, "name", blankToNull(after), PAGE_SIZE));
        String next = page.nextCursor() == null
                ? null
                : "/touchpoints?q=" + encode(text) + "&team=" + encode(owner) + "&after=" + encode(page.nextCursor());
        return viewer.localized(
                Templates.touchpoints(text == null ? "" : text, owner == null ? "" : owner, page, next));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String encode(String value) {
        return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
