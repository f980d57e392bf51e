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
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.voc.kit.problem.Problem;
import org.voc.response.config.RespondentConfig;

/**
 * Guards of the public respondent endpoints ({@code /s/*}, {@code /api/respond/*}): a token bucket per client
 * address before anything is verified (token verification costs CPU), and the headers every answer carries there
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

    @ServerRequestFilter(preMatching = true)
    public Response limit(ContainerRequestContext request, HttpServerRequest http) {
        String path = http.path();
        boolean page = isPage(path);
        if (!config.rateLimit().enabled() || !page && !isApi(path)) {
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
        String path = http.path();
        boolean page = isPage(path);
        if (!page && !isApi(path)) {
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
