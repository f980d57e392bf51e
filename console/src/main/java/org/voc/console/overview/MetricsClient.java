package org.voc.console.overview;

import io.quarkus.oidc.token.propagation.common.AccessToken;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** metrics-service's query API as the overview uses it, called with the user's own access token. */
@RegisterRestClient(configKey = "metrics-service")
@AccessToken
@Path("/api")
public interface MetricsClient {

    /** A metric of the last 30 days: by day ({@code granularity=day}) or as totals by {@code groupBy}. */
    @GET
    @Path("/metrics/{metric}/stats")
    MetricModels.Score stats(
            @PathParam("metric") String metric,
            @QueryParam("granularity") String granularity,
            @QueryParam("groupBy") String groupBy);

    /** The response-rate funnel of the last 30 days, as one total. */
    @GET
    @Path("/metrics/funnel")
    MetricModels.Funnel funnel();

    @GET
    @Path("/alerts")
    MetricModels.Alerts alerts(@QueryParam("state") String state, @QueryParam("limit") int limit);
}
