package org.voc.response;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.voc.response.Verbatims.as;
import static org.voc.response.Verbatims.ids;
import static org.voc.response.Verbatims.store;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.voc.events.ErasureRequested;
import org.voc.testsupport.EventProducer;

/** Verbatim search against the real database: filters, keyset pages, privacy, erasure and the V11 back-fill. */
@QuarkusTest
class VerbatimSearchTest {

    @Inject
    DataSource db;

    private final Instant base = Instant.now().minus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

    @Test
    void filtersCombineNewestFirst() {
        Surveys.Survey survey = Verbatims.survey(db);
        String r1 = store(survey, 2, "Card arrived LATE and damaged", base.plusSeconds(3600), null);
        String r2 = store(survey, 9, "Great service", base.plusSeconds(2 * 3600), null);
        String r3 = store(survey, 5, null, base.plusSeconds(3 * 3600), null);
        String r4 = store(survey, 8, "late again, 100% annoying", base.plusSeconds(4 * 3600), null);
        String s = survey.id().toString();

        assertEquals(List.of(r4, r3, r2, r1), ids("analyst", Map.of("surveyId", s)));
        assertEquals(List.of(r4, r3, r2, r1), ids("admin", Map.of("touchpoint", survey.touchpointKey())));
        assertEquals(List.of(r3, r1), ids("analyst", Map.of("surveyId", s, "questionId", "nps", "maxScore", "6")));
        assertEquals(List.of(r4, r2), ids("analyst", Map.of("surveyId", s, "minScore", "7")));
        assertEquals(List.of(), ids("analyst", Map.of("surveyId", s, "questionId", "csat")));
        assertEquals(List.of(r4, r2, r1), ids("analyst", Map.of("surveyId", s, "hasComment", "true")));
        assertEquals(List.of(r3), ids("analyst", Map.of("surveyId", s, "hasComment", "false")));
        assertEquals(List.of(r4, r1), ids("analyst", Map.of("surveyId", s, "text", "late")));
        assertEquals(List.of(r1), ids("analyst", Map.of("surveyId", s, "text", "Late", "maxScore", "6")));
        assertEquals(List.of(r4), ids("analyst", Map.of("surveyId", s, "text", "100%")), "% is taken literally");
        assertEquals(List.of(), ids("analyst", Map.of("surveyId", s, "text", "%%%")));
        assertEquals(
                List.of(r3, r2),
                ids(
                        "analyst",
                        Map.of(
                                "surveyId", s,
                                "from", base.plusSeconds(2 * 3600).toString(),
                                "to", base.plusSeconds(3 * 3600).toString())));
        String day = base.plusSeconds(3600).toString().substring(0, 10);
        assertTrue(ids("analyst", Map.of("surveyId", s, "from", day, "to", day)).contains(r1), "a date is a whole day");
        assertEquals(List.of(r4, r3, r2, r1), ids("analyst", Map.of("surveyId", s, "surveyVersion", "1")));
        assertEquals(List.of(), ids("analyst", Map.of("surveyId", s, "surveyVersion", "2")));
    }

