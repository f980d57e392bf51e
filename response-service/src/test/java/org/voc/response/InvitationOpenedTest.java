package org.voc.response;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.voc.response.InvitationApiTest.answers;
import static org.voc.response.InvitationApiTest.respond;
import static org.voc.response.InvitationApiTest.show;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.voc.events.InvitationRevoked;
import org.voc.events.Topics;
import org.voc.kit.retention.Retention;
import org.voc.testsupport.EventProducer;
import org.voc.testsupport.TopicReader;

/**
 * The response-rate funnel's "opened" step: the first view of an invitation, on the hosted page or through the
 * respondent API, is recorded once and published once as voc.invitation.opened.v1; views of invitations that cannot
 * be answered record nothing, and retention forgets the record once the invitation is long dead.
 */
@QuarkusTest
class InvitationOpenedTest {

    @Inject
    DataSource db;

    @Inject
    Retention retention;

    @Test
    void manyViewsOfOneInvitationAreOneOpeningByTheFirstWay() throws Exception {
        InvitationToken invitation = InvitedSurveys.invitation();
        invitation.channel = "BRANCH";
        String token = invitation.sign();
        given().get("/s/{token}", token).then().statusCode(200);
        given().get("/s/{token}", token).then().statusCode(200);
        show(token).statusCode(200);

        List<JsonNode> events = opened(invitation.invitationId, 1);
        assertEquals(1, events.size(), "one opening however many views: " + events);
        JsonNode event = events.get(0);
        assertEquals(
                invitation.invitationId.toString(), event.get("invitationId").asText());
        assertEquals(invitation.surveyId.toString(), event.get("surveyId").asText());
        assertEquals(1, event.get("surveyVersion").asInt());
        assertEquals(invitation.touchpointKey, event.get("touchpointKey").asText());
        assertEquals("BRANCH", event.get("channel").asText());
        assertEquals("PAGE", event.get("via").asText());
        assertFalse(event.has("customerRef"), "no customer in the funnel's events");
        assertEquals("PAGE", via(invitation.invitationId));
        Instant openedAt = Instant.parse(event.get("openedAt").asText());
        assertEquals(openedAt, openedAt(invitation.invitationId), "the event tells the time recorded");
    }

    @Test
    void theApiOpensItWhenItIsFirst() throws Exception {
        InvitationToken invitation = InvitedSurveys.invitation();
        String token = invitation.sign();
        show(token).statusCode(200);
        given().get("/s/{token}", token).then().statusCode(200);

        List<JsonNode> events = opened(invitation.invitationId, 1);
        assertEquals(1, events.size(), "one opening: " + events);
        assertEquals("API", events.get(0).get("via").asText());
        assertEquals("EMAIL", events.get(0).get("channel").asText());
    }

