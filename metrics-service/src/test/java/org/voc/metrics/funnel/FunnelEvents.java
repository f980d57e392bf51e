package org.voc.metrics.funnel;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.voc.events.InvitationExpired;
import org.voc.events.InvitationIssued;
import org.voc.events.InvitationOpened;
import org.voc.events.ResponseSubmitted;
import org.voc.events.Topics;
import org.voc.testsupport.EventProducer;
import org.voc.testsupport.Tokens;

/**
 * Publishes invitation steps and responses to the real topics as survey-service and response-service do, and reads
 * the funnel the service under test answers.
 */
final class FunnelEvents implements AutoCloseable {

    private static final Duration CONSUMED_TIMEOUT = Duration.ofSeconds(90);

    private final EventProducer producer = new EventProducer();

    /** One invitation of a test: its dimensions and issue time. */
    record Invitation(
            UUID id, UUID surveyId, String touchpoint, String channel, String deliveryChannel, Instant issuedAt) {

        Invitation(String touchpoint, String deliveryChannel, Instant issuedAt) {
            this(UUID.randomUUID(), UUID.randomUUID(), touchpoint, "BRANCH", deliveryChannel, issuedAt);
        }

        InvitationIssued issued() {
            return new InvitationIssued(
                    id,
                    "interaction-" + id,
                    surveyId,
                    1,
                    touchpoint,
                    channel,
                    "RETAIL",
                    "cust-" + id.toString().substring(0, 8),
                    "en",
                    deliveryChannel,
                    "https://voc.example/s/token",
                    issuedAt,
                    issuedAt.plus(14, ChronoUnit.DAYS));
        }

        InvitationOpened opened(Instant at) {
            return new InvitationOpened(id, surveyId, 1, touchpoint, channel, InvitationOpened.VIA_PAGE, at);
        }

        InvitationExpired expired() {
            return new InvitationExpired(id, surveyId, 1, touchpoint, null, issuedAt.plus(14, ChronoUnit.DAYS));
        }

        ResponseSubmitted answered(Instant at) {
            return new ResponseSubmitted(
                    UUID.randomUUID(), surveyId, 1, touchpoint, channel, null, at, 9, List.of(), id);
        }
    }

    static String touchpoint(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    void issue(Invitation invitation) {
        producer.publish(InvitationIssued.TYPE.of(invitation.issued()));
    }

    void open(Invitation invitation, Instant at) {
        producer.publish(InvitationOpened.TYPE.of(invitation.opened(at)));
    }

    void expire(Invitation invitation) {
        producer.publish(InvitationExpired.TYPE.of(invitation.expired()));
    }

    /** Publishes the response and returns it, to send the very same response again. */
    ResponseSubmitted answer(Invitation invitation, Instant at) {
        ResponseSubmitted response = invitation.answered(at);
        answer(response);
        return response;
    }

    void answer(ResponseSubmitted response) {
        producer.publish(
                ResponseSubmitted.TYPE.of(response), null, response.responseId().toString());
    }

    EventProducer producer() {
        return producer;
    }

    /**
     * Waits until the service has consumed everything sent before on both topics: a marker invitation issued on
     * every partition of voc.invitations and a response to one of them on every partition of voc.responses. Kafka
     * delivers each partition in order, so once every marker is counted so is every earlier record.
     */
    void awaitConsumed() {
        int invitationPartitions = producer.partitions(Topics.INVITATIONS);
        int responsePartitions = producer.partitions(Topics.RESPONSES);
        int markers = Math.max(invitationPartitions, responsePartitions);
        String marker = touchpoint("marker");
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < markers; i++) {
            Invitation invitation = new Invitation(marker, "EMAIL", at);
            Integer partition = i < invitationPartitions ? i : null;
            producer.publish(
                    InvitationIssued.TYPE.of(invitation.issued()),
                    partition,
                    UUID.randomUUID().toString());
            if (i < responsePartitions) {
                ResponseSubmitted response = invitation.answered(at);
                producer.publish(
                        ResponseSubmitted.TYPE.of(response),
                        i,
                        response.responseId().toString());
            }
        }
        awaitTotal(Map.of("touchpoint", marker, "from", "2026-01-01", "to", "2026-01-01"), markers, responsePartitions);
    }

    /** Polls the funnel total until it counts {@code issued} and {@code answered}; fails after a long timeout. */
    static JsonPath awaitTotal(Map<String, ?> params, long issued, long answered) {
        return await().atMost(CONSUMED_TIMEOUT)
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(250))
                .until(
                        () -> funnel(params),
                        answer -> answer.getLong("rows[0].issued") == issued
                                && answer.getLong("rows[0].answered") == answered);
    }

    /** The funnel as an analyst sees it. */
    static JsonPath funnel(Map<String, ?> params) {
        return given().auth()
                .oauth2(Tokens.user("analyst"))
                .queryParams(params)
                .get("/api/metrics/funnel")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .extract()
                .jsonPath();
    }

    static void assertCounts(JsonPath row, String path, long issued, long opened, long answered, long expired) {
        assertEquals(issued, row.getLong(path + ".issued"), path + ".issued");
        assertEquals(opened, row.getLong(path + ".opened"), path + ".opened");
        assertEquals(answered, row.getLong(path + ".answered"), path + ".answered");
        assertEquals(expired, row.getLong(path + ".expired"), path + ".expired");
    }

    @Override
    public void close() {
        producer.close();
    }
}
