package org.voc.response.api;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.voc.kit.problem.Problem;
import org.voc.response.config.RespondentConfig;

/**
 * Guards of the public respondent endpoints ({@code /s/*}, {@code /api/respond/*}, however the path is encoded): a
 * token bucket per client address before anything is verified (token verification costs CPU), a body size limit
 * before anything is read, and the headers every answer carries there
 * because the token is in the URL (no caching, no Referer) and the pages must not load or run anything foreign.
 * <p>
 * The client address is the connection's peer, or the {@code X-Forwarded-For} client when
 * {@code quarkus.http.proxy.proxy-address-forwarding} and {@code allow-x-forwarded} are on (behind the ingress):
 * Quarkus applies that setting to {@link HttpServerRequest#remoteAddress()}, so a client cannot pick its own bucket
 * by sending the header to a service that is not behind a proxy.
 */
@ApplicationScoped
public class RespondentGuard {

    private final RespondentConfig config;
    private final HostedPages pages;
    private final RateLimiter limiter;
    private final Counter pageRejections;
    private final Counter apiRejections;

    public RespondentGuard(RespondentConfig config, HostedPages pages, MeterRegistry registry) {
        this.config = config;
        this.pages = pages;
        RespondentConfig.RateLimit limit = config.rateLimit();
        this.limiter = new RateLimiter(limit.requestsPerMinute(), limit.burst(), limit.maxClients(), System::nanoTime);
        this.pageRejections = registry.counter("voc.respondent.rate.limited", "endpoint", "page");
        this.apiRejections = registry.counter("voc.respondent.rate.limited", "endpoint", "api");
    }

    static boolean isPage(String path) {
        return path.equals("/s") || path.startsWith("/s/");
    }

    static boolean isApi(String path) {
        return path.startsWith("/api/respond/") || path.equals("/api/respond");
    }

    /**
     * The path as routing sees it, percent-escapes decoded and dot segments resolved, so {@code /api/re%73pond/…}
     * or {@code /x/../s/…} is guarded like the route it reaches; null when it is not a path at all.
     */
    static String routed(String rawPath) {
        try {
            return URI.create(rawPath).normalize().getPath();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @ServerRequestFilter(preMatching = true)
    public Response guard(ContainerRequestContext request, HttpServerRequest http) {
        String path = routed(http.path());
        boolean page = path != null && isPage(path);
        if (path != null && !page && !isApi(path)) {
            return null;
        }
        Response limited = limit(request, http, page);
        return limited != null ? limited : bodySize(request, page);
    }

    /**
     * Bodies above {@code voc.respondent.max-body-bytes} are refused before they are read (413), and so are bodies
     * of unannounced length (411): an answer is a few kilobytes, and a public route must not buffer more for anyone.
     */
    private Response bodySize(ContainerRequestContext request, boolean page) {
        if (!"POST".equals(request.getMethod())) {
            return null;
        }
        String declared = request.getHeaderString("Content-Length");
        long length;
        try {
            length = declared == null ? -1 : Long.parseLong(declared.trim());
        } catch (NumberFormatException e) {
            length = -1;
        }
        if (length >= 0 && length <= config.maxBodyBytes()) {
            return null;
        }
        int status = length < 0 ? 411 : 413;
        if (page) {
            RespondentText t = RespondentText.of(language(request));
            return pages.message(status, t, t.tooLargeTitle(), t.tooLargeBody());
        }
        String detail = length < 0
                ? "send the body with a Content-Length header"
                : "the body has " + length + " bytes; at most " + config.maxBodyBytes() + " are taken";
        return Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .entity(Problem.of(
                        status,
                        length < 0 ? "length-required" : "payload-too-large",
                        length < 0 ? "Length required" : "Payload too large",
                        detail,
                        "/api/respond/{token}",
                        List.of()))
                .build();
    }

    private Response limit(ContainerRequestContext request, HttpServerRequest http, boolean page) {
        if (!config.rateLimit().enabled()) {
            return null;
        }
        SocketAddress peer = http.remoteAddress();
        String client = peer == null ? "unknown" : peer.hostAddress();
        RateLimiter.Decision decision = limiter.take(client);
        if (decision.allowed()) {
            return null;
        }
        String retryAfter = Long.toString(decision.retryAfterSeconds());
        if (page) {
            pageRejections.increment();
            RespondentText t = RespondentText.of(language(request));
            return Response.fromResponse(pages.message(429, t, t.busyTitle(), t.busyBody()))
                    .header("Retry-After", retryAfter)
                    .build();
        }
        apiRejections.increment();
        return Response.status(429)
                .type(Problem.MEDIA_TYPE)
                .entity(Problem.of(
                        429,
                        "rate-limited",
                        "Too many requests",
                        "too many requests from this address; retry after Retry-After seconds",
                        "/api/respond/{token}",
                        List.of()))
                .header("Retry-After", retryAfter)
                .build();
    }

    @ServerResponseFilter
    public void headers(ContainerRequestContext request, ContainerResponseContext response, HttpServerRequest http) {
        String path = routed(http.path());
        boolean page = path != null && isPage(path);
        if (path != null && !page && !isApi(path)) {
            return;
        }
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.putSingle("Cache-Control", "no-store");
        headers.putSingle("Referrer-Policy", "no-referrer");
        headers.putSingle("X-Content-Type-Options", "nosniff");
        if (page && !headers.containsKey("Content-Security-Policy")) {
            headers.putSingle("Content-Security-Policy", pages.fallbackPolicy());
        }
        if (!page) {
            headers.putSingle("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
        }
    }

    /** A rate-limited page is answered before the token is read, so its language comes from the browser. */
    private static String language(ContainerRequestContext request) {
        return request.getAcceptableLanguages().isEmpty()
                ? null
                : request.getAcceptableLanguages().get(0).toLanguageTag();
    }
}
