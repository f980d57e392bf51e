package org.voc.response.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.lang.UnresolvableKeyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.voc.response.config.InvitationConfig;
import org.voc.response.domain.InvitationKeys.Unavailable;

/**
 * The JWKS fetcher on a clock of the test's own: unknown key ids refresh at most once per interval, Cache-Control is
 * honoured, and an unreachable survey-service is asked at most once per growing pause (attempts are counted).
 */
class InvitationKeysTest {

    private HttpServer server;
    private final AtomicInteger fetches = new AtomicInteger();
    private final AtomicReference<String> jwks = new AtomicReference<>();
    private final AtomicLong now = new AtomicLong(0);
    private final AtomicReference<String> cacheControl = new AtomicReference<>();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private String url;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/jwks", exchange -> {
            fetches.incrementAndGet();
            if (cacheControl.get() != null) {
                exchange.getResponseHeaders().set("Cache-Control", cacheControl.get());
            }
            byte[] body = jwks.get().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks";
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private InvitationConfig config() {
        String url = this.url;
        return new InvitationConfig() {
            public String jwksUrl() {
                return url;
            }

            public String issuer() {
                return "urn:voc:survey-service";
            }

            public String audience() {
                return "urn:voc:respondent";
            }

            public Duration jwksCacheDuration() {
                return Duration.ofMinutes(10);
            }

            public Duration jwksRefreshInterval() {
                return Duration.ofSeconds(30);
            }

            public Duration jwksTimeout() {
                return Duration.ofSeconds(2);
            }

            public Duration clockSkew() {
                return Duration.ofSeconds(30);
            }

            public int verifiedCacheSize() {
                return 10;
            }

            public int openedCacheSize() {
                return 10;
            }

            public Duration jwksBackoff() {
                return Duration.ofSeconds(1);
            }

            public Duration jwksBackoffMax() {
                return Duration.ofSeconds(8);
            }

            public Duration revocationRefresh() {
                return Duration.ofSeconds(10);
            }
        };
    }

    private static EllipticCurveJsonWebKey key(String kid) throws Exception {
        EllipticCurveJsonWebKey key = EcJwkGenerator.generateJwk(EllipticCurves.P256);
        key.setKeyId(kid);
        return key;
    }

