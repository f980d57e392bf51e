package org.voc.console.overview;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.voc.console.overview.MetricModels.Alert;
import org.voc.console.overview.MetricModels.FunnelRow;
import org.voc.console.web.ServiceCalls;
import org.voc.console.web.Viewer;

/**
 * The analysts' start page: the last 30 days of NPS, CSAT and CES with their confidence bands, the journey map,
 * the response-rate funnel and the open alerts, all from metrics-service's query API.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class OverviewResource {

    static final String SERVICE = "metrics-service";

    private final MetricsClient metrics;
    private final Viewer viewer;

    public OverviewResource(@RestClient MetricsClient metrics, Viewer viewer) {
        this.metrics = metrics;
        this.viewer = viewer;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance overview(
                List<Charts.Trend> trends, Charts.HeatMap journeyMap, FunnelRow funnel, List<Alert> alerts);
    }

    @GET
    public TemplateInstance overview() {
        List<Charts.Trend> trends = List.of("nps", "csat", "ces").stream()
                .map(m -> Charts.trend(m, ServiceCalls.call(SERVICE, () -> metrics.stats(m, "day", null))))
                .toList();
        Charts.HeatMap journeyMap =
                Charts.heatMap(ServiceCalls.call(SERVICE, () -> metrics.stats("nps", null, "journeyStage,channel")));
        List<FunnelRow> funnel = ServiceCalls.call(SERVICE, metrics::funnel).rows();
        List<Alert> alerts =
                ServiceCalls.call(SERVICE, () -> metrics.alerts("OPEN", 20)).items();
        return viewer.localized(
                Templates.overview(trends, journeyMap, funnel.isEmpty() ? null : funnel.get(0), alerts));
    }
}
