package org.voc.response.domain;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.Key;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.keys.resolvers.VerificationKeyResolver;
import org.jose4j.lang.JoseException;
import org.jose4j.lang.UnresolvableKeyException;
import org.voc.response.config.InvitationConfig;

/**
 * survey-service's public invitation keys, fetched from its JWKS and cached for the answer's Cache-Control max-age
 * (at most {@code jwks-cache-duration}), then refreshed in the background while the cached keys keep working, for as
 * long again if survey-service cannot be reached. Built so that an unreachable survey-service costs little:
 * <ul>
 * <li>at most one fetch is in flight; requests that need it wait for that one (a bounded number of them, for at most
 * the fetch's timeouts), so the first token of a newly rotated key verifies;</li>
 * <li>after a failed fetch none starts until a pause has passed, doubled after each further failure up to
 * {@code jwks-backoff-max}; meanwhile a token whose key is not at hand is answered 503 with the pause left as
 * Retry-After at once, without touching the network;</li>
 * <li>a token naming a kid that is not in a fresh set forces a refresh at most once per
 * {@code jwks-refresh-interval}, because anyone can send a made-up kid.</li>
 * </ul>
 * Fetches are counted in {@code voc.invitations.jwks.fetches{outcome}}. Nothing else in the service depends on this
 * class: authenticated submissions without an invitation token never wait for it.
 */
@ApplicationScoped
public class InvitationKeys implements VerificationKeyResolver {

    private static final Logger LOG = Logger.getLogger(InvitationKeys.class);
    private static final Pattern MAX_AGE = Pattern.compile("(?:^|[,\\s])max-age\\s*=\\s*\"?(\\d{1,10})");
    /**
     * Requests that may wait for a fetch at once; the others are answered 503 straight away, so a slow survey-service
     * can tie up only this many worker threads, never the pool that authenticated submissions need too.
     */
    static final int MAX_WAITING = 16;

    /** The keys could not be fetched (survey-service unreachable): not the token's fault, so not "not found". */
    public static class Unavailable extends UnresolvableKeyException {
        private final Duration retryAfter;

        Unavailable(String message, Duration retryAfter) {
            super(message);
            this.retryAfter = retryAfter;
        }

        /** When a fetch may be tried again. */
        public Duration retryAfter() {
            return retryAfter;
        }
    }

    /** The keys of one successful fetch; fresh until {@code freshUntil}, usable until {@code usableUntil}. */
    private record KeySet(Map<String, JsonWebKey> byKid, long freshUntil, long usableUntil) {}

    private final InvitationConfig config;
    private final LongSupplier nanoTime;
    private final HttpClient http;
    private final HttpRequest request;
    private final Counter fetched;
    private final Counter failed;
    private final Semaphore waiting = new Semaphore(MAX_WAITING);

    private volatile KeySet keys;
    // Fetch state, guarded by this.
    private CompletableFuture<KeySet> inFlight;
    private int failures;
    private long retryAt;
    private boolean refreshedForUnknownKid;
    private long refreshedForUnknownKidAt;

    @Inject
    public InvitationKeys(InvitationConfig config, MeterRegistry registry) {
        this(config, registry, System::nanoTime);
    }