    private static void publish(AtomicReference<String> jwks, JsonWebKey... keys) {
        jwks.set(new JsonWebKeySet(List.of(keys)).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY));
    }

    private static JsonWebSignature naming(String kid) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setKeyIdHeaderValue(kid);
        return jws;
    }

    private InvitationKeys keys() {
        return new InvitationKeys(config(), registry, now::get);
    }

    private double failedFetches() {
        return registry.counter("voc.invitations.jwks.fetches", "outcome", "failed")
                .count();
    }

    private void advance(long seconds) {
        now.addAndGet(TimeUnit.SECONDS.toNanos(seconds));
    }

    @Test
    void unknownKeyIdsRefreshAtMostOncePerInterval() throws Exception {
        EllipticCurveJsonWebKey first = key("first");
        EllipticCurveJsonWebKey second = key("second");
        publish(jwks, first);
        InvitationKeys keys = keys();

        assertNotNull(keys.resolveKey(naming("first"), List.of()));
        assertEquals(1, fetches.get());

        assertThrows(UnresolvableKeyException.class, () -> keys.resolveKey(naming("made-up"), List.of()));
        assertEquals(2, fetches.get(), "an unknown kid refreshes once");
        assertThrows(UnresolvableKeyException.class, () -> keys.resolveKey(naming("made-up-2"), List.of()));
        assertEquals(2, fetches.get(), "and not again within the interval");

        publish(jwks, first, second);
        assertThrows(UnresolvableKeyException.class, () -> keys.resolveKey(naming("second"), List.of()));
        advance(31);
        assertNotNull(keys.resolveKey(naming("second"), List.of()), "after the interval a new key is found");
        assertEquals(3, fetches.get());
        assertNotNull(keys.resolveKey(naming("first"), List.of()), "known keys need no fetch");
        assertEquals(3, fetches.get());
    }

    @Test
    void anUnreachableKeySetIsAskedForAtMostOncePerGrowingPause() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        url = "http://127.0.0.1:" + closed + "/jwks";
        InvitationKeys keys = keys();

        Unavailable first = assertThrows(Unavailable.class, () -> keys.resolveKey(naming("any"), List.of()));
        assertEquals(1, failedFetches());
        assertEquals(Duration.ofSeconds(1), first.retryAfter(), "Retry-After: the pause left");
        for (int i = 0; i < 50; i++) {
            assertThrows(Unavailable.class, () -> keys.resolveKey(naming("any"), List.of()));
        }
        assertEquals(1, failedFetches(), "no fetch during the pause: fifty tokens, one attempt");

        advance(1);
        assertThrows(Unavailable.class, () -> keys.resolveKey(naming("any"), List.of()));
        assertEquals(2, failedFetches());
        advance(1);
        Unavailable later = assertThrows(Unavailable.class, () -> keys.resolveKey(naming("any"), List.of()));
        assertEquals(2, failedFetches(), "the pause doubled after the second failure");
        assertEquals(Duration.ofSeconds(1), later.retryAfter());
        advance(1);
        assertThrows(Unavailable.class, () -> keys.resolveKey(naming("any"), List.of()));
        assertEquals(3, failedFetches());
        for (int failures = 3; failures < 10; failures++) {
            advance(60);
            assertThrows(Unavailable.class, () -> keys.resolveKey(naming("any"), List.of()));
        }
        assertEquals(10, failedFetches());
        Unavailable capped = assertThrows(Unavailable.class, () -> keys.resolveKey(naming("any"), List.of()));
        assertEquals(Duration.ofSeconds(8), capped.retryAfter(), "the pause stops growing at jwks-backoff-max");
    }

    @Test
    void keysOutliveAnOutageAndTheirMaxAgeIsHonoured() throws Exception {
        EllipticCurveJsonWebKey first = key("first");
        publish(jwks, first);
        cacheControl.set("public, max-age=60");
        InvitationKeys keys = keys();
        assertNotNull(keys.resolveKey(naming("first"), List.of()));
        assertEquals(1, fetches.get());

        advance(59);
        assertNotNull(keys.resolveKey(naming("first"), List.of()));
        assertEquals(1, fetches.get(), "fresh for its max-age: no fetch");

        advance(2);
        assertNotNull(keys.resolveKey(naming("first"), List.of()), "stale keys answer while a refresh runs");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> fetches.get() == 2);

        server.stop(0);
        advance(61);
        // survey-service is gone: the known key keeps verifying (for the cache duration again), and the failed
        // refreshes are paced by the backoff.
        for (int i = 0; i < 20; i++) {
            assertNotNull(keys.resolveKey(naming("first"), List.of()));
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> failedFetches() == 1);
        for (int i = 0; i < 20; i++) {
            assertNotNull(keys.resolveKey(naming("first"), List.of()));
        }
        assertEquals(1, failedFetches(), "one attempt per pause");
        advance(TimeUnit.MINUTES.toSeconds(11));
        assertThrows(Unavailable.class, () -> keys.resolveKey(naming("first"), List.of()), "not for ever");
    }

    @Test
    void aMaxAgeLongerThanTheCacheDurationIsCut() throws Exception {
        publish(jwks, key("first"));
        cacheControl.set("max-age=86400");
        InvitationKeys keys = keys();
        assertNotNull(keys.resolveKey(naming("first"), List.of()));
        advance(TimeUnit.MINUTES.toSeconds(10) + 1);
        assertNotNull(keys.resolveKey(naming("first"), List.of()));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> fetches.get() == 2);
        assertTrue(fetches.get() >= 2, "a key retired by survey-service must leave this cache too");
    }
}
