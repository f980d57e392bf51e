package org.voc.metrics;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.voc.testsupport.Tokens;

/** The NPS query against roll-ups fed through the real voc.responses topic. */
@QuarkusTest
class NpsApiTest {

    private static ResponseTopic topic;

    @BeforeAll
    static void open() {
        topic = new ResponseTopic();
    }

    @AfterAll
    static void close() {
        topic.close();
    }

    @Test
    void countsPromotersPassivesAndDetractorsWithTheMarginOfError() {
        String tp = ResponseTopic.touchpoint("card-delivery");
        Instant at = Instant.now().minus(2, ChronoUnit.HOURS);
        for (int score : new int[] {9, 10, 9, 10, 7, 8, 7, 0, 6, 3}) {
            topic.send(ResponseTopic.response(tp, "BRANCH", at, score));
        }
        topic.send(ResponseTopic.response(tp, "BRANCH", at, null));
        topic.awaitConsumed();

        JsonPath nps = ResponseTopic.awaitN(Map.of("touchpoint", tp), 10);
        assertEquals(tp, nps.getString("touchpoint"));
        assertNull(nps.get("channel"));
        assertEquals(4, nps.getLong("promoters"));
        assertEquals(3, nps.getLong("passives"));
        assertEquals(3, nps.getLong("detractors"));
        assertEquals(10.0, nps.getDouble("nps"));
        // adjusted Wald (Rocks 2016): n̂ = 13, p̂ = 4.75/13, d̂ = 3.75/13,
        // 1.959964 · 100 · sqrt((p̂ + d̂ − (p̂ − d̂)²) / 13) = 43.756 → 43.8 (worked in stats.StatisticsTest)
        assertEquals(43.8, nps.getDouble("marginOfError"));
        assertEquals(0.95, nps.getDouble("confidenceLevel"));

        given().auth()
                .oauth2(Tokens.user("admin"))
                .queryParam("touchpoint", tp)
                .get("/api/metrics/nps")
                .then()
                .statusCode(200)
                .body("n", equalTo(10));
    }

    @Test
    void countsOnlyTheHourBucketsTheRangeOverlaps() {
        String tp = ResponseTopic.touchpoint("range");
        topic.send(ResponseTopic.response(tp, "WEB", Instant.parse("2025-03-10T10:15:00Z"), 10));
        topic.send(ResponseTopic.response(tp, "SMS", Instant.parse("2025-03-10T10:45:00Z"), 2));
        topic.send(ResponseTopic.response(tp, "WEB", Instant.parse("2025-03-11T09:00:00Z"), 9));
        topic.send(ResponseTopic.response(tp, null, Instant.parse("2025-03-11T23:30:00Z"), 8));
        topic.awaitConsumed();

        JsonPath firstDay = ResponseTopic.nps(Map.of("touchpoint", tp, "from", "2025-03-10", "to", "2025-03-10"));
        assertEquals(2, firstDay.getLong("n"));
        assertEquals(1, firstDay.getLong("promoters"));
        assertEquals(1, firstDay.getLong("detractors"));
        assertEquals(0.0, firstDay.getDouble("nps"));
        assertEquals("2025-03-10T00:00:00Z", firstDay.getString("from"));
        assertEquals("2025-03-10T23:59:59.999999999Z", firstDay.getString("to"));

        JsonPath secondDay = ResponseTopic.nps(Map.of("touchpoint", tp, "from", "2025-03-11", "to", "2025-03-11"));
        assertEquals(2, secondDay.getLong("n"));
        assertEquals(1, secondDay.getLong("passives"));
        assertEquals(50.0, secondDay.getDouble("nps"));

        assertEquals(
                4,
                ResponseTopic.nps(Map.of("touchpoint", tp, "from", "2025-03-10", "to", "2025-03-11"))
                        .getLong("n"));

        JsonPath web =
                ResponseTopic.nps(Map.of("touchpoint", tp, "channel", "WEB", "from", "2025-03-10", "to", "2025-03-11"));
        assertEquals("WEB", web.getString("channel"));
        assertEquals(2, web.getLong("n"));
        assertEquals(100.0, web.getDouble("nps"));
        // two promoters are not a certainty: n̂ = 5, p̂ = 2.75/5, d̂ = 0.75/5 → ±64.4, never ±0
        assertEquals(64.4, web.getDouble("marginOfError"));
    }

