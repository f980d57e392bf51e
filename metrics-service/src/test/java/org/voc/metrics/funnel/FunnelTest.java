package org.voc.metrics.funnel;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.voc.metrics.funnel.FunnelEvents.assertCounts;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.voc.events.InvitationIssued;
import org.voc.events.ResponseSubmitted;
import org.voc.events.Topics;
import org.voc.metrics.funnel.FunnelEvents.Invitation;
import org.voc.testsupport.Tokens;
import org.voc.testsupport.TopicReader;

/** The response-rate funnel fed through the real voc.invitations and voc.responses topics. */
@QuarkusTest
class FunnelTest {

    private static final Instant ISSUED = Instant.parse("2026-10-05T09:15:00Z");

    private static FunnelEvents events;

    @BeforeAll
    static void open() {
        events = new FunnelEvents();
    }

    @AfterAll
    static void close() {
        events.close();
    }

    private static Map<String, String> october(String touchpoint) {
        return Map.of("touchpoint", touchpoint, "from", "2026-10-01", "to", "2026-10-31");
    }

    @Test
    void eachStepCountsOnceWhateverIsSentAgain() {
        String tp = FunnelEvents.touchpoint("replay");
        Invitation answered = new Invitation(tp, "EMAIL", ISSUED);
        Invitation expired = new Invitation(tp, "EMAIL", ISSUED);
        Invitation open = new Invitation(tp, "EMAIL", ISSUED);
        List<Runnable> all = new ArrayList<>();
        for (Invitation invitation : List.of(answered, expired, open)) {
            all.add(() -> events.issue(invitation));
        }
        all.add(() -> events.open(answered, ISSUED.plusSeconds(60)));
        ResponseSubmitted response = answered.answered(ISSUED.plusSeconds(120));
        all.add(() -> events.answer(response));
        all.add(() -> events.expire(expired));
        all.forEach(Runnable::run);
        all.forEach(Runnable::run); // right after: most likely in the same polls
        events.awaitConsumed();
        all.forEach(Runnable::run); // later: in other polls
        events.answer(answered, ISSUED.plusSeconds(600)); // a second response to the same invitation
        events.awaitConsumed();

        JsonPath funnel = FunnelEvents.funnel(october(tp));
        assertCounts(funnel, "rows[0]", 3, 1, 1, 1);
        assertEquals(1, funnel.getLong("rows[0].stillOpen"));
        assertEquals(0.3333, funnel.getDouble("rows[0].openRate"));
        assertEquals(0.3333, funnel.getDouble("rows[0].responseRate"));
    }

    @Test
    void stepsBeforeTheIssueAreCountedWhenItArrives() {
        String tp = FunnelEvents.touchpoint("order");
        Invitation viaApp = new Invitation(tp, "SMS", ISSUED);
        Invitation openedTwice = new Invitation(tp, "SMS", ISSUED);
        // The app answered without a GET: no opened event. The response is consumed before the issue.
        events.answer(viaApp, ISSUED.plusSeconds(30));
        events.open(openedTwice, ISSUED.plusSeconds(40));
        events.open(openedTwice, ISSUED.plusSeconds(50));
        events.awaitConsumed();
        JsonPath before = FunnelEvents.funnel(october(tp));
        assertCounts(before, "rows[0]", 0, 0, 0, 0);

        events.issue(viaApp);
        events.issue(openedTwice);
        events.awaitConsumed();
        JsonPath after = FunnelEvents.funnel(october(tp));
        assertCounts(after, "rows[0]", 2, 2, 1, 0);
        assertEquals(1, after.getLong("rows[0].stillOpen"));

        events.open(viaApp, ISSUED.plusSeconds(90)); // opened after answering: already counted as opened
        events.open(openedTwice, ISSUED.plusSeconds(95));
        events.awaitConsumed();
        assertCounts(FunnelEvents.funnel(october(tp)), "rows[0]", 2, 2, 1, 0);
    }