    /** With a clock of its own, so a test can tell the refresh limit and the backoff without waiting for them. */
    public InvitationKeys(InvitationConfig config, MeterRegistry registry, LongSupplier nanoTime) {
        this.config = config;
        this.nanoTime = nanoTime;
        this.http = HttpClient.newBuilder()
                .connectTimeout(config.jwksTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.request = HttpRequest.newBuilder(URI.create(config.jwksUrl()))
                .timeout(config.jwksTimeout())
                .header("Accept", "application/json")
                .GET()
                .build();
        this.fetched = registry.counter("voc.invitations.jwks.fetches", "outcome", "ok");
        this.failed = registry.counter("voc.invitations.jwks.fetches", "outcome", "failed");
    }

    @Override
    public Key resolveKey(JsonWebSignature jws, List<JsonWebStructure> nestingContext) throws UnresolvableKeyException {
        String kid = jws.getKeyIdHeaderValue();
        if (kid == null || kid.isBlank()) {
            throw new UnresolvableKeyException("the token names no kid");
        }
        long now = nanoTime.getAsLong();
        KeySet set = keys;
        boolean usable = set != null && now - set.usableUntil() < 0;
        JsonWebKey key = usable ? set.byKid().get(kid) : null;
        if (key != null) {
            if (now - set.freshUntil() >= 0) {
                start(now); // stale: refresh in the background, keep answering with what we have
            }
            return key.getKey();
        }
        if (usable && !mayRefreshFor(kid, now)) {
            throw new UnresolvableKeyException("no invitation key with kid " + kid);
        }
        CompletableFuture<KeySet> fetch = start(now);
        if (fetch == null) {
            throw unavailable(now, "survey-service's invitation keys could not be fetched lately");
        }
        key = await(fetch).byKid().get(kid);
        if (key == null) {
            throw new UnresolvableKeyException("no invitation key with kid " + kid);
        }
        return key.getKey();
    }

    /** Whether an unknown kid may force a refresh now; at most once per interval, because anyone can send one. */
    private synchronized boolean mayRefreshFor(String kid, long now) {
        if (refreshedForUnknownKid
                && now - refreshedForUnknownKidAt < config.jwksRefreshInterval().toNanos()) {
            return false;
        }
        refreshedForUnknownKid = true;
        refreshedForUnknownKidAt = now;
        LOG.debugf("invitation key %s is not in the cached JWKS; refreshing it", kid);
        return true;
    }

    /** The fetch in flight, or a new one; null while backing off after failures. */
    private synchronized CompletableFuture<KeySet> start(long now) {
        if (inFlight != null) {
            return inFlight;
        }
        if (failures > 0 && now - retryAt < 0) {
            return null;
        }
        CompletableFuture<KeySet> fetch = new CompletableFuture<>();
        // Set before the request starts: it may complete (and clear it) on this very thread.
        inFlight = fetch;
        CompletableFuture<HttpResponse<String>> sent;
        try {
            sent = http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        sent.thenApply(this::keySet).whenComplete((set, error) -> {
            settle(set, error);
            if (error != null) {
                fetch.completeExceptionally(error);
            } else {
                fetch.complete(set);
            }
        });
        return fetch;
    }

    private synchronized void settle(KeySet set, Throwable error) {
        inFlight = null;
        if (error == null) {
            fetched.increment();
            failures = 0;
            keys = set;
            return;
        }
        failed.increment();
        failures++;
        long pause = Math.min(
                config.jwksBackoffMax().toNanos(), config.jwksBackoff().toNanos() << Math.min(failures - 1, 30));
        retryAt = nanoTime.getAsLong() + pause;
        LOG.warnf(
                "the invitation keys at %s could not be fetched (%d failure(s) in a row; next try in %d ms): %s",
                config.jwksUrl(), failures, TimeUnit.NANOSECONDS.toMillis(pause), cause(error));
    }

    private KeySet awaitOrNull(CompletableFuture<KeySet> fetch) {
        try {
            return fetch.get(2 * config.jwksTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | TimeoutException e) {
            return null;
        }
    }

    private KeySet await(CompletableFuture<KeySet> fetch) throws Unavailable {
        if (!waiting.tryAcquire()) {
            throw unavailable(nanoTime.getAsLong(), "too many requests are waiting for the invitation keys");
        }
        KeySet set;
        try {
            set = awaitOrNull(fetch);
        } finally {
            waiting.release();
        }
        if (set == null) {
            throw unavailable(nanoTime.getAsLong(), "survey-service's invitation keys could not be fetched");
        }
        return set;
    }

    private synchronized Unavailable unavailable(long now, String message) {
        long left = failures > 0 ? retryAt - now : 0;
        Duration retryAfter = Duration.ofNanos(Math.max(TimeUnit.SECONDS.toNanos(1), left));
        return new Unavailable(message + " (" + config.jwksUrl() + ")", retryAfter);
    }

    /** The P-256 signing keys of a JWKS answer; keys of other types or curves never verify an invitation. */
    private KeySet keySet(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException(new IOException("the JWKS answered " + response.statusCode()));
        }
        Map<String, JsonWebKey> byKid = new HashMap<>();
        try {
            for (JsonWebKey key : new JsonWebKeySet(response.body()).getJsonWebKeys()) {
                if (key.getKeyId() != null
                        && key instanceof EllipticCurveJsonWebKey ec
                        && EllipticCurves.P_256.equals(ec.getCurveName())
                        && (key.getUse() == null || "sig".equals(key.getUse()))) {
                    byKid.put(key.getKeyId(), key);
                }
            }
        } catch (JoseException e) {
            throw new IllegalStateException("the JWKS cannot be read: " + e.getMessage(), e);
        }
        long fresh = freshFor(response.headers().firstValue("Cache-Control").orElse(null));
        long now = nanoTime.getAsLong();
        return new KeySet(
                Map.copyOf(byKid),
                now + fresh,
                now + fresh + config.jwksCacheDuration().toNanos());
    }

    /**
     * How long a JWKS answer stays fresh: its max-age, at most the configured cache duration (a key retired after a
     * leak must leave this cache too), at least the refresh interval (a max-age of 0 must not mean a fetch per token).
     */
    private long freshFor(String cacheControl) {
        long fresh = config.jwksCacheDuration().toNanos();
        if (cacheControl != null) {
            String directives = cacheControl.toLowerCase(java.util.Locale.ROOT);
            Matcher maxAge = MAX_AGE.matcher(directives);
            if (directives.contains("no-store") || directives.contains("no-cache")) {
                fresh = 0;
            } else if (maxAge.find()) {
                fresh = Math.min(fresh, TimeUnit.SECONDS.toNanos(Long.parseLong(maxAge.group(1))));
            }
        }
        return Math.max(fresh, config.jwksRefreshInterval().toNanos());
    }

    private static String cause(Throwable error) {
        Throwable t = error;
        while ((t instanceof java.util.concurrent.CompletionException || t instanceof IllegalStateException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        return t.toString();
    }
}
