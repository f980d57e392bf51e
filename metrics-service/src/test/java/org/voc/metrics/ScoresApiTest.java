package org.voc.metrics;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.voc.events.Event;
import org.voc.events.ResponseSubmitted;
import org.voc.events.ResponseSubmitted.Answer;
import org.voc.events.TouchpointState;
import org.voc.testsupport.EventProducer;
import org.voc.testsupport.Tokens;

/**
 * The metrics query API against roll-ups fed through the real voc.responses and voc.touchpoints topics: each
 * metric's figures, breakdowns, registry filters, time zones, top lists, CSV, comparisons and bad parameters.
 * Expected intervals are worked in stats.StatisticsTest's way (values here from scipy.stats, noted inline).
 */
@QuarkusTest
class ScoresApiTest {

    private static final double EPS = 1e-3;

    private static ResponseTopic topic;
    private static EventProducer events;

    @BeforeAll
    static void open() {
        topic = new ResponseTopic();
        events = new EventProducer();
    }

    @AfterAll
    static void close() {
        topic.close();
        events.close();
    }

    @Test
    void everyMetricReportsItsOwnFigures() {
        String tp = ResponseTopic.touchpoint("figures");
        Instant at = Instant.parse("2025-02-03T10:00:00Z");
        for (int csat : new int[] {5, 4, 4, 3, 2, 1, 5, 5}) {
            send(tp, "WEB", null, at, null, List.of(answer("q-csat", "CSAT", csat)));
        }
        for (int ces : new int[] {1, 2, 5, 7, 6, 3}) {
            send(tp, "WEB", null, at, null, List.of(answer("q-ces", "CES", ces)));
        }
        send(tp, "WEB", null, at, 9, List.of(answer("rep", "CLI_REPURCHASE", 8), answer("x", "CLI_CROSS_BUY", 7)));
        send(tp, "WEB", null, at, 3, List.of(answer("rep", "CLI_REPURCHASE", 6), answer("x", "CLI_CROSS_BUY", 0)));
        send(tp, "WEB", null, at, 10, List.of(answer("rep", "CLI_REPURCHASE", 10))); // no cross-buy: not a CLI
        send(tp, "WEB", null, at, null, List.of(answer("staff", "RATING", 12)));
        send(tp, "WEB", null, at, null, List.of(answer("staff", "RATING", 18), answer("t", "TEXT", null)));
        for (int ease : new int[] {4, 5, 5}) {
            send(tp, "WEB", null, at, null, List.of(answer("ease", "RATING", ease)));
        }
        topic.awaitConsumed();
        Map<String, Object> day = Map.of("touchpoint", tp, "from", "2025-02-03", "to", "2025-02-03");

        JsonPath csat = total("csat", day);
        assertEquals("day", csat.getString("source"));
        assertEquals(8, csat.getLong("series[0].n"));
        assertEquals(62.5, csat.getDouble("series[0].value"), EPS);
        // Wilson 5/8: 30.574 to 86.316 (scipy)
        assertEquals(30.574, csat.getDouble("series[0].interval.low"), EPS);
        assertEquals(86.316, csat.getDouble("series[0].interval.high"), EPS);
        assertEquals(25.0, csat.getDouble("series[0].problem.percent"), EPS);
        assertEquals(7.148, csat.getDouble("series[0].problem.interval.low"), EPS);
        assertEquals(Map.of("1", 1, "2", 1, "3", 1, "4", 2, "5", 3), csat.getMap("series[0].distribution"));
        assertEquals(3.625, csat.getDouble("series[0].mean"), EPS);
        assertTrue(csat.getBoolean("series[0].insufficientSample"));

        JsonPath ces = total("ces", day);
        assertEquals(4.0, ces.getDouble("series[0].value"), EPS);
        // t(5) interval of 1, 2, 5, 7, 6, 3: 1.5166 to 6.4834
        assertEquals(1.5166, ces.getDouble("series[0].interval.low"), EPS);
        assertEquals(50.0, ces.getDouble("series[0].highEffort.percent"), EPS);
        assertEquals(3, ces.getLong("series[0].highEffort.count"));

        JsonPath cli = total("cli", day);
        assertEquals(2, cli.getLong("series[0].n"));
        assertEquals(5.5, cli.getDouble("series[0].value"), EPS); // (8 + 3)/2: (9+8+7)/3 and (3+6+0)/3
        assertEquals(31.7655, cli.getDouble("series[0].interval.margin"), EPS); // t(1) · s/√2, s = √12.5
        assertEquals(6.0, cli.getDouble("series[0].parts.nps"), EPS);
        assertEquals(7.0, cli.getDouble("series[0].parts.repurchase"), EPS);
        assertEquals(3.5, cli.getDouble("series[0].parts.crossBuy"), EPS);
        assertEquals(8.0, total("cli-repurchase", day).getDouble("series[0].value"), EPS);

        JsonPath nps = total("nps", day);
        assertEquals(3, nps.getLong("series[0].n"));
        assertEquals(2, nps.getLong("series[0].promoters"));
        assertEquals(1, nps.getLong("series[0].detractors"));
        assertEquals(100.0 / 3, nps.getDouble("series[0].value"), EPS);

        Map<String, Object> rating = new LinkedHashMap<>(day);
        rating.put("question", "staff");
        JsonPath staff = total("rating", rating);
        assertEquals(15.0, staff.getDouble("series[0].value"), EPS);
        assertEquals(38.1186, staff.getDouble("series[0].interval.margin"), EPS); // t(1) = 12.706 · 3
        assertNull(staff.get("series[0].distribution"), "a scale beyond 0..10 reports its mean only");
        rating.put("question", "ease");
        JsonPath ease = total("rating", rating);
        assertEquals(14.0 / 3, ease.getDouble("series[0].mean"), EPS);
        assertEquals(Map.of("4", 1, "5", 2), ease.getMap("series[0].distribution"));
    }

