package org.voc.console.cases;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.voc.console.cases.CaseModels.CaseDetail;
import org.voc.console.cases.CaseModels.Entry;
import org.voc.console.cases.CaseModels.RootCause;
import org.voc.console.web.ServiceCalls;
import org.voc.console.web.ServiceRefused;
import org.voc.console.web.Viewer;

/** The case desk: the inbox of the user's queues and the page of one case with its workflow forms. */
@Path("/cases")
@Produces(MediaType.TEXT_HTML)
public class CasesResource {

    static final String SERVICE = "case-service";
    private static final int QUEUE_SIZE = 50;

    private final CaseServiceClient cases;
    private final TeamsClient teams;
    private final Viewer viewer;
    private final Clock clock;

    public CasesResource(@RestClient CaseServiceClient cases, @RestClient TeamsClient teams, Viewer viewer) {
        this.cases = cases;
        this.teams = teams;
        this.viewer = viewer;
        this.clock = Clock.systemUTC();
    }

    /** A case of a queue with its running SLA clock (null when none runs). */
    public record Row(CaseDetail c, Sla sla) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance inbox(List<Row> mine, List<Row> team, List<Row> unassigned);

        static native TemplateInstance detail(
                CaseDetail c,
                Sla sla,
                List<Entry> history,
                List<RootCause> causes,
                List<String> members,
                FormOutcome outcome);
    }

    @GET
    public TemplateInstance inbox() {
        Instant now = clock.instant();
        return viewer.localized(Templates.inbox(queue("mine", now), queue("team", now), queue("unassigned", now)));
    }

    @GET
    @Path("/{id}")
    public TemplateInstance detail(@PathParam("id") String id, @QueryParam("done") String done) {
        FormOutcome outcome =
                done != null && CaseForms.ACTIONS.contains(done) ? FormOutcome.done(done) : FormOutcome.NONE;
        return page(id, outcome);
    }

    /**
     * One of the case page's forms. It carries the version the page showed and sends it as If-Match: a change made
     * meanwhile by someone else is a 412, and the user sees the case as it is now instead of overwriting it.
     */
    @POST
    @Path("/{id}/{action}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response act(
            @PathParam("id") String id, @PathParam("action") String action, MultivaluedMap<String, String> form) {
        Map<String, Object> body = CaseForms.body(action, form);
        String version = form.getFirst("version");
        String ifMatch = "\"" + (version == null ? "" : version.strip()) + "\"";
        try {
            ServiceCalls.call(SERVICE, () -> cases.act(id, action, ifMatch, body));
        } catch (ServiceRefused e) {
            FormOutcome outcome = switch (e.status()) {
                case 412, 428 -> FormOutcome.conflict(action);
                case 400 -> FormOutcome.of("invalid", action, e.problem(), form);
                case 409 -> FormOutcome.of("refused", action, e.problem(), form);
                default -> throw e;
            };
            int status = e.status() == 400 ? 400 : 409;
            return Response.status(status)
                    .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(page(id, outcome).render())
                    .build();
        }
        // Post/redirect/get: reloading the page that follows does not send the action again.
        return Response.seeOther(URI.create("/cases/" + id + "?done=" + action)).build();
    }

    private TemplateInstance page(String id, FormOutcome outcome) {
        CaseDetail c = ServiceCalls.call(SERVICE, () -> cases.get(id));
        List<Entry> history =
                ServiceCalls.call(SERVICE, () -> cases.history(id)).items();
        List<RootCause> causes = "IN_CONTACT".equals(c.status()) ? activeCauses() : List.of();
        List<String> members = c.finished() || c.team() == null ? List.of() : members(c.team());
        return viewer.localized(Templates.detail(c, c.sla(clock.instant()), history, causes, members, outcome));
    }

    /** The taxonomy for the resolve form; without it the case can still be resolved, without causes. */
    private List<RootCause> activeCauses() {
        try {
            return ServiceCalls.call(SERVICE, () -> cases.rootCauses(true)).items();
        } catch (ServiceRefused e) {
            return List.of();
        }
    }

    /**
     * The team's members, offered to pick an assignee from; without them (the registry does not answer, or does not
     * know the team yet) the user types the name, and case-service still checks it.
     */
    private List<String> members(String team) {
        try {
            return ServiceCalls.call("touchpoint-registry", () -> teams.team(team))
                    .members();
        } catch (ServiceRefused e) {
            return List.of();
        }
    }

    /**
     * A queue as work to do: its newest unfinished cases (resolved and closed ones are not work), the most urgent
     * first (a breached or soonest due clock; cases without a running clock last).
     */
    private List<Row> queue(String queue, Instant now) {
        return ServiceCalls.call(SERVICE, () -> cases.list(queue, UNFINISHED, QUEUE_SIZE)).items().stream()
                .map(c -> new Row(c, c.sla(now)))
                .sorted(URGENCY)
                .toList();
    }

    private static final String UNFINISHED = "OPEN,ASSIGNED,IN_CONTACT,WAITING_ON_CUSTOMER";

    private static final Comparator<Row> URGENCY = Comparator.comparing(
            (Row r) -> r.sla() == null ? null : r.sla().dueAt(), Comparator.nullsLast(Comparator.naturalOrder()));
}
