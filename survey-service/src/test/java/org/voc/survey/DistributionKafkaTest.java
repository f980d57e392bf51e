package org.voc.survey;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.voc.survey.Distribution.as;
import static org.voc.survey.Distribution.await;
import static org.voc.survey.Distribution.ingest;
import static org.voc.survey.Distribution.invitingSurvey;
import static org.voc.survey.Distribution.send;
import static org.voc.survey.Distribution.touchpoint;
import static org.voc.survey.Distribution.unique;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.voc.events.Topics;
import org.voc.survey.invitation.domain.InvitationExpiry;
import org.voc.testsupport.TopicReader;

/** The Kafka side of distribution: interactions from voc.interactions, dead letters, the replica, and expiry. */
@QuarkusTest
class DistributionKafkaTest {

    @Inject
    DataSource db;

    @Inject
    InvitationExpiry expiry;

    @Test
    void interactionsFromKafkaAreDecidedLikeTheApi() {
        String tp = touchpoint(db);
        invitingSurvey(tp, 1.0, "P7D", "P0D");
        String id = unique("kafka-visit");
        String customer = unique("cust");
        send(Topics.INTERACTIONS, customer, """
                {"interactionId": "%s", "customerRef": "%s", "touchpointKey": "%s", "channel": "BRANCH",
                 "segment": "RETAIL", "occurredAt": null,
                  "someFutureField": 1}""".formatted(id, customer, tp), "voc.interaction.v1");
        await(
                () -> as("analyst").get("/api/interactions/" + id + "/decision").statusCode() == 200,
                "the interaction from Kafka is decided");
        as("pii-analyst")
                .get("/api/interactions/" + id + "/decision")
                .then()
                .body("outcome", equalTo("INVITED"))
                .body("customerRef", equalTo(customer));
    }

    @Test
    void unusableRecordsGoToTheDeadLetterTopic() {
        String poison = unique("poison");
        String invalid = unique("invalid");
        send(Topics.INTERACTIONS, poison, "{not json", "voc.interaction.v1");
        send(Topics.INTERACTIONS, invalid, """
                {"interactionId": "%s", "touchpointKey": "k",
                 "channel": "BRANCH"}""".formatted(invalid), "voc.interaction.v1");
        try (TopicReader reader = new TopicReader(Topics.INTERACTIONS + ".dlq")) {
            List<TopicReader.Event> poisoned =
                    reader.awaitMatching(e -> poison.equals(e.key()), Duration.ofSeconds(60));
            assertEquals(1, poisoned.size());
            assertEquals("{not json", poisoned.get(0).value(), "the record is kept as it was");
            assertTrue(poisoned.get(0).headers().get("dlq-reason").contains("unreadable"));
            assertEquals(Topics.INTERACTIONS, poisoned.get(0).headers().get("dlq-topic"));
        }
        try (TopicReader reader = new TopicReader(Topics.INTERACTIONS + ".dlq")) {
            List<TopicReader.Event> rejected =
                    reader.awaitMatching(e -> invalid.equals(e.key()), Duration.ofSeconds(60));
            assertEquals(1, rejected.size());
            assertTrue(
                    rejected.get(0).headers().get("dlq-reason").contains("customerRef is required"),
                    rejected.get(0).headers().toString());
        }
        String metrics = io.restassured.RestAssured.get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(metrics.contains("voc_events_rejected_total{topic=\"voc.interactions\"}"), "rejections are counted");
    }

    @Test
    void interactionsNameTheirTouchpointByExternalReference() {
        String key = unique("tp");
        String ref = unique("card.delivered");
        touchpoint(db, UUID.randomUUID(), key, "ACTIVE", 0, "[{\"system\": \"crm\", \"ref\": \"" + ref + "\"}]");
        invitingSurvey(key, 1.0, "P7D", "P0D");
        ingest().body("""
                {"interactionId": "%s", "customerRef": "%s", "touchpointRef": {"system": "crm", "ref": "%s"},
                 "channel": "BRANCH"}""".formatted(unique("visit"), unique("cust"), ref))
                .post("/api/interactions")
                .then()
                .statusCode(201)
                .body("outcome", equalTo("INVITED"))
                .body("touchpointKey", equalTo(key))
                .body("touchpointRef.system", equalTo("crm"))
                .body("touchpointRef.ref", equalTo(ref));
        ingest().body("""
                {"interactionId": "%s", "customerRef": "%s", "touchpointRef": {"system": "crm", "ref": "%s"},
                 "channel": "BRANCH"}""".formatted(unique("visit"), unique("cust"), ref + "-unknown"))
                .post("/api/interactions")
                .then()
                .statusCode(201)
                .body("reason", equalTo("UNKNOWN_TOUCHPOINT"));
    }

    @Test
    void expiredInvitationsAreMarkedAndPublished() {
        String tp = touchpoint(db);
        invitingSurvey(tp, 1.0, "PT1H", "P0D");
        Response invited = ingest().body(Distribution.interaction(unique("visit"), unique("cust"), tp, null))
                .post("/api/interactions");
        String invitationId = invited.then().statusCode(201).extract().path("invitation.id");
        // The minimum TTL is an hour: move this invitation's expiry into the past instead of waiting.
        Distribution.sql(
                db,
                "update invitation set expires_at = now() - interval '1 minute' where id = ?",
                UUID.fromString(invitationId));
        expiry.sweep();
        as("analyst")
                .get("/api/invitations/" + invitationId)
                .then()
                .statusCode(200)
                .body("status", equalTo("EXPIRED"));
        try (TopicReader reader = new TopicReader(Topics.INVITATIONS)) {
            List<TopicReader.Event> expired = reader.awaitMatching(
                    e -> invitationId.equals(e.key())
                            && "voc.invitation.expired.v1".equals(e.headers().get("ce_type")),
                    Duration.ofSeconds(30));
            assertEquals(1, expired.size());
            assertTrue(expired.get(0).value().contains("\"expiredAt\""));
        }
        expiry.sweep(); // nothing is due any more for it: no second event, no error
        assertEquals(
                1,
                Distribution.count(
                        db,
                        "select count(*) from invitation where id = ? and status = 'EXPIRED'",
                        UUID.fromString(invitationId)));
    }
}
