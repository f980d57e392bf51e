package org.voc.metrics;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.voc.testsupport.Tokens;

/**
 * A reporting zone other than UTC: the daily roll-up is rebuilt in it at start-up and answers whole-day queries in
 * that zone, where a response at 23:30 UTC belongs to the next day.
 */
@QuarkusTest
@TestProfile(ReportingZoneTest.Moscow.class)
class ReportingZoneTest {

    /** The service with its daily roll-up in Moscow time. */
    public static class Moscow implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("voc.metrics.reporting-zone", "Europe/Moscow");
        }
    }

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
    void wholeDaysInTheReportingZoneReadTheDailyRollup() {
        String tp = ResponseTopic.touchpoint("moscow");
        topic.send(ResponseTopic.response(tp, "WEB", Instant.parse("2025-01-14T23:30:00Z"), 10)); // 02:30 on the 15th
        topic.send(ResponseTopic.response(tp, "WEB", Instant.parse("2025-01-15T12:00:00Z"), 0));
        topic.awaitConsumed();

        JsonPath moscow = stats(Map.of(
                "touchpoint",
                tp,
                "from",
                "2025-01-14",
                "to",
                "2025-01-15",
                "granularity",
                "day",
                "tz",
                "Europe/Moscow"));
        assertEquals("day", moscow.getString("source"));
        assertEquals(List.of("2025-01-15T00:00:00+03:00"), moscow.getList("series.period"));
        assertEquals(List.of(2), moscow.getList("series.n"));

        JsonPath utc = stats(Map.of("touchpoint", tp, "from", "2025-01-14", "to", "2025-01-15", "granularity", "day"));
        assertEquals("hour", utc.getString("source")); // UTC is not the reporting zone here
        assertEquals(List.of("2025-01-14T00:00:00Z", "2025-01-15T00:00:00Z"), utc.getList("series.period"));
    }

    private static JsonPath stats(Map<String, ?> params) {
        return given().auth()
                .oauth2(Tokens.user("analyst"))
                .queryParams(params)
                .get("/api/metrics/nps/stats")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }
}
