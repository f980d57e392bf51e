package org.voc.console.improvement;

import io.quarkus.oidc.token.propagation.common.AccessToken;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** case-service's outer-loop API (root-cause Pareto, improvement actions), called with the user's own token. */
@RegisterRestClient(configKey = "case-service")
@AccessToken
@Path("/api")
public interface ImprovementClient {

    /** The Pareto of root causes of the last 30 days (case-service's default period), in the caller's scope. */
    @GET
    @Path("/root-causes/pareto")
    ImprovementModels.Pareto pareto();

    /** Improvement actions, highest suggested priority first. */
    @GET
    @Path("/improvement-actions")
    ImprovementModels.Actions actions(@QueryParam("sort") String sort, @QueryParam("limit") int limit);
}
