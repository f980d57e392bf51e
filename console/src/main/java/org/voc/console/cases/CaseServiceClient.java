package org.voc.console.cases;

import io.quarkus.oidc.token.propagation.common.AccessToken;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** case-service's API as the console uses it, called with the user's own access token ({@link AccessToken}). */
@RegisterRestClient(configKey = "case-service")
@AccessToken
@Path("/api")
public interface CaseServiceClient {

    @GET
    @Path("/cases")
    CaseModels.CaseList list(
            @QueryParam("queue") String queue, @QueryParam("status") String statuses, @QueryParam("limit") int limit);

    @GET
    @Path("/cases/{id}")
    CaseModels.CaseDetail get(@PathParam("id") String id);

    @GET
    @Path("/cases/{id}/history")
    CaseModels.History history(@PathParam("id") String id);

    /** A workflow action ({@code assign}, {@code claim}, {@code contact}, …) with the ETag the user's page read. */
    @POST
    @Path("/cases/{id}/{action}")
    CaseModels.CaseDetail act(
            @PathParam("id") String id,
            @PathParam("action") String action,
            @HeaderParam("If-Match") String ifMatch,
            Map<String, Object> body);

    @GET
    @Path("/root-causes")
    CaseModels.RootCauses rootCauses(@QueryParam("active") boolean active);
}
