package org.voc.response;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.voc.events.Topics;
import org.voc.testsupport.TopicReader;

/** Many concurrent submissions go through the group-commit writer without loss or duplication. */
@QuarkusTest
class ConcurrentSubmitTest {

    private static final int RESPONSES = 200;
    private static final int THREADS = 16;

    @Inject
    DataSource dataSource;

    @Test
    void everyConcurrentSubmissionIsStoredAndPublishedOnce() throws Exception {
        Surveys.Survey survey = Surveys.single();
        List<Map<String, Object>> bodies = new ArrayList<>();
        for (int i = 0; i < RESPONSES; i++) {
            Map<String, Object> body = Surveys.body(survey.id(), survey.touchpointKey());
            Surveys.answers(body).get(0).put("score", i % 11);
            bodies.add(body);
        }
        Set<String> ids = new HashSet<>();
        bodies.forEach(b -> ids.add((String) b.get("id")));

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Future<Integer>> calls = new ArrayList<>();
            for (Map<String, Object> body : bodies) {
                calls.add(pool.submit(() -> Surveys.submit(body).statusCode()));
            }
            for (Future<Integer> call : calls) {
                statuses.add(call.get(120, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(
                RESPONSES,
                statuses.stream().filter(s -> s == 201).count(),
                "every submission is accepted: " + statuses);
        assertEquals(RESPONSES, storedCount(ids), "every accepted response is stored");

        try (TopicReader reader = new TopicReader(Topics.RESPONSES)) {
            List<TopicReader.Event> events =
                    reader.awaitAll(e -> ids.contains(e.key()), RESPONSES, Duration.ofSeconds(90));
            Set<String> keys = new HashSet<>();
            Set<String> eventIds = new HashSet<>();
            events.forEach(e -> {
                keys.add(e.key());
                eventIds.add(e.headers().get("ce_id"));
            });
            assertEquals(RESPONSES, events.size(), "one event per response, no duplicate");
            assertEquals(ids, keys, "no response without its event");
            assertEquals(RESPONSES, eventIds.size(), "distinct CloudEvents ids");
        }

        String metrics =
                given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("voc_ingest_batch_size_count"), "batch sizes are exposed");
        assertTrue(metrics.contains("voc_ingest_queue_depth"), "queue depth is exposed");
    }

    @Test
    void aResponseTheDatabaseRefusesFailsAloneWith400() throws Exception {
        // A survey bound to a touchpoint key longer than the response table allows (the registry never issues
        // such keys): validation accepts the response, the insert fails, and with it the batch it is written in.
        Surveys.Survey broken = new Surveys.Survey(UUID.randomUUID(), List.of("k".repeat(100)));
        Surveys.publish(broken.id(), 1, broken.touchpointKeys(), Surveys.standardQuestions(), null);
        Map<String, Object> probe = Surveys.body(broken.id(), null);
        probe.remove("touchpointKey");
        assertEquals(
                400,
                Surveys.awaitAccepted(probe).statusCode(),
                "stored nowhere, and answered as the client's to change: sending it again would fail again");

        Surveys.Survey survey = Surveys.single();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Response>> good = new ArrayList<>();
            List<Future<Response>> bad = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                good.add(pool.submit(() -> Surveys.submit(Surveys.body(survey.id(), survey.touchpointKey()))));
                if (i % 20 == 0) {
                    Map<String, Object> body = Surveys.body(broken.id(), null);
                    body.remove("touchpointKey");
                    bad.add(pool.submit(() -> Surveys.submit(body)));
                }
            }
            for (Future<Response> call : good) {
                assertEquals(
                        201,
                        call.get(120, TimeUnit.SECONDS).statusCode(),
                        "a good response is not failed by a bad one");
            }
            for (Future<Response> call : bad) {
                Response response = call.get(120, TimeUnit.SECONDS);
                assertEquals(400, response.statusCode());
                assertEquals("application/problem+json", response.contentType());
                assertTrue(response.header("Retry-After") == null, "no invitation to retry what can never be stored");
                assertTrue(response.asString().contains("value too long"), response.asString());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private long storedCount(Set<String> ids) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query =
                        connection.prepareStatement("select count(*) from response where id = any(?)")) {
            Array array = connection.createArrayOf(
                    "uuid", ids.stream().map(UUID::fromString).toArray());
            query.setArray(1, array);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
