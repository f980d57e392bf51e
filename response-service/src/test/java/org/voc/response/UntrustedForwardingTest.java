package org.voc.response;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Forwarding is on, but only for the ingress controllers' network (10.0.0.0/8), and this test's requests come from
 * 127.0.0.1: a client cannot pick its own bucket with a made-up X-Forwarded-For or Forwarded header, its socket peer
 * is the address limited.
 */
@QuarkusTest
@TestProfile(UntrustedForwardingTest.TrustedIngressOnly.class)
class UntrustedForwardingTest {

    public static class TrustedIngressOnly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "voc.respondent.rate-limit.requests-per-minute", "1",
                    "voc.respondent.rate-limit.burst", "3",
                    "quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.allow-x-forwarded", "true",
                    "quarkus.http.proxy.trusted-proxies", "10.0.0.0/8");
        }
    }

    @Test
    void spoofedForwardedHeadersFromAnUntrustedPeerDoNotEscapeTheLimit() {
        for (int i = 0; i < 3; i++) {
            given().header("X-Forwarded-For", "198.51.100." + i)
                    .get("/api/respond/{token}", "not-a-token")
                    .then()
                    .statusCode(404);
        }
        given().header("X-Forwarded-For", "198.51.100.77")
                .get("/api/respond/{token}", "not-a-token")
                .then()
                .statusCode(429);
        given().header("X-Forwarded-For", "198.51.100.78, 10.1.2.3")
                .get("/s/{token}", "not-a-token")
                .then()
                .statusCode(429);
        given().header("Forwarded", "for=198.51.100.79")
                .get("/api/respond/{token}", "not-a-token")
                .then()
                .statusCode(429);
        given().get("/api/respond/{token}", "not-a-token").then().statusCode(429);
    }
}
