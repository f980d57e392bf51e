package org.voc.response;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.voc.events.ErasureRequested;
import org.voc.events.Topics;
import org.voc.kit.retention.Retention;
import org.voc.testsupport.EventProducer;
import org.voc.testsupport.TopicReader;

/** Erasure and retention of responses against the real database and broker. */
@QuarkusTest
class PrivacyTest {

    @Inject
    DataSource db;

    @Inject
    Retention retention;

    @Test
    void anErasureAnonymisesTheCustomersResponsesAndReportsItOnceAndAgainWithZero() throws Exception {
        Surveys.Survey survey = Surveys.single();
        String customer = "erase-" + UUID.randomUUID();
        List<String> erased = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Map<String, Object> body = Surveys.body(survey.id(), survey.touchpointKey());
            body.put("customerRef", customer);
            body.put("segment", "RETAIL");
            body.put("employeeRef", "emp-12");
            body.put("processRef", "order-" + customer);
            Surveys.awaitAccepted(body);
            erased.add((String) body.get("id"));
        }
        Map<String, Object> other = Surveys.body(survey.id(), survey.touchpointKey());
        Surveys.awaitAccepted(other);

        UUID erasureId = UUID.randomUUID();
        try (TopicReader reports = new TopicReader(Topics.ERASURE_REPORTS);
                EventProducer producer = new EventProducer()) {
            producer.publish(ErasureRequested.TYPE.of(new ErasureRequested(erasureId, customer, Instant.now())));
            JsonNode report =
                    read(reports.awaitMatching(e -> erasureId.toString().equals(e.key()), Duration.ofSeconds(60))
                            .get(0)
                            .value());
            assertEquals("response-service", report.get("service").asText());
            assertEquals(2, report.get("counts").get("responses").asLong());

            for (String id : erased) {
                assertNull(text(id, "customer_ref"), "the reference is gone");
                JsonNode answers = read(text(id, "answers"));
                assertEquals(3, answers.get(0).get("score").asInt(), "scores name nobody and stay");
                assertTrue(answers.get(1).get("text").isNull(), "the free text is gone");
                assertNull(text(id, "process_ref"), "the process reference leads back to the customer: gone");
                assertEquals("RETAIL", text(id, "segment"), "a segment names nobody");
                assertEquals("emp-12", text(id, "employee_ref"), "nor does the employee");
            }
            assertEquals(other.get("customerRef"), text((String) other.get("id"), "customer_ref"));
            assertTrue(text((String) other.get("id"), "answers").contains("a week late"), "others keep theirs");

            // Applying the same request again (a redelivery, a re-sent request) changes nothing and reports zero.
            producer.publish(ErasureRequested.TYPE.of(new ErasureRequested(erasureId, customer, Instant.now())));
            // The reader has consumed the first report: the next one for this erasure is the repeat's.
            JsonNode again =
                    read(reports.awaitMatching(e -> erasureId.toString().equals(e.key()), Duration.ofSeconds(60))
                            .get(0)
                            .value());
            assertEquals(0, again.get("counts").get("responses").asLong());
        }
    }

    @Test
    void retentionBlanksOldVerbatimsKeepsYoungOnesAndConcurrentSweepsDoNotClash() throws Exception {
        Surveys.Survey survey = Surveys.single();
        List<String> old = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Map<String, Object> body = Surveys.body(survey.id(), survey.touchpointKey());
            Surveys.awaitAccepted(body);
            old.add((String) body.get("id"));
        }
        Map<String, Object> young = Surveys.body(survey.id(), survey.touchpointKey());
        Surveys.awaitAccepted(young);
        Instant now = Instant.now();
        // voc.retention.verbatims is P400D in tests: age these responses beyond it, and the young one to just below.
        for (String id : old) {
            age(id, now.minus(500, ChronoUnit.DAYS));
        }
        age((String) young.get("id"), now.minus(300, ChronoUnit.DAYS));

        CompletableFuture<Long> a = CompletableFuture.supplyAsync(() -> retention.sweep(now));
        CompletableFuture<Long> b = CompletableFuture.supplyAsync(() -> retention.sweep(now));
        assertEquals(5, a.get(60, TimeUnit.SECONDS) + b.get(60, TimeUnit.SECONDS), "each old response once");

        for (String id : old) {
            JsonNode answers = read(text(id, "answers"));
            assertTrue(answers.get(1).get("text").isNull());
            assertEquals(3, answers.get(0).get("score").asInt());
            assertTrue(text(id, "customer_ref").startsWith("cust-"), "retention blanks words, not the reference");
        }
        assertTrue(text((String) young.get("id"), "answers").contains("a week late"));
        assertEquals(0, retention.sweep(now), "nothing is left to blank");
    }

    private static JsonNode read(String json) {
        try {
            return Surveys.JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String text(String id, String column) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement select =
                        c.prepareStatement("select " + column + "::text from response where id = ?::uuid")) {
            select.setString(1, id);
            try (ResultSet rows = select.executeQuery()) {
                assertTrue(rows.next(), "response " + id + " is stored");
                return rows.getString(1);
            }
        }
    }

    private void age(String id, Instant receivedAt) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement update =
                        c.prepareStatement("update response set received_at = ? where id = ?::uuid")) {
            update.setObject(1, receivedAt.atOffset(ZoneOffset.UTC));
            update.setString(2, id);
            assertEquals(1, update.executeUpdate());
        }
    }
}
