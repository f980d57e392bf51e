package org.voc.response;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The per-address token bucket on the public endpoints, with a tiny limit, behind a (pretend) ingress whose address
 * (this test's, 127.0.0.1) is a trusted proxy: the X-Forwarded-For client is the one limited, each address in its own
 * bucket. {@link UntrustedForwardingTest} sends the same headers from a peer that is not trusted.
 */
@QuarkusTest
@TestProfile(RespondentRateLimitTest.TinyLimit.class)
class RespondentRateLimitTest {

    @Inject
    DataSource db;

    public static class TinyLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "voc.respondent.rate-limit.requests-per-minute",
                    "1",
                    "voc.respondent.rate-limit.burst",
                    "2",
                    "quarkus.http.proxy.proxy-address-forwarding",
                    "true",
                    "quarkus.http.proxy.allow-x-forwarded",
                    "true",
                    "quarkus.http.proxy.trusted-proxies",
                    "127.0.0.1");
        }
    }

    @Test
    void anEncodedPathCountsAgainstTheSameLimit() {
        String client = "203.0.113.9";
        for (int i = 0; i < 2; i++) {
            given().urlEncodingEnabled(false)
                    .header("X-Forwarded-For", client)
                    .get("/api/re%73pond/not-a-token")
                    .then()
                    .statusCode(404);
        }
        given().urlEncodingEnabled(false)
                .header("X-Forwarded-For", client)
                .get("/api/re%73pond/not-a-token")
                .then()
                .statusCode(429)
                .header("Cache-Control", "no-store");
        given().urlEncodingEnabled(false)
                .header("X-Forwarded-For", client)
                .get("/%73/not-a-token")
                .then()
                .statusCode(429);
    }

    @Test
    void aClientOverItsLimitIsToldWhenToComeBack() {
        String client = "203.0.113.7";
        for (int i = 0; i < 2; i++) {
            given().header("X-Forwarded-For", client)
                    .get("/api/respond/{token}", "not-a-token")
                    .then()
                    .statusCode(404);
        }
        given().header("X-Forwarded-For", client)
                .get("/api/respond/{token}", "not-a-token")
                .then()
                .statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", Integer::parseInt, org.hamcrest.Matchers.greaterThanOrEqualTo(1))
                .header("Cache-Control", "no-store")
                .body("type", equalTo("urn:voc:problem:rate-limited"))
                .body("status", equalTo(429));
        String page = given().header("X-Forwarded-For", client)
                .header("Accept-Language", "fr")
                .get("/s/{token}", "not-a-token")
                .then()
                .statusCode(429)
                .contentType(startsWith("text/html"))
                .header("Retry-After", Integer::parseInt, org.hamcrest.Matchers.greaterThanOrEqualTo(1))
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .extract()
                .asString();
        assertTrue(page.contains("Trop de requêtes"), page);

        // Another respondent behind the same ingress has a bucket of its own.
        given().header("X-Forwarded-For", "203.0.113.8")
                .get("/api/respond/{token}", "not-a-token")
                .then()
                .statusCode(404);
        // Authenticated APIs are not limited by it.
        given().header("X-Forwarded-For", client)
                .get("/api/responses/{id}", "x")
                .then()
                .statusCode(401);

        given().get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("voc_respondent_rate_limited_total{endpoint=\"api\""))
                .body(containsString("voc_respondent_rate_limited_total{endpoint=\"page\""));
    }

    @Test
    void aLimitedClientsViewsOpenNothing() throws SQLException {
        InvitationToken invitation = InvitedSurveys.invitation();
        String token = invitation.sign();
        String client = "203.0.113.21";
        for (int i = 0; i < 2; i++) {
            given().header("X-Forwarded-For", client)
                    .get("/api/respond/{token}", "not-a-token")
                    .then()
                    .statusCode(404);
        }
        given().header("X-Forwarded-For", client)
                .get("/s/{token}", token)
                .then()
                .statusCode(429);
        given().header("X-Forwarded-For", client)
                .get("/api/respond/{token}", token)
                .then()
                .statusCode(429);
        assertNull(openedVia(invitation.invitationId), "a refused view is no opening");

        // Other clients' views open it, once the survey is replicated (503 until then); each poll has its own bucket.
        AtomicInteger clients = new AtomicInteger();
        await("the invitation's page is shown")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> given().header("X-Forwarded-For", "198.51.100." + (clients.incrementAndGet() % 250 + 1))
                                .get("/s/{token}", token)
                                .statusCode()
                        == 200);
        assertEquals("PAGE", openedVia(invitation.invitationId));
    }

    private String openedVia(UUID invitationId) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement select =
                        c.prepareStatement("select via from opened_invitation where invitation_id = ?")) {
            select.setObject(1, invitationId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }
}