    @Test
    void instantsAreResolvedToWholeHours() {
        String tp = ResponseTopic.touchpoint("hours");
        topic.send(ResponseTopic.response(tp, "WEB", Instant.parse("2025-04-01T10:15:00Z"), 10));
        topic.send(ResponseTopic.response(tp, "WEB", Instant.parse("2025-04-01T12:05:00Z"), 0));
        topic.awaitConsumed();

        // 10:59:59–11:00:00 overlaps the 10:00 hour, which holds the promoter
        JsonPath overlap = ResponseTopic.nps(
                Map.of("touchpoint", tp, "from", "2025-04-01T10:59:59Z", "to", "2025-04-01T11:00:00Z"));
        assertEquals(1, overlap.getLong("n"));
        assertEquals(1, overlap.getLong("promoters"));
        assertEquals("2025-04-01T10:59:59Z", overlap.getString("from"));

        // 11:00 to 11:59:59 touches neither the 10:00 nor the 12:00 hour
        JsonPath gap = ResponseTopic.nps(
                Map.of("touchpoint", tp, "from", "2025-04-01T11:00:00Z", "to", "2025-04-01T11:59:59Z"));
        assertEquals(0, gap.getLong("n"));
        assertNull(gap.get("nps"));
        assertNull(gap.get("marginOfError"));

        // an offset is converted to UTC: 13:30+02:00 is 11:30Z, so the range reaches into the 12:00 hour only
        JsonPath offset =
                ResponseTopic.nps(Map.of("touchpoint", tp, "from", "2025-04-01T13:30:00+02:00", "to", "2025-04-01"));
        assertEquals(1, offset.getLong("n"));
        assertEquals(1, offset.getLong("detractors"));
        assertEquals(-100.0, offset.getDouble("nps"));
        assertEquals("2025-04-01T11:30:00Z", offset.getString("from"));
    }

    @Test
    void withoutTouchpointEveryTouchpointCounts() {
        String channel = ResponseTopic.touchpoint("channel");
        Instant at = Instant.parse("2025-05-05T05:05:00Z");
        topic.send(ResponseTopic.response(ResponseTopic.touchpoint("a"), channel, at, 10));
        topic.send(ResponseTopic.response(ResponseTopic.touchpoint("b"), channel, at, 5));
        topic.awaitConsumed();

        JsonPath all = ResponseTopic.nps(Map.of("channel", channel, "from", "2025-05-05", "to", "2025-05-05"));
        assertNull(all.get("touchpoint"));
        assertEquals(2, all.getLong("n"));
        assertEquals(0.0, all.getDouble("nps"));
    }

    @Test
    void invalidRangesNameTheParameter() {
        expect400(Map.of("from", "yesterday"), "from");
        expect400(Map.of("to", "2025-13-01"), "to");
        expect400(Map.of("from", "2025-03-10T10:00:00"), "from"); // no offset: ambiguous
        expect400(Map.of("from", "2025-03-11", "to", "2025-03-10"), "from");
        expect400(Map.of("from", "2025-03-10T10:00:01Z", "to", "2025-03-10T10:00:00Z"), "from");
        expect400(Map.of("to", "+10000-01-01T00:00:00Z"), "to");
        expect400(Map.of("to", "+999999999-12-31"), "to"); // the last day of all: its end does not exist
        expect400(Map.of("touchpoint", "nul\u0000key"), "touchpoint");
    }

    private static void expect400(Map<String, ?> params, String field) {
        given().auth()
                .oauth2(Tokens.user("analyst"))
                .queryParams(params)
                .get("/api/metrics/nps")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:voc:problem:validation"))
                .body("errors[0].field", equalTo(field));
    }
}