    @Test
    void pagesAreKeysetPagesThatNewResponsesDoNotShift() {
        Surveys.Survey survey = Verbatims.survey(db);
        List<String> stored = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            stored.add(0, store(survey, i, "reason " + i, base.plusSeconds(i * 60L), null));
        }
        Map<String, Object> query = new HashMap<>(Map.of("surveyId", survey.id().toString(), "limit", "2"));
        Response first = as("analyst").queryParams(query).get("/api/responses");
        assertEquals(stored.subList(0, 2), first.jsonPath().getList("items.id"));
        // A response stored between two page reads (newer than all, the usual case) shifts nothing: the pages that
        // follow neither repeat nor skip anything that was there.
        String newest = store(survey, 10, "newest", base.plusSeconds(3600), null);
        List<String> seen = new ArrayList<>(first.jsonPath().getList("items.id"));
        String after = first.jsonPath().getString("nextCursor");
        while (after != null) {
            query.put("after", after);
            JsonPath page =
                    as("analyst").queryParams(query).get("/api/responses").jsonPath();
            seen.addAll(page.getList("items.id"));
            after = page.getString("nextCursor");
        }
        assertEquals(stored, seen);
        assertFalse(seen.contains(newest));
    }

    @Test
    void badParametersAreAnsweredWithTheFieldsAtFault() {
        Response bad = as("analyst")
                .queryParam("surveyId", "not-a-uuid")
                .queryParam("surveyVersion", "0")
                .queryParam("minScore", "a")
                .queryParam("from", "yesterday")
                .queryParam("hasComment", "maybe")
                .queryParam("text", "ab")
                .get("/api/responses");
        assertEquals(400, bad.statusCode());
        assertEquals("application/problem+json", bad.contentType());
        assertEquals(
                List.of("surveyId", "surveyVersion", "minScore", "from", "text", "hasComment"),
                bad.jsonPath().getList("errors.field"));
        assertEquals(
                List.of("minScore"),
                as("analyst")
                        .queryParam("minScore", "7")
                        .queryParam("maxScore", "3")
                        .get("/api/responses/export")
                        .jsonPath()
                        .getList("errors.field"));
        assertEquals(
                List.of("from"),
                as("analyst")
                        .queryParam("from", "2026-11-02")
                        .queryParam("to", "2026-11-01")
                        .get("/api/responses")
                        .jsonPath()
                        .getList("errors.field"));
        assertField("limit", as("analyst").queryParam("limit", "0").get("/api/responses"));
        assertField("after", as("analyst").queryParam("after", "bm9wZQ").get("/api/responses"));
        assertField("format", as("analyst").queryParam("format", "xlsx").get("/api/responses/export"));
        assertEquals(403, as("designer").get("/api/responses").statusCode());
        assertEquals(403, as("designer").get("/api/responses/export").statusCode());
    }

    @Test
    void withoutPiiNoSearchShowsOrFindsTheCustomerThenErasureShowsTheResponseAsErased() throws Exception {
        Surveys.Survey survey = Verbatims.survey(db);
        String customer = "cust-verb-" + UUID.randomUUID();
        String text = "Call me on +7 912 345-67-89 or mail jane.doe@example.com about the card";
        String id = store(survey, 1, text, base, customer);
        Map<String, String> bySurvey = Map.of("surveyId", survey.id().toString());

        JsonPath hidden =
                as("analyst").queryParams(bySurvey).get("/api/responses").jsonPath();
        String pseudonym = hidden.getString("items[0].customerRef");
        assertTrue(pseudonym.startsWith("pn-"), pseudonym);
        assertNotEquals(customer, pseudonym);
        String masked = hidden.getString("items[0].answers[1].text");
        assertEquals("Call me on [phone] or mail [email] about the card", masked);
        assertFalse(hidden.prettify().contains(customer));

        JsonPath clear =
                as("pii-analyst").queryParams(bySurvey).get("/api/responses").jsonPath();
        assertEquals(customer, clear.getString("items[0].customerRef"));
        assertEquals(text, clear.getString("items[0].answers[1].text"));

        // Searching for what the mask hides finds nothing without voc-pii (no probing a number digit by digit).
        for (String probe : List.of("example.com", "jane.doe", "345-67", "+7 912")) {
            assertEquals(
                    List.of(), ids("analyst", Map.of("surveyId", survey.id().toString(), "text", probe)), probe);
            assertEquals(
                    List.of(id),
                    ids("pii-analyst", Map.of("surveyId", survey.id().toString(), "text", probe)));
        }
        assertEquals(List.of(id), ids("analyst", Map.of("surveyId", survey.id().toString(), "text", "about THE")));

        try (EventProducer producer = new EventProducer()) {
            producer.publish(
                    ErasureRequested.TYPE.of(new ErasureRequested(UUID.randomUUID(), customer, Instant.now())));
        }
        JsonPath erased = org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(
                        () -> as("pii-analyst")
                                .queryParams(bySurvey)
                                .get("/api/responses")
                                .jsonPath(),
                        page -> page.getBoolean("items[0].erased"));
        assertNull(erased.get("items[0].customerRef"));
        assertNull(erased.get("items[0].answers[1].text"));
        assertEquals(1, erased.getInt("items[0].nps"), "scores stay");
        assertEquals(
                List.of(), ids("pii-analyst", Map.of("surveyId", survey.id().toString(), "text", "card")));
    }

    /** V11 fills comment_text for rows written before it: run its back-fill again over rows that lost theirs. */
    @Test
    void theInteractionsDimensionsAreShownAndItsProcessIsPseudonymisedWithoutPii() {
        Surveys.Survey survey = Verbatims.survey(db);
        String process = "claim-" + UUID.randomUUID();
        Map<String, Object> body = Surveys.body(survey.id(), survey.touchpointKey());
        body.put("segment", "RETAIL");
        body.put("employeeRef", "emp-7");
        body.put("processRef", process);
        assertEquals(201, Surveys.awaitAccepted(body).statusCode());
        Map<String, String> bySurvey = Map.of("surveyId", survey.id().toString());

        JsonPath hidden =
                as("analyst").queryParams(bySurvey).get("/api/responses").jsonPath();
        assertEquals("RETAIL", hidden.getString("items[0].segment"));
        assertEquals("emp-7", hidden.getString("items[0].employeeRef"));
        String pseudonym = hidden.getString("items[0].processRef");
        assertTrue(pseudonym.startsWith("pn-"), pseudonym);
        assertFalse(hidden.prettify().contains(process));
        assertEquals(
                process,
                as("pii-analyst")
                        .queryParams(bySurvey)
                        .get("/api/responses")
                        .jsonPath()
                        .getString("items[0].processRef"));
    }

    @Test
    void theMigrationBackFillsTheCommentsOfOlderRows() throws Exception {
        Surveys.Survey survey = Verbatims.survey(db);
        String withText = store(survey, 4, "  Slow  ", base, null);
        String without = store(survey, 4, null, base.plusSeconds(1), null);
        String blank = store(survey, 4, null, base.plusSeconds(2), null);
        try (Connection c = db.getConnection();
                Statement s = c.createStatement()) {
            s.executeUpdate("update response set comment_text = null where survey_id = '" + survey.id() + "'");
            // Intake refuses a blank text today; rows of older releases may hold one.
            s.executeUpdate("update response set answers = answers || '[{\"questionId\": \"reason\", \"type\":"
                    + " \"TEXT\", \"text\": \" \"}]'::jsonb where id = '" + blank + "'");
            String migration = Files.readString(
                    Path.of("src/main/resources/db/migration/V11__verbatims.sql"), StandardCharsets.UTF_8);
            s.execute(migration.substring(migration.indexOf("do $$"), migration.indexOf("end $$;") + 6));
            assertEquals("  Slow  ", comment(c, withText));
            assertNull(comment(c, without));
            assertNull(comment(c, blank));
        }
    }

    private static String comment(Connection c, String id) throws Exception {
        try (PreparedStatement select = c.prepareStatement("select comment_text from response where id = ?::uuid")) {
            select.setString(1, id);
            try (ResultSet rows = select.executeQuery()) {
                assertTrue(rows.next());
                return rows.getString(1);
            }
        }
    }

    private static void assertField(String field, Response response) {
        assertEquals(400, response.statusCode(), response.asString());
        assertEquals(List.of(field), response.jsonPath().getList("errors.field"));
    }
}