    @Test
    void invitationsCountInTheDayOfTheirIssueInTheCallersTimeZone() {
        String tp = FunnelEvents.touchpoint("tz");
        // 22:30 UTC on 14 October is 00:30 on the 15th in Paris (CEST, UTC+2).
        events.issue(new Invitation(tp, "EMAIL", Instant.parse("2026-10-14T22:30:00Z")));
        events.issue(new Invitation(tp, "EMAIL", Instant.parse("2026-10-14T21:59:59Z")));
        events.issue(new Invitation(tp, "EMAIL", Instant.parse("2026-10-15T08:00:00Z")));
        events.awaitConsumed();

        JsonPath utc = FunnelEvents.funnel(
                Map.of("touchpoint", tp, "from", "2026-10-14", "to", "2026-10-15", "granularity", "day"));
        assertEquals("UTC", utc.getString("timeZone"));
        assertEquals(List.of("2026-10-14T00:00:00Z", "2026-10-15T00:00:00Z"), utc.getList("rows.period"));
        assertEquals(List.of(2, 1), utc.getList("rows.issued"));

        JsonPath paris = FunnelEvents.funnel(Map.of(
                "touchpoint",
                tp,
                "from",
                "2026-10-14",
                "to",
                "2026-10-15",
                "granularity",
                "day",
                "tz",
                "Europe/Paris"));
        assertEquals("2026-10-13T22:00:00Z", paris.getString("from"));
        assertEquals(List.of("2026-10-14T00:00:00+02:00", "2026-10-15T00:00:00+02:00"), paris.getList("rows.period"));
        assertEquals(List.of(1, 2), paris.getList("rows.issued"));

        JsonPath hours = FunnelEvents.funnel(Map.of(
                "touchpoint",
                tp,
                "from",
                "2026-10-15",
                "to",
                "2026-10-15",
                "granularity",
                "hour",
                "tz",
                "Europe/Paris"));
        assertEquals(List.of("2026-10-15T00:00:00+02:00", "2026-10-15T10:00:00+02:00"), hours.getList("rows.period"));
    }

    @Test
    void groupsByDeliveryChannelWithTheWilsonInterval() {
        String tp = FunnelEvents.touchpoint("delivery");
        List<Invitation> email = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            email.add(new Invitation(tp, "EMAIL", ISSUED.plusSeconds(i)));
        }
        Invitation sms = new Invitation(tp, "SMS", ISSUED);
        Invitation none = new Invitation(tp, null, ISSUED);
        email.forEach(events::issue);
        events.issue(sms);
        events.issue(none);
        events.answer(email.get(0), ISSUED.plusSeconds(100));
        events.answer(email.get(1), ISSUED.plusSeconds(100));
        events.open(email.get(2), ISSUED.plusSeconds(100));
        events.expire(sms);
        events.awaitConsumed();

        JsonPath funnel = FunnelEvents.funnel(
                Map.of("touchpoint", tp, "from", "2026-10-01", "to", "2026-10-31", "groupBy", "deliveryChannel"));
        assertEquals(List.of("deliveryChannel"), funnel.getList("groupBy"));
        // Ordered by the stored value: none ('') first.
        assertNull(funnel.get("rows[0].deliveryChannel"));
        assertCounts(funnel, "rows[0]", 1, 0, 0, 0);
        assertEquals("EMAIL", funnel.getString("rows[1].deliveryChannel"));
        assertNull(funnel.get("rows[1].touchpoint"));
        assertCounts(funnel, "rows[1]", 4, 3, 2, 0);
        assertEquals(0.5, funnel.getDouble("rows[1].responseRate"));
        // Wilson 95 % for 2 of 4: centre (0.5 + z²/8) / (1 + z²/4) = 0.5, half-width 0.3500 (worked by hand).
        assertEquals(0.1500, funnel.getDouble("rows[1].responseRateInterval.lower"));
        assertEquals(0.8500, funnel.getDouble("rows[1].responseRateInterval.upper"));
        assertEquals("SMS", funnel.getString("rows[2].deliveryChannel"));
        assertCounts(funnel, "rows[2]", 1, 0, 0, 1);
        assertEquals(0, funnel.getLong("rows[2].stillOpen"));

