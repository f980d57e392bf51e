package org.voc.console.cases;

import io.quarkus.oidc.token.propagation.common.AccessToken;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** touchpoint-registry's teams, for the members a case can be assigned to; called with the user's own token. */
@RegisterRestClient(configKey = "touchpoint-registry")
@AccessToken
@Path("/api/teams")
public interface TeamsClient {

    @GET
    @Path("/{key}")
    Team team(@PathParam("key") String key);

    /** The console's own record of a team: its members are Keycloak user names. */
    record Team(String key, String name, List<String> members) {
        public List<String> members() {
            return members == null ? List.of() : members;
        }
    }
}