    @Test
    void groupsBySegmentAndChannelAndFlagsSmallSamples() {
        String tp = ResponseTopic.touchpoint("breakdown");
        String premium = ResponseTopic.touchpoint("premium");
        Instant at = Instant.parse("2025-02-10T08:00:00Z");
        for (int i = 0; i < 30; i++) {
            send(tp, "BRANCH", premium, at, null, List.of(answer("c", "CSAT", i < 24 ? 5 : 1)));
        }
        send(tp, "WEB", "mass", at, null, List.of(answer("c", "CSAT", 2)));
        send(tp, "WEB", null, at, null, List.of(answer("c", "CSAT", 4)));
        topic.awaitConsumed();

        JsonPath answer = total(
                "csat",
                Map.of("touchpoint", tp, "from", "2025-02-10", "to", "2025-02-10", "groupBy", "segment,channel"));
        assertEquals(List.of("segment", "channel"), answer.getList("groupBy"));
        assertEquals(3, answer.getList("series").size());
        // ordered by group values, nulls (no segment) last
        assertEquals("mass", answer.getString("series[0].groups.segment"));
        assertEquals("WEB", answer.getString("series[0].groups.channel"));
        assertEquals(0.0, answer.getDouble("series[0].value"));
        assertTrue(answer.getBoolean("series[0].insufficientSample"));
        assertEquals(premium, answer.getString("series[1].groups.segment"));
        assertEquals(30, answer.getLong("series[1].n"));
        assertEquals(80.0, answer.getDouble("series[1].value"), EPS);
        assertFalse(answer.getBoolean("series[1].insufficientSample"));
        assertNull(answer.get("series[2].groups.segment"));

        // without a touchpoint the breakdown reads the roll-up summed over touchpoints: same figures
        JsonPath all = total(
                "csat", Map.of("segment", premium, "from", "2025-02-10", "to", "2025-02-10", "groupBy", "channel"));
        assertEquals("day", all.getString("source"));
        assertEquals(1, all.getList("series").size());
        assertEquals("BRANCH", all.getString("series[0].groups.channel"));
        assertEquals(30, all.getLong("series[0].n"));
        assertEquals(80.0, all.getDouble("series[0].value"), EPS);
    }