        JsonPath emailOnly = FunnelEvents.funnel(
                Map.of("touchpoint", tp, "from", "2026-10-01", "to", "2026-10-31", "deliveryChannel", "EMAIL"));
        assertCounts(emailOnly, "rows[0]", 4, 3, 2, 0);
    }

    @Test
    void unusableInvitationEventsAreDeadLetteredAndLaterOnesStillCount() {
        String tp = FunnelEvents.touchpoint("poison");
        Invitation good = new Invitation(tp, "EMAIL", ISSUED);
        Invitation noSurvey = new Invitation(UUID.randomUUID(), null, tp, "APP", "SMS", ISSUED);
        String issuedType = InvitationIssued.TYPE.type();
        events.producer().send(Topics.INVITATIONS, null, tp + "-garbage", issuedType, "not JSON {", "ce-1");
        events.producer()
                .send(
                        Topics.INVITATIONS,
                        null,
                        tp + "-no-survey",
                        issuedType,
                        events.producer().write(noSurvey.issued()),
                        "ce-2");
        events.producer().send(Topics.INVITATIONS, null, tp + "-unknown", "voc.invitation.teleported.v1", "{}", "ce-3");
        events.issue(good);
        events.awaitConsumed();

        assertCounts(FunnelEvents.funnel(october(tp)), "rows[0]", 1, 0, 0, 0);
        try (TopicReader dlq = new TopicReader(Topics.INVITATIONS + ".dlq")) {
            Map<String, String> reasons =
                    dlq.awaitAll(e -> e.key() != null && e.key().startsWith(tp), 3, Duration.ofSeconds(30)).stream()
                            .collect(Collectors.toMap(
                                    TopicReader.Event::key, e -> e.headers().get("dlq-reason")));
            assertEquals(3, reasons.size(), reasons.toString());
            assertTrue(reasons.get(tp + "-garbage").startsWith("unreadable"), reasons.toString());
            assertTrue(reasons.get(tp + "-no-survey").contains("surveyId"), reasons.toString());
            assertTrue(reasons.get(tp + "-unknown").contains("is not read here"), reasons.toString());
        }
    }

    @Test
    void anEmptyRangeAnswersZerosWithoutRates() {
        JsonPath funnel = FunnelEvents.funnel(october(FunnelEvents.touchpoint("nothing")));
        assertCounts(funnel, "rows[0]", 0, 0, 0, 0);
        assertNull(funnel.get("rows[0].responseRate"));
        assertNull(funnel.get("rows[0].responseRateInterval"));
        assertEquals(0.95, funnel.getDouble("confidenceLevel"));
    }

    @Test
    void badParametersAreProblemsNamingTheField() {
        Map<String, Map<String, String>> cases = Map.of(
                "groupBy", Map.of("groupBy", "segment"),
                "tz", Map.of("tz", "Mars/Olympus"),
                "granularity", Map.of("granularity", "fortnight"),
                "survey", Map.of("survey", "not-a-uuid"),
                "from", Map.of("from", "2026-11-02", "to", "2026-11-01"));
        cases.forEach((field, params) -> given().auth()
                .oauth2(Tokens.user("analyst"))
                .queryParams(params)
                .get("/api/metrics/funnel")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo(field)));
        given().auth()
                .oauth2(Tokens.user("analyst"))
                .queryParams(Map.of("tz", "+02:00"))
                .get("/api/metrics/funnel")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("tz"));
        given().auth()
                .oauth2(Tokens.user("analyst"))
                .queryParams(Map.of("from", "2000-01-01", "to", "2026-01-01", "granularity", "hour"))
                .get("/api/metrics/funnel")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("granularity"));
    }
}
