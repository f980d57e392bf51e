package org.voc.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.voc.testsupport.Tokens;
import org.voc.testsupport.TopicReader;

/**
 * The outer loop of the seeds' story, through the five packaged services (docs/improvement.md): detractors at a
 * touchpoint open cases; agents resolve them naming one root cause; the Pareto puts that cause first; an improvement
 * action linked to those cases is marked DONE as of the day its fix went live; the answers after that day are better;
 * metrics-service's verdict is IMPROVED with its numbers; the action is VERIFIED and announced to its customers ("you
 * said, we did") without the one who opted out; the closed cases' customers are re-surveyed through survey-service's
 * distribution, and the recovery rate shows in the case KPIs. Every number is asserted.
 *
 * <p>Time: the fix went live at the start of the day two days ago (UTC), windows of one day each, so the answers before
 * it are dated the day before that and the answers after it that day: both windows closed more than a day ago, and the
 * verdict comes as soon as the action is DONE.
 */
class OuterLoopIT {

    private static final String RECOVERY_TOUCHPOINT = "case-closure";
    private static Suite suite;

    @BeforeAll
    static void startSuite() throws InterruptedException {
        suite = Suite.start(Suite.ALL);
    }

    @AfterAll
    static void stopSuite() {
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    void detractorsCausesAnActionItsMeasuredEffectAndTheCustomersWinBack() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String touchpoint = "card-delivery-" + suffix;
        String team = "cards-ops-" + suffix;
        String admin = Tokens.user("admin");
        String designer = Tokens.user("designer");
        String analyst = Tokens.user("analyst");
        String agent = Tokens.user("agent");
        String ingest = Tokens.ingestClient();
        Instant today = Instant.now().truncatedTo(ChronoUnit.DAYS);
        // Two days ago: the after window closed yesterday, beyond metrics-service's settling hour for late answers.
        Instant doneAt = today.minus(Duration.ofDays(2));
        Instant before = doneAt.minus(Duration.ofHours(12));
        Instant after = doneAt.plus(Duration.ofHours(12));

        // The team, its touchpoint, an NPS survey; the recovery survey on the case-closure touchpoint; a case rule
        // that asks for a recovery re-survey when the touchpoint's detractor cases are closed.
        as(admin, "touchpoint-registry")
                .body("""
                {"key": "%s", "name": "Cards operations", "timeZone": "UTC", "members": ["agent"],
                 "workingHours": {"days": ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY",
                                           "SUNDAY"], "start": "00:00", "end": "23:59"}}""".formatted(team))
                .post("/api/teams")
                .then()
                .statusCode(201);
        touchpointOf(admin, touchpoint, "Card delivery", team);
        touchpointOf(admin, RECOVERY_TOUCHPOINT, "Case closure", team);
        String surveyId = publishedNps(designer, touchpoint);
        recoverySurvey(designer);
        as(designer, "case-service")
                .body("""
                {"name": "Win back %s", "conditions": {"nps": {"atMost": 6}, "touchpoints": ["%s"]},
                 "priority": "NORMAL", "firstContactTarget": "PT4H", "resolutionTarget": "P3D",
                 "recoverySurvey": true}""".formatted(touchpoint, touchpoint))
                .post("/api/case-rules")
                .then()
                .statusCode(201);

        // The taxonomy: Process → Card delivery → Courier late, and Staff → Rude.
        String process = cause(admin, "PROCESS-" + suffix, "Process", null);
        String delivery = cause(admin, "CARD-DELIVERY-" + suffix, "Card delivery", process);
        String courierLate = cause(admin, "COURIER-LATE-" + suffix, "Courier late", delivery);
        String rude = cause(admin, "RUDE-" + suffix, "Rude", cause(admin, "STAFF-" + suffix, "Staff", null));

        // 1. Before the fix: 30 answers, 12 detractors (NPS 2), 10 passives (8), 8 promoters (10): NPS −13.3.
        List<String> detractors = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String customer = "cust-b" + i + "-" + suffix;
            int score = i < 12 ? 2 : i < 22 ? 8 : 10;
            if (i < 12) {
                detractors.add(customer);
            }
            submit(ingest, surveyId, customer, score, before.plusSeconds(i));
        }
        Map<String, String> caseOf = awaitCases(team, touchpoint, detractors);

        // One of the customers says no more contact before anything else happens.
        String optedOut = detractors.get(0);
        as(ingest, "survey-service")
                .body("{\"reason\": \"asked on the phone\"}")
                .put("/api/opt-outs/" + optedOut)
                .then()
                .statusCode(200);