    @Test
    void filtersByProductJourneyStageAndOwnerTeamThroughTheReplica() {
        String tp = ResponseTopic.touchpoint("replica");
        String other = ResponseTopic.touchpoint("replica-other");
        String product = "cards-" + UUID.randomUUID();
        UUID id = UUID.randomUUID();
        publish(state(id, tp, "delivery", product, "team-a", 2));
        publish(state(id, tp, "onboarding", "stale", "team-b", 1)); // older revision: ignored
        publish(state(UUID.randomUUID(), other, "delivery", product + "-x", "team-a", 1));
        Instant at = Instant.parse("2025-02-11T08:00:00Z");
        send(tp, "WEB", null, at, 10, List.of());
        send(tp, "WEB", null, at, 0, List.of());
        send(other, "WEB", null, at, 10, List.of());
        topic.awaitConsumed();

        Map<String, Object> range = Map.of("from", "2025-02-11", "to", "2025-02-11");
        JsonPath byProduct = awaitTotal("nps", with(range, "product", product), 2);
        assertEquals(0.0, byProduct.getDouble("series[0].value"));
        JsonPath byStage = total("nps", with(with(range, "journeyStage", "delivery"), "groupBy", "product"));
        List<String> products = byStage.getList("series.groups.product");
        assertTrue(products.contains(product), products.toString());
        assertFalse(products.contains("stale"), products.toString());
        JsonPath team = total("nps", with(with(range, "ownerTeam", "team-a"), "product", product));
        assertEquals(2, team.getLong("series[0].n"));
    }

    @Test
    void dayBoundariesFollowTheCallersZoneIncludingDaylightSaving() {
        String tp = ResponseTopic.touchpoint("zones");
        send(tp, "WEB", null, Instant.parse("2025-03-29T23:30:00Z"), 10, List.of()); // 00:30 in Berlin, CET
        send(tp, "WEB", null, Instant.parse("2025-03-30T22:30:00Z"), 0, List.of()); // 00:30 in Berlin, CEST
        topic.awaitConsumed();

        JsonPath utc =
                total("nps", Map.of("touchpoint", tp, "from", "2025-03-29", "to", "2025-03-31", "granularity", "day"));
        assertEquals("day", utc.getString("source"));
        assertEquals(List.of("2025-03-29T00:00:00Z", "2025-03-30T00:00:00Z"), utc.getList("series.period"));

        JsonPath moscow = total(
                "nps",
                Map.of(
                        "touchpoint",
                        tp,
                        "from",
                        "2025-03-29",
                        "to",
                        "2025-03-31",
                        "granularity",
                        "day",
                        "tz",
                        "Europe/Moscow"));
        assertEquals("hour", moscow.getString("source"));
        // 23:30 UTC is 02:30 the next day in Moscow (UTC+3)
        assertEquals(
                List.of("2025-03-30T00:00:00+03:00", "2025-03-31T00:00:00+03:00"), moscow.getList("series.period"));

        JsonPath berlin = total(
                "nps",
                Map.of(
                        "touchpoint",
                        tp,
                        "from",
                        "2025-03-30",
                        "to",
                        "2025-03-31",
                        "granularity",
                        "day",
                        "tz",
                        "Europe/Berlin"));
        // the 30th is 23 hours long: it starts at +01:00 and the 31st at +02:00
        assertEquals(
                List.of("2025-03-30T00:00:00+01:00", "2025-03-31T00:00:00+02:00"), berlin.getList("series.period"));
        assertEquals(List.of(1, 1), berlin.getList("series.n"));
    }

