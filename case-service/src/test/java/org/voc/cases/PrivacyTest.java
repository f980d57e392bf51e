package org.voc.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.voc.cases.domain.TeamReplicaService;
import org.voc.cases.persistence.TouchpointReplicaRepository;
import org.voc.events.ErasureRequested;
import org.voc.events.ResponseSubmitted;
import org.voc.events.Topics;
import org.voc.kit.retention.Retention;
import org.voc.testsupport.EventProducer;
import org.voc.testsupport.TopicReader;

/** Erasure and retention of cases against the real database and broker. */
@QuarkusTest
class PrivacyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Events events;

    @Inject
    DataSource db;

    @Inject
    Retention retention;

    @Inject
    TeamReplicaService teams;

    @Inject
    TouchpointReplicaRepository touchpoints;

    @BeforeAll
    static void connect() {
        events = new Events();
    }

    @AfterAll
    static void disconnect() {
        events.close();
    }

    @Test
    void anErasureAnonymisesTheCustomersCasesAndReportsItOnceAndAgainWithZero() throws Exception {
        String key = "tp-" + Events.unique();
        ResponseSubmitted angry = Events.response(key, 2, "Call me on 0123 456 789, I am furious");
        ResponseSubmitted other = Events.response(key, 1, "Still waiting");
        events.publish(angry, null);
        events.publish(other, null);
        Map<String, Object> erasedCase = Cases.awaitCaseOf(key, angry.responseId(), "the case is opened");
        Cases.awaitCaseOf(key, other.responseId(), "the other case is opened");

        UUID erasureId = UUID.randomUUID();
        try (TopicReader reports = new TopicReader(Topics.ERASURE_REPORTS);
                EventProducer producer = new EventProducer()) {
            producer.publish(
                    ErasureRequested.TYPE.of(new ErasureRequested(erasureId, angry.customerRef(), Instant.now())));
            JsonNode report = JSON.readTree(
                    reports.awaitMatching(e -> erasureId.toString().equals(e.key()), Duration.ofSeconds(60))
                            .get(0)
                            .value());
            assertEquals("case-service", report.get("service").asText());
            assertEquals(1, report.get("counts").get("cases").asLong());

            Cases.as("manager")
                    .get("/api/cases/" + erasedCase.get("id"))
                    .then()
                    .statusCode(200)
                    .body("customerRef", org.hamcrest.Matchers.nullValue())
                    .body("comment", org.hamcrest.Matchers.nullValue())
                    .body("nps", org.hamcrest.Matchers.equalTo(2));
            assertEquals(0, count("select count(*) from customer_case where customer_ref = ?", angry.customerRef()));
            assertEquals(1, count("select count(*) from customer_case where customer_ref = ?", other.customerRef()));

            producer.publish(
                    ErasureRequested.TYPE.of(new ErasureRequested(erasureId, angry.customerRef(), Instant.now())));
            // The reader has consumed the first report: the next one for this erasure is the repeat's.
            JsonNode again =
                    read(reports.awaitMatching(e -> erasureId.toString().equals(e.key()), Duration.ofSeconds(60))
                            .get(0)
                            .value());
            assertEquals(0, again.get("counts").get("cases").asLong(), "applying it again is harmless and reported");
        }
    }

    @Test
    void anErasureAlsoScrubsTheNotesAgentsWroteAboutTheCase() throws Exception {
        try (WorkFixture team = new WorkFixture(teams, touchpoints, List.of("agent"), List.of())) {
            String id = team.openOne();
            WorkFixture.done("agent", id, "claim", null);
            WorkFixture.done("agent", id, "contact", WorkFixture.CONTACT);
            WorkFixture.done("agent", id, "resolve", WorkFixture.RESOLVE);
            WorkFixture.done("agent", id, "reopen", WorkFixture.REOPEN);
            WorkFixture.done("agent", id, "contact", WorkFixture.CONTACT);
            WorkFixture.done("agent", id, "resolve", WorkFixture.RESOLVE);
            String customer = text("select customer_ref from customer_case where id = ?::uuid", id);
            assertEquals(
                    5,
                    count(
                            "select count(*) from case_history where case_id = ?::uuid"
                                    + " and (jsonb_exists(details, 'note') or jsonb_exists(details, 'reason'))",
                            id),
                    "two contacts, two resolutions and the reopening name what was said");

            UUID erasureId = UUID.randomUUID();
            try (TopicReader reports = new TopicReader(Topics.ERASURE_REPORTS);
                    EventProducer producer = new EventProducer()) {
                producer.publish(ErasureRequested.TYPE.of(new ErasureRequested(erasureId, customer, Instant.now())));
                reports.awaitMatching(e -> erasureId.toString().equals(e.key()), Duration.ofSeconds(60));
            }
            assertEquals(
                    0,
                    count(
                            "select count(*) from case_history where case_id = ?::uuid"
                                    + " and (jsonb_exists(details, 'note') or jsonb_exists(details, 'reason'))",
                            id));
            assertEquals(
                    0,
                    count(
                            "select count(*) from customer_case where id = ?::uuid"
                                    + " and (resolution_note is not null or customer_ref is not null)",
                            id));
            assertEquals(
                    1,
                    count(
                            "select count(*) from case_history where case_id = ?::uuid"
                                    + " and details ->> 'channel' = 'PHONE' and details ->> 'outcome' = 'REACHED'"
                                    + " and action = 'CONTACT' and actor = 'agent' and (details ->> 'first')::boolean",
                            id),
                    "what names nobody stays");
        }
    }

    @Test
    void retentionDeletesOldFinishedCasesKeepsOpenAndYoungOnesAndConcurrentSweepsDoNotClash() throws Exception {
        Instant now = Instant.now();
        String team = "retention-" + Events.unique();
        // voc.retention.closed-cases is P400D in tests.
        for (int i = 0; i < 12; i++) {
            insert(team, i % 2 == 0 ? "CLOSED" : "RESOLVED", now.minus(500, ChronoUnit.DAYS));
        }
        insert(team, "OPEN", now.minus(500, ChronoUnit.DAYS));
        insert(team, "CLOSED", now.minus(300, ChronoUnit.DAYS));
        // Cases being worked are never finished, however old.
        for (String working : List.of("ASSIGNED", "IN_CONTACT", "WAITING_ON_CUSTOMER")) {
            insert(team, working, now.minus(500, ChronoUnit.DAYS));
        }

        CompletableFuture<Long> a = CompletableFuture.supplyAsync(() -> retention.sweep(now));
        CompletableFuture<Long> b = CompletableFuture.supplyAsync(() -> retention.sweep(now));
        assertEquals(12, a.get(60, TimeUnit.SECONDS) + b.get(60, TimeUnit.SECONDS), "each old finished case once");
        assertEquals(1, count("select count(*) from customer_case where team = ? and status = 'OPEN'", team));
        assertEquals(
                3,
                count(
                        "select count(*) from customer_case where team = ?"
                                + " and status in ('ASSIGNED', 'IN_CONTACT', 'WAITING_ON_CUSTOMER')",
                        team));
        assertEquals(1, count("select count(*) from customer_case where team = ? and status = 'CLOSED'", team));
        assertEquals(0, retention.sweep(now), "nothing is left to delete");
    }

    private void insert(String team, String status, Instant openedAt) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement insert = c.prepareStatement("""
                        insert into customer_case (id, response_id, survey_id, touchpoint_key, team, customer_ref, nps,
                            priority, status, opened_at, due_at)
                        values (?, ?, ?, 'tp-old', ?, 'cust-old', 2, 'HIGH', ?, ?, ?)""")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setObject(2, UUID.randomUUID());
            insert.setObject(3, UUID.randomUUID());
            insert.setString(4, team);
            insert.setString(5, status);
            insert.setObject(6, openedAt.atOffset(ZoneOffset.UTC));
            insert.setObject(7, openedAt.plus(1, ChronoUnit.DAYS).atOffset(ZoneOffset.UTC));
            insert.executeUpdate();
        }
    }

    private String text(String sql, String param) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement select = c.prepareStatement(sql)) {
            select.setString(1, param);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }

    private long count(String sql, String param) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement select = c.prepareStatement(sql)) {
            select.setString(1, param);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