        // 2. The agent works every case to closure: nine were the courier, three a rude clerk. Closing asks for the
        // recovery re-surveys, whose invitations are read from voc.invitations from here on.
        TopicReader invitations = TopicReader.fromNow("voc.invitations");
        for (int i = 0; i < detractors.size(); i++) {
            String id = caseOf.get(detractors.get(i));
            work(agent, id, "claim", null, "ASSIGNED");
            work(agent, id, "contact", "{\"channel\": \"PHONE\", \"outcome\": \"REACHED\"}", "IN_CONTACT");
            work(
                    agent,
                    id,
                    "resolve",
                    "{\"code\": \"APOLOGISED\", \"rootCauses\": [\"" + (i < 9 ? courierLate : rude) + "\"]}",
                    "RESOLVED");
            work(agent, id, "close", null, "CLOSED");
        }

        // 3. The Pareto of the day before the fix puts the courier first, by NPS points lost: 100 × 9 / 30 = 30.
        JsonPath pareto = as(analyst, "case-service")
                .queryParam("touchpoint", touchpoint)
                .queryParam("from", LocalDate.ofInstant(before, ZoneOffset.UTC).toString())
                .queryParam("to", LocalDate.ofInstant(before, ZoneOffset.UTC).toString())
                .queryParam("rankBy", "npsPointsLost")
                .get("/api/root-causes/pareto")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(courierLate, pareto.getString("items[0].rootCauseId"));
        assertEquals(9, pareto.getInt("items[0].cases"));
        assertEquals(9, pareto.getInt("items[0].detractors"));
        assertEquals(30.0, pareto.getDouble("items[0].npsPointsLost"), 1e-6);
        assertEquals(rude, pareto.getString("items[1].rootCauseId"));
        assertEquals(10.0, pareto.getDouble("items[1].npsPointsLost"), 1e-6);
        assertEquals(0.75, pareto.getDouble("items[0].share"), 1e-6);
        assertEquals(30, pareto.getInt("npsAnswers"), "the touchpoint's NPS answers that day");

        // 5. (before 4, so that they are counted when the verdict is made) After the fix, 30 answers: 3 detractors,
        // 9 passives, 18 promoters: NPS 50.
        for (int i = 0; i < 30; i++) {
            int score = i < 3 ? 3 : i < 12 ? 7 : 9;
            submit(ingest, surveyId, "cust-a" + i + "-" + suffix, score, after.plusSeconds(i));
        }
        awaitNps(analyst, touchpoint, doneAt, doneAt.plus(Duration.ofDays(1)), 30);

        // 4. The analyst proposes the action against the cause, links the courier cases, and it goes live.
        String action = as(analyst, "case-service")
                .body("""
                {"title": "Courier SLA with the card carrier", "ownerTeam": "%s", "rootCauseIds": ["%s"],
                 "touchpointKeys": ["%s"], "expectedEffect": {"metric": "nps", "target": 20},
                 "impactWindowDays": 1, "minSample": 20}""".formatted(team, courierLate, touchpoint))
                .post("/api/improvement-actions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        List<String> courierCases = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            courierCases.add(caseOf.get(detractors.get(i)));
        }
        as(analyst, "case-service")
                .header("If-Match", actionEtag(analyst, action))
                .body("{\"caseIds\": [\"" + String.join("\", \"", courierCases) + "\"]}")
                .post("/api/improvement-actions/" + action + "/cases")
                .then()
                .statusCode(200);
        step(analyst, action, "approve", null, "APPROVED");
        step(analyst, action, "start", null, "IN_PROGRESS");
        step(analyst, action, "done", "{\"doneAt\": \"" + doneAt + "\"}", "DONE");

        // 6. metrics-service's verdict: IMPROVED, −13.3 → 50 on 30 answers each, the target of 20 met.
        JsonPath verdict = await(
                        () -> as(analyst, "case-service").get("/api/improvement-actions/" + action),
                        r -> r.statusCode() == 200 && r.jsonPath().get("verdict") != null,
                        "the verdict reaches the action")
                .jsonPath();
        assertEquals("IMPROVED", verdict.getString("verdict.verdict"));
        assertEquals(30, verdict.getInt("verdict.beforeN"));
        assertEquals(-13.333, verdict.getDouble("verdict.beforeValue"), 1e-3);
        assertEquals(30, verdict.getInt("verdict.afterN"));
        assertEquals(50.0, verdict.getDouble("verdict.afterValue"), 1e-9);
        assertEquals(63.333, verdict.getDouble("verdict.difference"), 1e-3);
        assertTrue(verdict.getDouble("verdict.pValue") < 0.001, "p " + verdict.getDouble("verdict.pValue"));
        assertEquals(true, verdict.getBoolean("verdict.targetMet"));
        assertEquals(false, verdict.getBoolean("verdict.insufficientSample"));
        assertEquals(doneAt, Instant.parse(verdict.getString("verdict.doneAt")));

