package org.voc.response;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.voc.events.Topics;
import org.voc.testsupport.TestInfra;
import org.voc.testsupport.Tokens;
import org.voc.testsupport.TopicReader;

/**
 * The outbox under a real broker failure: the test broker's process is frozen (SIGSTOP), so connections stay open
 * and nothing answers, like a broker stuck in a long GC pause or on a dead disk. Responses are still accepted and
 * stored, the service stays ready; their events wait in the outbox and reach the topic exactly once after the broker
 * resumes.
 */
@QuarkusTest
class OutboxKafkaFailureTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Inject
    DataSource dataSource;

    @Test
    void responsesAreAcceptedWhileKafkaIsFrozenAndPublishedOnceItResumes() throws Exception {
        Surveys.Survey survey = Surveys.single(); // replicated before the broker stops
        Map<String, Object> body = Surveys.body(survey.id(), survey.touchpointKey());
        String id = (String) body.get("id");
        long kafka = TestInfra.kafkaPid();

        // Should this JVM die before the finally block, the broker must not stay frozen for everyone else.
        Thread resume = new Thread(() -> resume(kafka));
        Runtime.getRuntime().addShutdownHook(resume);
        signal("STOP", kafka);
        try {
            Surveys.submit(body).then().statusCode(201);
            given().auth()
                    .oauth2(Tokens.user("analyst"))
                    .get("/api/responses/" + id)
                    .then()
                    .statusCode(200)
                    .body("id", equalTo(id));

            OptionalInt attempts = await("the relay records a failed attempt on the outbox row")
                    .atMost(PATIENCE)
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> outboxAttempts(id), row -> row.isEmpty() || row.getAsInt() > 0);
            assertTrue(attempts.isPresent(), "the event waits in the outbox while Kafka does not answer");
            assertTrue(attempts.getAsInt() > 0, "the relay tried and recorded the failed attempt");
            // The pod stays in its Service: the survey pages and the respond API keep working through the outage.
            given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
            // Operators see the backlog: the depth and the age of the oldest waiting event (the outbox-age alert).
            await("the outbox gauges show the waiting event")
                    .atMost(PATIENCE)
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> gauge("voc_outbox_depth") >= 1 && gauge("voc_outbox_oldest_age_seconds") > 0);
        } finally {
            signal("CONT", kafka);
            Runtime.getRuntime().removeShutdownHook(resume);
        }

        try (TopicReader reader = new TopicReader(Topics.RESPONSES)) {
            List<TopicReader.Event> events = reader.awaitAll(e -> id.equals(e.key()), 1, PATIENCE);
            assertEquals(1, events.size(), "the event arrives exactly once after the broker resumes");
            assertEquals("voc.response.submitted.v1", events.get(0).headers().get("ce_type"));
        }
        await().atMost(PATIENCE)
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> assertTrue(outboxAttempts(id).isEmpty(), "the relayed row leaves the outbox"));
    }

    /** Attempts recorded on the response's outbox row, or empty once the row is gone. */
    private OptionalInt outboxAttempts(String responseId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "select attempts from outbox_event where record_key = ? and topic = ?")) {
            query.setString(1, responseId);
            query.setString(2, Topics.RESPONSES);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? OptionalInt.of(rows.getInt(1)) : OptionalInt.empty();
            }
        }
    }

    private static void resume(long pid) {
        try {
            signal("CONT", pid);
        } catch (Exception e) {
            e.printStackTrace();
        }
    }

    private static void signal(String signal, long pid) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
                .inheritIO()
                .start();
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new IllegalStateException("kill -" + signal + " " + pid + " failed");
        }
    }

    /** The value of an unlabelled gauge in the service's Prometheus output. */
    private static double gauge(String name) {
        return given().get("/q/metrics")
                .asString()
                .lines()
                .filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .max()
                .orElse(-1);
    }
}