    @Test
    void weeksStartOnMondayAndMonthsOnTheFirst() {
        String tp = ResponseTopic.touchpoint("calendar");
        for (String day : new String[] {"2025-05-31", "2025-06-01", "2025-06-02", "2025-06-03"}) {
            send(tp, "WEB", null, Instant.parse(day + "T12:00:00Z"), 9, List.of());
        }
        topic.awaitConsumed();
        Map<String, Object> range = Map.of("touchpoint", tp, "from", "2025-05-01", "to", "2025-06-30");

        JsonPath weeks = total("nps", with(range, "granularity", "week"));
        assertEquals(List.of("2025-05-26T00:00:00Z", "2025-06-02T00:00:00Z"), weeks.getList("series.period"));
        assertEquals(List.of(2, 2), weeks.getList("series.n"));
        JsonPath months = total("nps", with(range, "granularity", "month"));
        assertEquals(List.of("2025-05-01T00:00:00Z", "2025-06-01T00:00:00Z"), months.getList("series.period"));
        assertEquals(List.of(1, 3), months.getList("series.n"));
        JsonPath hours =
                total("nps", Map.of("touchpoint", tp, "from", "2025-06-02", "to", "2025-06-02", "granularity", "hour"));
        assertEquals("hour", hours.getString("source"));
        assertEquals(List.of("2025-06-02T12:00:00Z"), hours.getList("series.period"));
    }

    @Test
    void employeesAreRankedByNumberOfValues() {
        String tp = ResponseTopic.touchpoint("staff");
        Instant at = Instant.parse("2025-02-12T09:00:00Z");
        Map<String, Integer> served = Map.of("emp-a", 3, "emp-b", 1, "emp-c", 2);
        served.forEach((employee, count) -> {
            for (int i = 0; i < count; i++) {
                topic.send(event(tp, "BRANCH", null, at, 9, List.of(), employee, "proc-1"));
            }
        });
        topic.awaitConsumed();

        JsonPath top = total(
                "nps",
                Map.of("touchpoint", tp, "from", "2025-02-12", "to", "2025-02-12", "groupBy", "employee", "limit", 2));
        assertEquals(List.of("emp-a", "emp-c"), top.getList("series.groups.employee"));
        assertEquals(List.of(3, 2), top.getList("series.n"));
        JsonPath process =
                total("nps", Map.of("touchpoint", tp, "from", "2025-02-12", "to", "2025-02-12", "process", "proc-1"));
        assertEquals(6, process.getLong("series[0].n"));
    }

    @Test
    void employeeAndProcessListsRefuseRangesTheirDailyRollupCannotAnswer() {
        // part of a day: the people roll-up has no hours, so a partial day would count in full
        String partDay = expect400(
                "/api/metrics/nps/stats",
                Map.of("from", "2025-02-12T09:00:00Z", "to", "2025-02-12T17:00:00Z", "groupBy", "employee"),
                "from");
        assertTrue(partDay.contains("whole day"), partDay);
        // whole days of another zone than the reporting zone (UTC here): its days are other 24-hour spans
        String otherZone = expect400(
                "/api/metrics/nps/stats",
                Map.of("from", "2025-02-12", "to", "2025-02-12", "tz", "Europe/Moscow", "process", "proc-1"),
                "tz");
        assertTrue(otherZone.contains("reporting zone UTC"), otherZone);
        // the same whole days in the reporting zone answer
        total("nps", Map.of("from", "2025-02-12", "to", "2025-02-12", "tz", "UTC", "groupBy", "employee"));
    }

