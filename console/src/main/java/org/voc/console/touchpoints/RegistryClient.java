package org.voc.console.touchpoints;

import io.quarkus.oidc.token.propagation.common.AccessToken;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** touchpoint-registry's API as the browse page uses it, called with the user's own access token. */
@RegisterRestClient(configKey = "touchpoint-registry")
@AccessToken
@Path("/api")
public interface RegistryClient {

    /** One page of touchpoints by name; {@code q} searches key, name and description. */
    @GET
    @Path("/touchpoints")
    Page list(
            @QueryParam("q") String q,
            @QueryParam("ownerTeam") String ownerTeam,
            @QueryParam("sort") String sort,
            @QueryParam("after") String after,
            @QueryParam("limit") int limit);

    /** The console's own record of a page of the registry: only what the browse page shows. */
    record Page(List<Touchpoint> items, String nextCursor, Long total) {
        public List<Touchpoint> items() {
            return items == null ? List.of() : items;
        }
    }

    record Touchpoint(
            String key,
            String name,
            String description,
            String channel,
            String journeyStage,
            String signalKind,
            List<String> segments,
            String product,
            String ownerTeam,
            String status,
            Instant updatedAt) {

        public List<String> segments() {
            return segments == null ? List.of() : segments;
        }
    }
}
