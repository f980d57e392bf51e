package org.voc.response.api;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.security.SecureRandom;
import java.util.Base64;
import org.voc.kit.problem.DomainException;
import org.voc.kit.problem.Unavailable;
import org.voc.response.config.RespondentConfig;
import org.voc.response.domain.InvitationRefusal;

/**
 * Renders the hosted pages with their security headers. Each page gets a fresh CSP nonce for its one inline style
 * and script, so the policy allows nothing else: no external resources, no injected script.
 */
@ApplicationScoped
public class HostedPages {

    static final String HTML = "text/html;charset=UTF-8";

    @CheckedTemplate(basePath = "HostedPages")
    static class Templates {
        static native TemplateInstance survey(HostedPage.Survey page);

        static native TemplateInstance message(HostedPage.Message page);
    }

    private final SecureRandom random = new SecureRandom();
    private final RespondentConfig config;

    public HostedPages(RespondentConfig config) {
        this.config = config;
    }

    String nonce() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    Response survey(int status, HostedPage.Survey page) {
        return html(status, Templates.survey(page).render(), page.nonce(), page.look());
    }

    Response message(int status, RespondentText t, String title, String body) {
        return message(status, t, HostedPage.Look.PLAIN, title, body);
    }

    /** A page about one survey (thanks, already answered) wears its brand. */
    Response message(int status, RespondentText t, HostedPage.Look look, String title, String body) {
        String nonce = nonce();
        return html(
                status,
                Templates.message(new HostedPage.Message(t.lang(), nonce, t, look, title, body))
                        .render(),
                nonce,
                look);
    }

    /** The friendly page for a problem the respondent's link ran into. */
    Response problem(DomainException e, RespondentText t) {
        Response page = switch (e.slug()) {
            case InvitationRefusal.ALREADY_ANSWERED, "conflict" -> message(409, t, t.answeredTitle(), t.answeredBody());
            case InvitationRefusal.EXPIRED, InvitationRefusal.REVOKED, InvitationRefusal.SURVEY_CLOSED ->
                message(410, t, t.closedTitle(), t.closedBody());
            case InvitationRefusal.NOT_FOUND -> message(404, t, t.notFoundTitle(), t.notFoundBody());
            default -> message(e instanceof Unavailable ? 503 : 400, t, t.unavailableTitle(), t.unavailableBody());
        };
        if (e.retryAfter() == null) {
            return page;
        }
        return Response.fromResponse(page)
                .header("Retry-After", Long.toString(Math.max(1, (e.retryAfter().toMillis() + 999) / 1000)))
                .build();
    }

    /**
     * The CSP of a page: only its own nonce'd style and script, posting only to itself; images only from the origin
     * of the survey's logo, when it has one.
     */
    String policy(String nonce, HostedPage.Look look) {
        String images = look.logoOrigin() == null ? "'none'" : look.logoOrigin();
        return "default-src 'none'; style-src 'nonce-" + nonce + "'; script-src 'nonce-" + nonce + "'; "
                + "img-src " + images + "; form-action 'self'; base-uri 'none'; frame-ancestors "
                + config.frameAncestors();
    }

    /** For responses that are not one of our pages (a 404 from routing): nothing at all may load. */
    String fallbackPolicy() {
        return "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors " + config.frameAncestors();
    }

    private Response html(int status, String body, String nonce, HostedPage.Look look) {
        return Response.status(status)
                .type(HTML)
                .entity(body)
                .header("Content-Security-Policy", policy(nonce, look))
                .build();
    }
}