    @Test
    void concurrentFirstViewsAreOneOpening() throws Exception {
        InvitationToken invitation = InvitedSurveys.invitation();
        String token = invitation.sign();
        int viewers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(viewers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> views = new ArrayList<>();
            for (int i = 0; i < viewers; i++) {
                boolean page = i % 2 == 0;
                Callable<Integer> view = () -> {
                    start.await();
                    return page
                            ? given().get("/s/{token}", token).statusCode()
                            : given().get("/api/respond/{token}", token).statusCode();
                };
                views.add(pool.submit(view));
            }
            start.countDown();
            for (Future<Integer> view : views) {
                assertEquals(200, view.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, opened(invitation.invitationId, 1).size(), "concurrent first views: still one opening");
        assertTrue(recorded(invitation.invitationId));
    }

    @Test
    void invitationsThatCannotBeAnsweredAreNeverOpened() throws Exception {
        InvitationToken expired = InvitedSurveys.invitation();
        expired.issuedAt = Instant.now().minus(Duration.ofDays(20));
        expired.expiresAt = Instant.now().minus(Duration.ofDays(6));
        given().get("/s/{token}", expired.sign()).then().statusCode(410);
        show(expired.sign()).statusCode(410);

        InvitationToken forged = InvitedSurveys.invitation();
        given().get("/s/{token}", forged.signWithKeyOf(InvitationKeyring.UNPUBLISHED))
                .then()
                .statusCode(404);
        show(forged.signWithKeyOf(InvitationKeyring.UNPUBLISHED)).statusCode(404);

        InvitationToken revoked = InvitedSurveys.invitation();
        try (EventProducer producer = new EventProducer()) {
            producer.publish(InvitationRevoked.TYPE.of(new InvitationRevoked(
                    revoked.invitationId, revoked.surveyId, 1, revoked.customerRef, Instant.now())));
        }
        awaitRevoked(revoked.sign());
        given().get("/s/{token}", revoked.sign()).then().statusCode(410);
        show(revoked.sign()).statusCode(410);

        InvitationToken answered = InvitedSurveys.invitation();
        respond(answered.sign(), answers(UUID.randomUUID(), 9)).statusCode(201);
        given().get("/s/{token}", answered.sign()).then().statusCode(409);
        show(answered.sign()).statusCode(200);

        for (InvitationToken refused : List.of(expired, forged, revoked, answered)) {
            assertFalse(recorded(refused.invitationId), "no opening for " + refused.invitationId);
            assertEquals(List.of(), opened(refused.invitationId, 0), "no event for " + refused.invitationId);
        }
    }

    @Test
    void retentionForgetsOpeningsOnceTheInvitationIsLongDead() throws Exception {
        InvitationToken old = InvitedSurveys.invitation();
        InvitationToken young = InvitedSurveys.invitation();
        show(old.sign()).statusCode(200);
        show(young.sign()).statusCode(200);
        Instant now = Instant.now();
        // voc.retention.opened-invitations defaults to P91D, beyond the longest invitation time-to-live (P90D).
        age(old.invitationId, now.minus(92, ChronoUnit.DAYS));
        age(young.invitationId, now.minus(89, ChronoUnit.DAYS));

        assertTrue(retention.sweep(now) >= 1);
        assertFalse(recorded(old.invitationId), "an opening older than the limit is deleted");
        assertTrue(recorded(young.invitationId), "a younger one stays: its invitation may still be live");
    }

    /**
     * Waits until this replica refuses the revoked token, asking with answers that could never be stored (the
     * required NPS question is missing: 400 until the revocation arrives, 410 after), so that no view opens it.
     */
    private static void awaitRevoked(String token) {
        await("the revocation is applied")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() ->
                        respond(token, Map.of("answers", List.of())).extract().statusCode() == 410);
    }

    /** The voc.invitation.opened.v1 records of the invitation, read until {@code expected} came and a while more. */
    private static List<JsonNode> opened(UUID invitationId, int expected) throws Exception {
        try (TopicReader reader = new TopicReader(Topics.INVITATIONS)) {
            List<JsonNode> events = new ArrayList<>();
            for (TopicReader.Event e : reader.awaitAll(
                    e -> invitationId.toString().equals(e.key())
                            && "voc.invitation.opened.v1".equals(e.headers().get("ce_type")),
                    expected,
                    Duration.ofSeconds(30))) {
                events.add(Surveys.JSON.readTree(e.value()));
            }
            return events;
        }
    }

    private boolean recorded(UUID invitationId) throws SQLException {
        return via(invitationId) != null;
    }

    private String via(UUID invitationId) throws SQLException {
        return column(invitationId, "via");
    }

    private Instant openedAt(UUID invitationId) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement select =
                        c.prepareStatement("select opened_at from opened_invitation where invitation_id = ?")) {
            select.setObject(1, invitationId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next()
                        ? rows.getObject(1, java.time.OffsetDateTime.class).toInstant()
                        : null;
            }
        }
    }

    private String column(UUID invitationId, String column) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement select =
                        c.prepareStatement("select " + column + " from opened_invitation where invitation_id = ?")) {
            select.setObject(1, invitationId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    private void age(UUID invitationId, Instant openedAt) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement update =
                        c.prepareStatement("update opened_invitation set opened_at = ? where invitation_id = ?")) {
            update.setObject(1, openedAt.atOffset(java.time.ZoneOffset.UTC));
            update.setObject(2, invitationId);
            assertEquals(1, update.executeUpdate());
        }
    }
}