    @Test
    void csvCarriesTheSeriesAndDefusesFormulas() {
        String tp = ResponseTopic.touchpoint("csv");
        Instant at = Instant.parse("2025-02-13T09:00:00Z");
        send(tp, "WEB", "=HYPERLINK(\"x\")", at, null, List.of(answer("c", "CSAT", 5)));
        topic.awaitConsumed();

        String csv = given().auth()
                .oauth2(Tokens.user("analyst"))
                .accept("text/csv")
                .queryParams(Map.of("touchpoint", tp, "from", "2025-02-13", "to", "2025-02-13", "groupBy", "segment"))
                .get("/api/metrics/csat/stats")
                .then()
                .statusCode(200)
                .contentType("text/csv")
                .extract()
                .asString();
        String[] lines = csv.split("\r\n");
        assertEquals("period,segment,n,value,low,high,margin,insufficientSample", lines[0]);
        assertTrue(lines[1].startsWith(",\"'=HYPERLINK(\"\"x\"\")\",1,100.0,"), lines[1]);
    }

    @Test
    void anOldShapeEventIsReadAndARepeatCountsOnce() {
        String tp = ResponseTopic.touchpoint("old-shape");
        String id = UUID.randomUUID().toString();
        // the first shape: no invitationId, segment, employeeRef or processRef; answers without optionIds
        String old = "{\"responseId\":\"" + id + "\",\"surveyId\":\"" + UUID.randomUUID()
                + "\",\"surveyVersion\":1,\"touchpointKey\":\"" + tp + "\",\"channel\":\"SMS\",\"customerRef\":null,"
                + "\"respondedAt\":\"2025-02-14T10:00:00Z\",\"nps\":null,"
                + "\"answers\":[{\"questionId\":\"c\",\"type\":\"CSAT\",\"score\":4,\"text\":null}]}";
        topic.sendRaw(0, id, old);
        topic.sendRaw(1, id, old); // the same response again, another partition: counted once
        topic.awaitConsumed();

        JsonPath csat = total("csat", Map.of("touchpoint", tp, "from", "2025-02-14", "to", "2025-02-14"));
        assertEquals(1, csat.getLong("series[0].n"));
        assertEquals(Map.of("1", 0, "2", 0, "3", 0, "4", 1, "5", 0), csat.getMap("series[0].distribution"));
    }

    @Test
    void comparesTwoPeriodsWithATwoProportionTest() {
        String tp = ResponseTopic.touchpoint("compare");
        for (int i = 0; i < 10; i++) {
            send(
                    tp,
                    "WEB",
                    null,
                    Instant.parse("2025-02-20T10:00:00Z"),
                    null,
                    List.of(answer("c", "CSAT", i < 9 ? 5 : 1)));
            send(
                    tp,
                    "WEB",
                    null,
                    Instant.parse("2025-02-10T10:00:00Z"),
                    null,
                    List.of(answer("c", "CSAT", i < 3 ? 5 : 1)));
        }
        topic.awaitConsumed();

        JsonPath c = given().auth()
                .oauth2(Tokens.user("analyst"))
                .queryParams(Map.of(
                        "touchpoint",
                        tp,
                        "from",
                        "2025-02-20",
                        "to",
                        "2025-02-20",
                        "baselineFrom",
                        "2025-02-10",
                        "baselineTo",
                        "2025-02-10"))
                .get("/api/metrics/csat/compare")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(90.0, c.getDouble("current.figures.value"), EPS);
        assertEquals(30.0, c.getDouble("baseline.figures.value"), EPS);
        // pooled p = 12/20, se = √(0.6·0.4·0.2) = 0.219089, z = 0.6/se = 2.738613, p = 0.006170
        assertEquals("two-proportion-z", c.getString("tests[0].method"));
        assertEquals(60.0, c.getDouble("tests[0].difference"), EPS);
        assertEquals(2.738613, c.getDouble("tests[0].statistic"), EPS);
        assertEquals(0.006170, c.getDouble("tests[0].pValue"), 1e-5);
        assertTrue(c.getBoolean("tests[0].significant"));
    }

