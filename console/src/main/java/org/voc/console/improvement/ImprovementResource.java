package org.voc.console.improvement;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.voc.console.improvement.ImprovementModels.Action;
import org.voc.console.improvement.ImprovementModels.Pareto;
import org.voc.console.web.ServiceCalls;
import org.voc.console.web.Viewer;

/** The outer loop for analysts: which root causes cost the most, and what the improvement actions achieved. */
@Path("/improvement")
@Produces(MediaType.TEXT_HTML)
public class ImprovementResource {

    private static final String SERVICE = "case-service";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ImprovementClient cases;
    private final Viewer viewer;

    public ImprovementResource(@RestClient ImprovementClient cases, Viewer viewer) {
        this.cases = cases;
        this.viewer = viewer;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance improvement(Pareto pareto, String paretoJson, List<Action> actions);
    }

    @GET
    public TemplateInstance improvement() {
        Pareto pareto = ServiceCalls.call(SERVICE, cases::pareto);
        List<Action> actions =
                ServiceCalls.call(SERVICE, () -> cases.actions("priority", 50)).items();
        return viewer.localized(Templates.improvement(pareto, paretoJson(pareto), actions));
    }

    /** The chart's data: each cause's share (bars) and the cumulative share (line), in percent. */
    private static String paretoJson(Pareto pareto) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put(
                "causes",
                pareto.items().stream()
                        .map(c -> c.name() == null ? c.code() : c.name())
                        .toList());
        data.put("share", pareto.items().stream().map(c -> percent(c.share())).toList());
        data.put(
                "cumulative",
                pareto.items().stream().map(c -> percent(c.cumulativeShare())).toList());
        try {
            return JSON.writeValueAsString(data).replace("<", "\\u003c");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double percent(double fraction) {
        return Math.round(fraction * 1000) / 10.0;
    }
}
