package org.voc.response.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
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

/** Unknown key ids refresh the JWKS at most once per interval, on a clock of the test's own. */
class InvitationKeysTest {

    private HttpServer server;
    private final AtomicInteger fetches = new AtomicInteger();
    private final AtomicReference<String> jwks = new AtomicReference<>();
    private final AtomicLong now = new AtomicLong(0);

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/jwks", exchange -> {
            fetches.incrementAndGet();
            byte[] body = jwks.get().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private InvitationConfig config() {
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks";
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

    @Test
    void unknownKeyIdsRefreshAtMostOncePerInterval() throws Exception {
        EllipticCurveJsonWebKey first = key("first");
        EllipticCurveJsonWebKey second = key("second");
        publish(jwks, first);
        InvitationKeys keys = new InvitationKeys(config(), now::get);

        assertNotNull(keys.resolveKey(naming("first"), List.of()));
        assertEquals(1, fetches.get());

        assertThrows(UnresolvableKeyException.class, () -> keys.resolveKey(naming("made-up"), List.of()));
        assertEquals(2, fetches.get(), "an unknown kid refreshes once");
        assertThrows(UnresolvableKeyException.class, () -> keys.resolveKey(naming("made-up-2"), List.of()));
        assertEquals(2, fetches.get(), "and not again within the interval");

        publish(jwks, first, second);
        assertThrows(UnresolvableKeyException.class, () -> keys.resolveKey(naming("second"), List.of()));
        now.addAndGet(TimeUnit.SECONDS.toNanos(31));
        assertNotNull(keys.resolveKey(naming("second"), List.of()), "after the interval a new key is found");
        assertEquals(3, fetches.get());
        assertNotNull(keys.resolveKey(naming("first"), List.of()), "known keys need no fetch");
        assertEquals(3, fetches.get());
    }

    @Test
    void unreachableKeysAreNotAnInvalidToken() {
        server.stop(0);
        InvitationKeys keys = new InvitationKeys(config(), now::get);
        assertThrows(InvitationKeys.Unavailable.class, () -> keys.resolveKey(naming("any"), List.of()));
    }
}