    @Test
    void badParametersNameTheField() {
        expect400("/api/metrics/happiness/stats", Map.of(), "metric");
        expect400("/api/metrics/nps/stats", Map.of("groupBy", "segment,channel,survey"), "groupBy");
        expect400("/api/metrics/nps/stats", Map.of("groupBy", "colour"), "groupBy");
        expect400("/api/metrics/nps/stats", Map.of("granularity", "fortnight"), "granularity");
        expect400("/api/metrics/nps/stats", Map.of("tz", "Mars/Olympus"), "tz");
        expect400("/api/metrics/nps/stats", Map.of("tz", "+03:00"), "tz");
        expect400("/api/metrics/rating/stats", Map.of(), "question");
        expect400("/api/metrics/csat/stats", Map.of("question", "q"), "question");
        expect400("/api/metrics/nps/stats", Map.of("groupBy", "employee", "granularity", "day"), "granularity");
        expect400(
                "/api/metrics/nps/stats",
                Map.of("groupBy", "employee", "limit", 0, "from", "2025-01-01", "to", "2025-01-02"),
                "limit");
        expect400("/api/metrics/nps/stats", Map.of("from", "2025-02-02", "to", "2025-02-01"), "from");
        expect400("/api/metrics/nps/compare", Map.of("alpha", 2), "alpha");
        expect400("/api/metrics/nps/compare", Map.of("baseline", "nonsense"), "baseline");
    }

    /** Asserts a 400 naming the field and returns the reason given for it. */
    private static String expect400(String path, Map<String, ?> params, String field) {
        return given().auth()
                .oauth2(Tokens.user("analyst"))
                .queryParams(params)
                .get(path)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo(field))
                .extract()
                .jsonPath()
                .getString("errors[0].message");
    }

    private static JsonPath total(String metric, Map<String, ?> params) {
        return given().auth()
                .oauth2(Tokens.user("analyst"))
                .queryParams(params)
                .get("/api/metrics/" + metric + "/stats")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .extract()
                .jsonPath();
    }

    /** The replica is fed by another topic than the responses: wait for it as for a consumer. */
    private static JsonPath awaitTotal(String metric, Map<String, ?> params, long n) {
        var answer = new java.util.concurrent.atomic.AtomicReference<JsonPath>();
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(90))
                .pollInterval(java.time.Duration.ofMillis(250))
                .untilAsserted(() -> {
                    answer.set(total(metric, params));
                    assertEquals(n, answer.get().getLong("series[0].n"));
                });
        return answer.get();
    }

    private static Map<String, Object> with(Map<String, ?> params, String name, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(params);
        more.put(name, value);
        return more;
    }

    private static Answer answer(String question, String type, Integer score) {
        return new Answer(question, type, score, score == null ? "fine" : null);
    }

    private static void send(String tp, String channel, String segment, Instant at, Integer nps, List<Answer> more) {
        topic.send(event(tp, channel, segment, at, nps, more, null, null));
    }

    private static ResponseSubmitted event(
            String tp,
            String channel,
            String segment,
            Instant at,
            Integer nps,
            List<Answer> more,
            String employee,
            String process) {
        List<Answer> answers = new ArrayList<>();
        if (nps != null) {
            answers.add(new Answer("nps", "NPS", nps, null));
        }
        answers.addAll(more);
        return new ResponseSubmitted(
                UUID.randomUUID(),
                UUID.randomUUID(),
                1,
                tp,
                channel,
                null,
                at,
                nps,
                answers,
                null,
                segment,
                employee,
                process);
    }

    private static TouchpointState state(
            UUID id, String key, String stage, String product, String team, long revision) {
        return new TouchpointState(
                id, key, key, "WEB", stage, "SURVEY", List.of(), product, team, "ACTIVE", revision, Instant.now());
    }

    private static void publish(TouchpointState state) {
        events.publish(new Event<>(TouchpointState.TYPE, state.id().toString(), state));
    }
}