        // "You said, we did": verified, the action is announced to the courier cases' customers but the opted-out.
        try (TopicReader announcements = new TopicReader("voc.announcements")) {
            step(analyst, action, "verify", "{}", "VERIFIED");
            JsonPath announced = JsonPath.from(announcements
                    .awaitMatching(e -> action.equals(e.key()), Duration.ofSeconds(60))
                    .get(0)
                    .value());
            assertEquals(
                    new TreeSet<>(detractors.subList(1, 9)), new TreeSet<>(announced.<String>getList("customerRefs")));
            assertEquals(1, announced.getInt("excluded"));
            assertEquals("Courier SLA with the card carrier", announced.getString("title"));
        }

        // 7. The twelve closed cases asked for a re-survey; survey-service invited eleven (not the opted-out). Four
        // answer happy, two still unhappy: a recovery rate of 4 / 6.
        Map<String, String> links;
        try (invitations) {
            links = recoveryLinks(invitations, caseOf, detractors.subList(1, 12));
        }
        assertEquals(
                "OPTED_OUT",
                as(analyst, "survey-service")
                        .get("/api/interactions/case-closure:" + caseOf.get(optedOut) + ":0/decision")
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("reason"));
        for (int i = 1; i <= 6; i++) {
            String customer = detractors.get(i);
            boolean happy = i <= 4;
            given().baseUri(suite.url("response-service"))
                    .contentType(ContentType.JSON)
                    .body("{\"answers\": [{\"questionId\": \"csat\", \"score\": " + (happy ? 5 : 2)
                            + "}, {\"questionId\": \"nps\", \"score\": " + (happy ? 9 : 3) + "}]}")
                    .post("/api/respond/" + links.get(customer))
                    .then()
                    .statusCode(201);
        }
        JsonPath kpis = await(
                        () -> as(analyst, "case-service")
                                .queryParam("team", team)
                                .queryParam("from", today.toString())
                                .queryParam("to", Instant.now().plusSeconds(60).toString())
                                .get("/api/cases/kpis"),
                        r -> r.statusCode() == 200 && r.jsonPath().getInt("recovery.answered") == 6,
                        "the six recovery answers reach the cases")
                .jsonPath();
        assertEquals(12, kpis.getInt("recovery.requested"));
        assertEquals(4, kpis.getInt("recovery.recovered"));
        assertEquals(4.0 / 6, kpis.getDouble("recovery.rate"), 1e-6);
        JsonPath recovered = as(analyst, "case-service")
                .get("/api/cases/" + caseOf.get(detractors.get(1)))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(true, recovered.getBoolean("recovery.recovered"));
        assertEquals(9, recovered.getInt("recovery.nps"));
        assertEquals(5, recovered.getInt("recovery.csat"));
    }

    private static RequestSpecification as(String token, String service) {
        return given().baseUri(suite.url(service)).auth().oauth2(token).contentType(ContentType.JSON);
    }

    private static void touchpointOf(String admin, String key, String name, String team) {
        Response created = as(admin, "touchpoint-registry")
                .body("""
                {"key": "%s", "name": "%s", "channel": "CONTACT_CENTER", "journeyStage": "SERVICE",
                 "signalKind": "DIRECT", "segments": ["RETAIL"], "product": "debit-card",
                 "ownerTeam": "%s"}""".formatted(key, name, team))
                .post("/api/touchpoints");
        // The case-closure touchpoint is one per installation: a second run against the same database finds it.
        assertTrue(
                created.statusCode() == 201 || (key.equals(RECOVERY_TOUCHPOINT) && created.statusCode() == 409),
                created.asString());
    }

    private static String publishedNps(String designer, String touchpoint) {
        String id = as(designer, "survey-service")
                .body("""
                {"name": "Card delivery NPS", "defaultLocale": "en", "touchpointKeys": ["%s"],
                 "questions": [{"id": "nps", "type": "NPS", "required": true,
                                "text": {"en": "How likely are you to recommend us?"}}]}""".formatted(touchpoint))
                .post("/api/surveys")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(designer, "survey-service")
                .post("/api/surveys/" + id + "/publish")
                .then()
                .statusCode(201);
        return id;
    }

    /** The case-recovery template on the case-closure touchpoint, inviting every closed case's customer by e-mail. */
    private static void recoverySurvey(String designer) {
        String id = as(designer, "survey-service")
                .body("{\"name\": \"Case recovery\", \"touchpointKeys\": [\"" + RECOVERY_TOUCHPOINT + "\"]}")
                .post("/api/surveys/from-template/case-recovery")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(designer, "survey-service")
                .post("/api/surveys/" + id + "/publish")
                .then()
                .statusCode(201);
        as(designer, "survey-service")
                .body("""
                {"enabled": true, "minGapPerCustomer": "P0D",
                 "rules": [{"touchpointKeys": ["%s"], "channels": ["CONTACT_CENTER"], "samplingRate": 1.0,
                            "invitationTtl": "P7D", "deliveryChannel": "EMAIL", "priority": 100}]}
                """.formatted(RECOVERY_TOUCHPOINT))
                .put("/api/surveys/" + id + "/distribution")
                .then()
                .statusCode(200);
    }

    private static String cause(String admin, String code, String name, String parent) {
        return as(admin, "case-service")
                .body("{\"code\": \"" + code + "\", \"name\": \"" + name + "\""
                        + (parent == null ? "" : ", \"parentId\": \"" + parent + "\"") + "}")
                .post("/api/root-causes")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static void submit(String ingest, String surveyId, String customer, int score, Instant respondedAt) {
        await(
                () -> as(ingest, "response-service")
                        .body("""
                        {"surveyId": "%s", "channel": "BRANCH", "customerRef": "%s", "respondedAt": "%s",
                         "answers": [{"questionId": "nps", "score": %d}]}
                        """.formatted(surveyId, customer, respondedAt, score))
                        .post("/api/responses"),
                r -> r.statusCode() == 201,
                "response-service accepts " + customer + "'s answer");
    }

    /**
     * Each detractor's case (by customer), once every one is listed for the team at the touchpoint (the team also owns
     * case-closure, whose unhappy recovery answers open cases of their own).
     */
    private static Map<String, String> awaitCases(String team, String touchpoint, List<String> customers) {
        JsonPath listed = await(
                        () -> as(Tokens.user("manager"), "case-service")
                                .queryParam("team", team)
                                .queryParam("touchpoint", touchpoint)
                                .queryParam("limit", 100)
                                .get("/api/cases"),
                        r -> r.statusCode() == 200
                                && r.jsonPath().getList("items").size() == customers.size(),
                        "case-service opens a case for each detractor")
                .jsonPath();
        Map<String, String> caseOf = new HashMap<>();
        for (Map<String, Object> item : listed.<Map<String, Object>>getList("items")) {
            caseOf.put((String) item.get("customerRef"), (String) item.get("id"));
        }
        assertEquals(customers.size(), caseOf.size());
        customers.forEach(c -> assertNotNull(caseOf.get(c), c));
        return caseOf;
    }

    private static void awaitNps(String analyst, String touchpoint, Instant from, Instant to, int n) {
        await(
                () -> as(analyst, "metrics-service")
                        .queryParam("touchpoint", touchpoint)
                        .queryParam("from", from.toString())
                        .queryParam("to", to.minusNanos(1000).toString())
                        .get("/api/metrics/nps"),
                r -> r.statusCode() == 200 && r.jsonPath().getInt("n") == n,
                "metrics-service counts the " + n + " answers after the fix");
    }

    /** The invitation token of each customer's recovery re-survey, read from voc.invitations. */
    private static Map<String, String> recoveryLinks(
            TopicReader invitations, Map<String, String> caseOf, List<String> customers) {
        Map<String, String> interactions = new HashMap<>();
        customers.forEach(c -> interactions.put("case-closure:" + caseOf.get(c) + ":0", c));
        Map<String, String> links = new HashMap<>();
        for (TopicReader.Event event : invitations.awaitAll(
                e -> interactions.containsKey(JsonPath.from(e.value()).getString("interactionId")),
                customers.size(),
                Duration.ofSeconds(90))) {
            JsonPath issued = JsonPath.from(event.value());
            String link = issued.getString("link");
            links.put(interactions.get(issued.getString("interactionId")), link.substring(link.lastIndexOf('/') + 1));
        }
        assertEquals(new TreeSet<>(customers), new TreeSet<>(links.keySet()), "one invitation per re-surveyed case");
        return links;
    }

    private static void work(String token, String caseId, String action, String body, String status) {
        String etag = as(token, "case-service").get("/api/cases/" + caseId).header("ETag");
        RequestSpecification request = as(token, "case-service").header("If-Match", etag);
        if (body != null) {
            request.body(body);
        }
        request.post("/api/cases/" + caseId + "/" + action)
                .then()
                .statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo(status));
    }

    private static String actionEtag(String token, String action) {
        return as(token, "case-service")
                .get("/api/improvement-actions/" + action)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
    }

    private static void step(String token, String action, String step, String body, String status) {
        RequestSpecification request = as(token, "case-service").header("If-Match", actionEtag(token, action));
        if (body != null) {
            request.body(body);
        }
        request.post("/api/improvement-actions/" + action + "/" + step)
                .then()
                .statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo(status));
    }

    private static Response await(Supplier<Response> call, Predicate<Response> done, String what) {
        return Polls.await(call, done, what, Duration.ofSeconds(90));
    }
}
