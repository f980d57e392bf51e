package org.voc.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.voc.testsupport.Tokens;
import org.voc.testsupport.TopicReader;

/**
 * The Voice-of-Customer loop through the five packaged services, over HTTP, with Keycloak-issued tokens:
 * touchpoint → survey → responses → NPS → detractor case routed to the owning team and worked to closure (each
 * event read from voc.cases), and the invited path:
 * interaction → decision → signed invitation → answer with its token (JSON API and hosted page) → NPS → case;
 * and CSAT and CES surveys measured by segment and by the product the registry gives their touchpoint.
 */
class VocLoopIT {

    private static final List<String> SERVICES = Suite.ALL;
    private static Suite suite;

    @BeforeAll
    static void startSuite() throws InterruptedException {
        suite = Suite.start(SERVICES);
    }

    @AfterAll
    static void stopSuite() {
        if (suite != null) {
            suite.close();
        }
    }

    /** With -Dvoc.e2e.images: every service ran from its image as the chart runs it, not just somehow. */
    @Test
    void imagesRunAsUser185OnAReadOnlyRootFilesystem() {
        Assumptions.assumeTrue(ServiceImage.enabled(), "the services run as JVMs, not from their images");
        for (var service : suite.running()) {
            ServiceImage image = service.image().orElseThrow();
            assertEquals(
                    List.of("185", "185", "185", "185"),
                    List.of(image.status("Uid").split("\\s+")),
                    service.name() + " runs as UID 185");
            assertEquals(
                    List.of("185", "185", "185", "185"),
                    List.of(image.status("Gid").split("\\s+")),
                    service.name() + " runs as GID 185");
            assertTrue(image.rootMountOptions().contains("ro"), service.name() + " has a read-only root filesystem");
        }
    }

    private static RequestSpecification as(String token, String service) {
        return given().baseUri(suite.url(service)).auth().oauth2(token).contentType(ContentType.JSON);
    }

    @Test
    void detractorFeedbackIsMeasuredAndOpensACaseForTheOwningTeam() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String touchpoint = "card-delivery-" + suffix;
        String team = "cards-ops-" + suffix;
        String designer = Tokens.user("designer");

        // 1. An administrator registers the owner team, with the demo agent as a member, and the touchpoint.
        as(Tokens.user("admin"), "touchpoint-registry")
                .body("""
                {"key": "%s", "name": "Cards operations", "timeZone": "Europe/Paris", "members": ["agent"],
                 "workingHours": {"days": ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"],
                                  "start": "08:00", "end": "18:00"}}""".formatted(team))
                .post("/api/teams")
                .then()
                .statusCode(201);
        as(Tokens.user("admin"), "touchpoint-registry")
                .body("""
                {"key": "%s", "name": "Card delivery", "channel": "BRANCH", "journeyStage": "ONBOARDING",
                 "signalKind": "DIRECT", "segments": ["RETAIL"], "product": "debit-card",
                  "ownerTeam": "%s"}""".formatted(touchpoint, team))
                .post("/api/touchpoints")
                .then()
                .statusCode(201)
                .body("key", equalTo(touchpoint));

        // 2. A designer creates an NPS survey bound to it and publishes version 1.
        String surveyId = as(designer, "survey-service")
                .body("""
                {"name": "Card delivery NPS", "defaultLocale": "en", "touchpointKeys": ["%s"],
                 "questions": [
                   {"id": "nps", "type": "NPS", "required": true,
                    "text": {"en": "How likely are you to recommend us to a friend or colleague?"}},
                   {"id": "reason", "type": "TEXT", "required": false,
                    "text": {"en": "What is the main reason for your score?"}}]}""".formatted(touchpoint))
                .post("/api/surveys")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(designer, "survey-service")
                .post("/api/surveys/" + surveyId + "/publish")
                .then()
                .statusCode(201)
                .body("version", equalTo(1));

        // 3. An ingest client submits responses, validated against the published version.
        String ingest = Tokens.ingestClient();
        Supplier<Response> first = () -> as(ingest, "response-service")
                .body(response(surveyId, "cust-1", 10, null))
                .post("/api/responses");
        Response accepted = await(first, r -> r.statusCode() == 201, "response-service learns the published survey");
        assertEquals(10, accepted.jsonPath().getInt("nps"));
        for (String body : List.of(
                response(surveyId, "cust-2", 9, "Quick and friendly"),
                response(surveyId, "cust-3", 7, null),
                response(surveyId, "cust-4", 3, "The card arrived a week late and nobody called"))) {
            as(ingest, "response-service")
                    .body(body)
                    .post("/api/responses")
                    .then()
                    .statusCode(201);
        }
        as(ingest, "response-service")
                .body(response(surveyId, "cust-5", 11, null))
                .post("/api/responses")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("answers[0].score"));
        as(ingest, "response-service")
                .body(response(UUID.randomUUID().toString(), "cust-6", 5, null))
                .post("/api/responses")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("surveyId"));
        as(ingest, "response-service")
                .body("""
                {"surveyId": "%s", "customerRef": "cust-7", "answers": [{"questionId": "reason",
                 "text": "meh"}]}""".formatted(surveyId))
                .post("/api/responses")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("answers"));

        // 4. The metrics service counts them: 2 promoters, 1 passive, 1 detractor → NPS 25.
        Response nps = await(
                () -> as(Tokens.user("analyst"), "metrics-service")
                        .queryParam("touchpoint", touchpoint)
                        .queryParam(
                                "from", Instant.now().minus(Duration.ofDays(1)).toString())
                        .queryParam("to", Instant.now().plus(Duration.ofDays(1)).toString())
                        .get("/api/metrics/nps"),
                r -> r.statusCode() == 200 && r.jsonPath().getInt("n") == 4,
                "metrics-service counts the four responses");
        assertEquals(2, nps.jsonPath().getInt("promoters"));
        assertEquals(1, nps.jsonPath().getInt("passives"));
        assertEquals(1, nps.jsonPath().getInt("detractors"));
        assertEquals(25.0, nps.jsonPath().getDouble("nps"), 1e-9);

        // 5. The detractor opened one case, routed to the touchpoint's owner team.
        Response cases = await(
                () -> as(Tokens.user("manager"), "case-service")
                        .queryParam("team", team)
                        .get("/api/cases"),
                r -> r.statusCode() == 200 && r.jsonPath().getList("items").size() == 1,
                "case-service opens one case for the owning team");
        assertEquals(touchpoint, cases.jsonPath().getString("items[0].touchpointKey"));
        assertEquals(3, cases.jsonPath().getInt("items[0].nps"));
        assertEquals("OPEN", cases.jsonPath().getString("items[0].status"));
        assertEquals("cust-4", cases.jsonPath().getString("items[0].customerRef"));
        assertEquals(
                "The card arrived a week late and nobody called",
                cases.jsonPath().getString("items[0].comment"));
        assertNotNull(cases.jsonPath().getString("items[0].dueAt"));
        assertNotNull(cases.jsonPath().getString("items[0].firstContactDueAt"));

        // 6. The agent of the team works the case to closure, each change with its ETag; each one is an event.
        String caseId = cases.jsonPath().getString("items[0].id");
        String agent = Tokens.user("agent");
        boolean routedLate;
        try (TopicReader events = new TopicReader("voc.cases")) {
            // The team hears of its case: from the opened event, or, when the response reached case-service before
            // the touchpoint's owner did (the opened event names no team), from the routed event that follows.
            List<TopicReader.Event> announced = events.awaitMatching(
                    e -> caseId.equals(e.key())
                            && List.of("voc.case.opened.v1", "voc.case.routed.v1")
                                    .contains(e.headers().get("ce_type"))
                            && team.equals(JsonPath.from(e.value()).getString("team")),
                    Duration.ofSeconds(60));
            assertEquals(1, announced.size(), "one event announces the case to its team: " + announced);
            routedLate = "voc.case.routed.v1".equals(announced.get(0).headers().get("ce_type"));
            await(
                    () -> as(agent, "case-service").get("/api/cases/" + caseId),
                    r -> r.statusCode() == 200,
                    "the agent sees the case once case-service knows the team's members");
            work(agent, caseId, "claim", null, "ASSIGNED");
            assertEquals(
                    "agent", caseEvent(events, caseId, "voc.case.assigned.v1").get("assignee"));
            work(agent, caseId, "contact", "{\"channel\": \"PHONE\", \"outcome\": \"REACHED\"}", "IN_CONTACT");
            assertEquals(
                    "PHONE", caseEvent(events, caseId, "voc.case.contacted.v1").get("channel"));
            work(agent, caseId, "resolve", "{\"code\": \"REISSUED_CARD\", \"note\": \"Sent by courier\"}", "RESOLVED");
            assertEquals(
                    "REISSUED_CARD",
                    caseEvent(events, caseId, "voc.case.resolved.v1").get("resolutionCode"));
            work(agent, caseId, "close", null, "CLOSED");
            assertEquals(caseId, caseEvent(events, caseId, "voc.case.closed.v1").get("caseId"));
        }
        List<String> actions = as(agent, "case-service")
                .get("/api/cases/" + caseId + "/history")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.action");
        // A late-routed case says so in its history, between its opening and its claim.
        List<String> expected = routedLate
                ? List.of("OPEN", "ROUTE", "CLAIM", "CONTACT", "RESOLVE", "CLOSE")
                : List.of("OPEN", "CLAIM", "CONTACT", "RESOLVE", "CLOSE");
        assertEquals(expected, actions);

        // 7. The closed-loop KPIs of the team count the case: contacted and resolved within their SLAs, no backlog.
        Response kpis = as(Tokens.user("manager"), "case-service")
                .queryParam("team", team)
                .get("/api/cases/kpis")
                .then()
                .statusCode(200)
                .extract()
                .response();
        assertEquals(1, kpis.jsonPath().getInt("opened"));
        assertEquals(1, kpis.jsonPath().getInt("firstContact.met"));
        assertEquals(1.0, kpis.jsonPath().getDouble("firstContact.withinSla"), 1e-4);
        assertNotNull(kpis.jsonPath().get("firstContact.medianHours"));
        assertEquals(1, kpis.jsonPath().getInt("resolution.met"));
        assertEquals(1.0, kpis.jsonPath().getDouble("resolution.withinSla"), 1e-4);
        assertEquals(0, kpis.jsonPath().getInt("backlog.total"));
        assertEquals(0, kpis.jsonPath().getInt("breaches.firstContact"));
    }

    /** One action on a case with its current ETag, as the agent; it must land in {@code status}. */
    private static void work(String token, String caseId, String action, String body, String status) {
        String etag = as(token, "case-service").get("/api/cases/" + caseId).header("ETag");
        RequestSpecification request = as(token, "case-service").header("If-Match", etag);
        if (body != null) {
            request.body(body);
        }
        request.post("/api/cases/" + caseId + "/" + action)
                .then()
                .statusCode(200)
                .body("status", equalTo(status));
    }

    /** The case's event of this type on voc.cases, as a map. */
    private static Map<String, Object> caseEvent(TopicReader events, String caseId, String type) {
        TopicReader.Event event = events.awaitMatching(
                        e -> caseId.equals(e.key()) && type.equals(e.headers().get("ce_type")), Duration.ofSeconds(60))
                .get(0);
        return JsonPath.from(event.value()).getMap("");
    }

    @Test
    void csatAndCesSurveysAreMeasuredBySegmentAndProduct() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String touchpoint = "mortgage-call-" + suffix;
        String product = "mortgage-" + suffix;
        String designer = Tokens.user("designer");
        as(Tokens.user("admin"), "touchpoint-registry")
                .body("""
                {"key": "%s", "name": "Mortgage advice call", "channel": "CONTACT_CENTER", "journeyStage": "SERVICE",
                 "signalKind": "DIRECT", "segments": ["RETAIL", "SME"], "product": "%s",
                 "ownerTeam": "mortgage-desk-%s"}""".formatted(touchpoint, product, suffix))
                .post("/api/touchpoints")
                .then()
                .statusCode(201);
        String surveyId = as(designer, "survey-service")
                .body(String.format("""
                {"name": "Mortgage call CSAT and CES", "defaultLocale": "en", "touchpointKeys": ["%s"],
                 "questions": [
                   {"id": "csat", "type": "CSAT", "required": true, "text": {"en": "How satisfied are you?"}},
                   {"id": "ces", "type": "CES", "required": true, "text": {"en": "How easy was it?"}}]}""", touchpoint))
                .post("/api/surveys")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(designer, "survey-service")
                .post("/api/surveys/" + surveyId + "/publish")
                .then()
                .statusCode(201);

        // RETAIL: CSAT 5, 4, 2 and CES 2, 3, 6; SME: CSAT 1, 2 and CES 7, 6.
        String ingest = Tokens.ingestClient();
        int[][] answers = {{5, 2}, {4, 3}, {2, 6}, {1, 7}, {2, 6}};
        String[] segments = {"RETAIL", "RETAIL", "RETAIL", "SME", "SME"};
        for (int i = 0; i < answers.length; i++) {
            String body = String.format("""
                    {"surveyId": "%s", "touchpointKey": "%s", "channel": "CONTACT_CENTER", "customerRef": "m-%d",
                     "segment": "%s", "answers": [{"questionId": "csat", "score": %d},
                     {"questionId": "ces", "score": %d}]}
                     """, surveyId, touchpoint, i, segments[i], answers[i][0], answers[i][1]);
            await(
                    () -> as(ingest, "response-service").body(body).post("/api/responses"),
                    r -> r.statusCode() == 201,
                    "response-service takes the response of segment " + segments[i]);
        }

        String analyst = Tokens.user("analyst");
        Response csat = await(
                () -> as(analyst, "metrics-service")
                        .queryParam("touchpoint", touchpoint)
                        .queryParam("groupBy", "segment")
                        .get("/api/metrics/csat/stats"),
                r -> r.statusCode() == 200
                        && r.jsonPath().getList("series").size() == 2
                        && r.jsonPath().getLong("series.find { it.groups.segment == 'SME' }.n") == 2
                        && r.jsonPath().getLong("series.find { it.groups.segment == 'RETAIL' }.n") == 3,
                "metrics-service counts the CSAT answers by segment");
        assertEquals(2, csat.jsonPath().getInt("series.find { it.groups.segment == 'RETAIL' }.satisfied.count"));
        assertEquals(
                200.0 / 3,
                csat.jsonPath().getDouble("series.find { it.groups.segment == 'RETAIL' }.satisfied.percent"),
                1e-4); // JSON numbers read as float
        assertEquals(0, csat.jsonPath().getInt("series.find { it.groups.segment == 'SME' }.satisfied.count"));
        assertEquals(
                100.0,
                csat.jsonPath().getDouble("series.find { it.groups.segment == 'SME' }.problem.percent"),
                1e-4); // JSON numbers read as float
        assertTrue(csat.jsonPath().getBoolean("series.find { it.groups.segment == 'SME' }.insufficientSample"));

        // CES by segment, filtered by the product the registry gives the touchpoint.
        Response ces = await(
                () -> as(analyst, "metrics-service")
                        .queryParam("product", product)
                        .queryParam("groupBy", "segment")
                        .get("/api/metrics/ces/stats"),
                r -> r.statusCode() == 200 && r.jsonPath().getList("series").size() == 2,
                "metrics-service knows the touchpoint's product from voc.touchpoints");
        assertEquals(
                11.0 / 3,
                ces.jsonPath().getDouble("series.find { it.groups.segment == 'RETAIL' }.mean"),
                1e-4); // JSON numbers read as float
        assertEquals(1, ces.jsonPath().getInt("series.find { it.groups.segment == 'RETAIL' }.highEffort.count"));
        assertEquals(
                6.5,
                ces.jsonPath().getDouble("series.find { it.groups.segment == 'SME' }.mean"),
                1e-4); // JSON numbers read as float
        assertEquals(2, ces.jsonPath().getInt("series.find { it.groups.segment == 'SME' }.highEffort.count"));
    }

    @Test
    void anInteractionInvitesTheCustomerWhoseAnswerIsMeasuredAndOpensACase() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String touchpoint = "branch-visit-" + suffix;
        String team = "branch-ops-" + suffix;
        String crmEvent = "visit.closed." + suffix;
        String designer = Tokens.user("designer");
        String ingest = Tokens.ingestClient();

        // 1. The touchpoint, known to the CRM by its own event name.
        as(Tokens.user("admin"), "touchpoint-registry")
                .body("""
                {"key": "%s", "name": "Branch visit", "channel": "BRANCH", "journeyStage": "SERVICE",
                 "signalKind": "DIRECT", "segments": ["RETAIL"], "product": "current-account", "ownerTeam": "%s",
                 "externalRefs": [{"system": "crm", "ref": "%s"}]}""".formatted(touchpoint, team, crmEvent))
                .post("/api/touchpoints")
                .then()
                .statusCode(201);

        // 2. A transactional NPS survey in English and French, invited after every branch visit.
        String surveyId = as(designer, "survey-service")
                .body("""
                {"name": "Branch visit NPS", "defaultLocale": "en", "touchpointKeys": ["%s"],
                 "questions": [
                   {"id": "nps", "type": "NPS", "required": true,
                    "text": {"en": "How likely are you to recommend us?", "fr": "Recommanderiez-vous notre banque ?"}},
                   {"id": "reason", "type": "TEXT", "required": false,
                    "text": {"en": "What is the main reason for your score?",
                     "fr": "Pour quelle raison ?"}}]}""".formatted(touchpoint))
                .post("/api/surveys")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(designer, "survey-service")
                .post("/api/surveys/" + surveyId + "/publish")
                .then()
                .statusCode(201);
        as(designer, "survey-service")
                .body("""
                {"enabled": true, "minGapPerCustomer": "P30D",
                 "rules": [{"touchpointKeys": ["%s"], "channels": ["BRANCH"], "samplingRate": 1.0,
                            "invitationTtl": "P7D", "deliveryChannel": "SMS",
                             "priority": 100}]}""".formatted(touchpoint))
                .put("/api/surveys/" + surveyId + "/distribution")
                .then()
                .statusCode(200);

        // 3. The CRM reports two visits; each customer is invited (once survey-service knows the touchpoint).
        String detractor = "cust-d-" + suffix;
        String promoter = "cust-p-" + suffix;
        Response detractorInvited = invite(ingest, detractor, crmEvent);
        Response promoterInvited = invite(ingest, promoter, crmEvent);
        String detractorLink = detractorInvited.jsonPath().getString("invitation.link");
        assertTrue(detractorLink.startsWith(suite.url("response-service") + "/s/"), detractorLink);
        String detractorToken = detractorLink.substring(detractorLink.lastIndexOf('/') + 1);

        // A second visit the same day is not surveyed again, and an analyst can read why.
        String again = "visit-" + UUID.randomUUID();
        as(ingest, "survey-service")
                .body(interaction(again, detractor, crmEvent))
                .post("/api/interactions")
                .then()
                .statusCode(201)
                .body("outcome", equalTo("SUPPRESSED"))
                .body("reason", equalTo("MIN_GAP"));
        as(Tokens.user("analyst"), "survey-service")
                .get("/api/interactions/" + again + "/decision")
                .then()
                .statusCode(200)
                .body("reason", equalTo("MIN_GAP"))
                .body("explanation", containsString(surveyId));

        // 4. The detractor answers through the JSON respondent API with the invitation token; no login.
        Response answered = await(
                () -> given().baseUri(suite.url("response-service"))
                        .contentType(ContentType.JSON)
                        .body("""
                        {"answers": [{"questionId": "nps", "score": 3},
                                     {"questionId": "reason", "text": "Forty minutes in the queue"}]}""")
                        .post("/api/respond/" + detractorToken),
                r -> r.statusCode() == 201,
                "response-service accepts the invitation's answer");
        assertEquals(detractor, answered.jsonPath().getString("customerRef"));
        assertEquals(touchpoint, answered.jsonPath().getString("touchpointKey"));
        assertEquals(
                detractorInvited.jsonPath().getString("invitation.id"),
                answered.jsonPath().getString("invitationId"));
        given().baseUri(suite.url("response-service"))
                .contentType(ContentType.JSON)
                .body("{\"answers\": [{\"questionId\": \"nps\", \"score\": 10}]}")
                .post("/api/respond/" + detractorToken)
                .then()
                .statusCode(409)
                .contentType("application/problem+json");

        // 5. The promoter answers on the hosted page, in French.
        String promoterLink = promoterInvited.jsonPath().getString("invitation.link");
        given().get(promoterLink)
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("Recommanderiez-vous notre banque"));
        given().redirects()
                .follow(false)
                .contentType(ContentType.URLENC)
                .formParam("q.nps", "10")
                .post(promoterLink)
                .then()
                .statusCode(303);

        // 6. Both answers count in the NPS (1 promoter, 1 detractor → 0), and the detractor's opened a case.
        Response nps = await(
                () -> as(Tokens.user("analyst"), "metrics-service")
                        .queryParam("touchpoint", touchpoint)
                        .queryParam(
                                "from", Instant.now().minus(Duration.ofDays(1)).toString())
                        .queryParam("to", Instant.now().plus(Duration.ofDays(1)).toString())
                        .get("/api/metrics/nps"),
                r -> r.statusCode() == 200 && r.jsonPath().getInt("n") == 2,
                "metrics-service counts both invited answers");
        assertEquals(0.0, nps.jsonPath().getDouble("nps"), 1e-9);
        Response cases = await(
                () -> as(Tokens.user("manager"), "case-service")
                        .queryParam("team", team)
                        .get("/api/cases"),
                r -> r.statusCode() == 200 && r.jsonPath().getList("items").size() == 1,
                "case-service opens a case for the detractor");
        assertEquals(detractor, cases.jsonPath().getString("items[0].customerRef"));
        assertEquals("Forty minutes in the queue", cases.jsonPath().getString("items[0].comment"));
    }

    /** Reports visits until survey-service, which learns touchpoints from voc.touchpoints, invites the customer. */
    private static Response invite(String ingest, String customer, String crmEvent) {
        return await(
                () -> as(ingest, "survey-service")
                        .body(interaction("visit-" + UUID.randomUUID(), customer, crmEvent))
                        .post("/api/interactions"),
                r -> r.statusCode() == 201 && "INVITED".equals(r.jsonPath().getString("outcome")),
                "survey-service invites " + customer);
    }

    private static String interaction(String id, String customer, String crmEvent) {
        return """
                {"interactionId": "%s", "customerRef": "%s", "touchpointRef": {"system": "crm", "ref": "%s"},
                 "channel": "BRANCH", "segment": "RETAIL",
                  "locale": "%s"}""".formatted(id, customer, crmEvent, customer.startsWith("cust-p-") ? "fr" : "en");
    }

    @Test
    void everyServiceIsObservable() {
        for (String service : SERVICES) {
            given().baseUri(suite.url(service))
                    .get("/q/health/ready")
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("UP"));
            given().baseUri(suite.url(service)).get("/q/health/live").then().statusCode(200);
            given().baseUri(suite.url(service))
                    .queryParam("format", "json")
                    .get("/q/openapi")
                    .then()
                    .statusCode(200)
                    .body("openapi", startsWith("3."));
            given().baseUri(suite.url(service))
                    .get("/q/metrics")
                    .then()
                    .statusCode(200)
                    .body(containsString("jvm_memory_used_bytes"));
        }
    }

    @Test
    void anErasedCustomerIsGoneFromEveryServiceThatReportsItsPart() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String touchpoint = "erasure-" + suffix;
        String team = "privacy-ops-" + suffix;
        String customer = "erase-me-" + suffix;
        String designer = Tokens.user("designer");
        as(Tokens.user("admin"), "touchpoint-registry")
                .body("""
                {"key": "%s", "name": "Erasure check", "channel": "BRANCH", "journeyStage": "SERVICE",
                 "signalKind": "DIRECT", "segments": ["RETAIL"], "ownerTeam": "%s"}""".formatted(touchpoint, team))
                .post("/api/touchpoints")
                .then()
                .statusCode(201);
        String surveyId = as(designer, "survey-service")
                .body("""
                {"name": "Erasure NPS", "defaultLocale": "en", "touchpointKeys": ["%s"],
                 "questions": [
                   {"id": "nps", "type": "NPS", "required": true, "text": {"en": "Recommend us?"}},
                   {"id": "reason", "type": "TEXT", "text": {"en": "Why?"}}]}""".formatted(touchpoint))
                .post("/api/surveys")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(designer, "survey-service")
                .post("/api/surveys/" + surveyId + "/publish")
                .then()
                .statusCode(201);

        // The customer answers twice, once as a detractor whose words name them; another customer answers too.
        String ingest = Tokens.ingestClient();
        String detractor = await(
                        () -> as(ingest, "response-service")
                                .body(response(surveyId, customer, 2, "I am Jane Roe, call me on 0123 456"))
                                .post("/api/responses"),
                        r -> r.statusCode() == 201,
                        "response-service learns the published survey")
                .path("id");
        String promoter = as(ingest, "response-service")
                .body(response(surveyId, customer, 10, "Great"))
                .post("/api/responses")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String other = as(ingest, "response-service")
                .body(response(surveyId, "keep-me-" + suffix, 9, "Fine"))
                .post("/api/responses")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String caseId = await(
                        () -> as(Tokens.user("manager"), "case-service")
                                .queryParam("team", team)
                                .get("/api/cases"),
                        r -> r.statusCode() == 200
                                && r.jsonPath().getList("items").size() == 1,
                        "case-service opens the detractor's case")
                .path("items[0].id");

        // A privacy officer erases the customer; every service reports its part within seconds.
        String privacy = Tokens.user("privacy");
        String erasure = as(privacy, "survey-service")
                .body("{\"customerRef\": \"" + customer + "\"}")
                .post("/api/erasures")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        Response done = await(
                () -> as(privacy, "survey-service").get("/api/erasures/" + erasure),
                r -> r.statusCode() == 200 && "COMPLETED".equals(r.jsonPath().getString("status")),
                "every service reports the erasure");
        assertEquals(
                List.of("case-service", "response-service", "survey-service"),
                done.jsonPath().getList("services.service"));
        assertEquals(
                List.of("COMPLETED", "COMPLETED", "COMPLETED"), done.jsonPath().getList("services.status"));
        assertEquals(1, done.jsonPath().getInt("services[0].counts.cases"));
        assertEquals(2, done.jsonPath().getInt("services[1].counts.responses"));

        String analyst = Tokens.user("analyst");
        for (String id : List.of(detractor, promoter)) {
            Response erased = as(analyst, "response-service").get("/api/responses/" + id);
            assertEquals(200, erased.statusCode());
            assertEquals(null, erased.jsonPath().getString("customerRef"));
            assertEquals(null, erased.jsonPath().getString("answers[1].text"));
        }
        assertEquals(
                2,
                as(analyst, "response-service")
                        .get("/api/responses/" + detractor)
                        .jsonPath()
                        .getInt("nps"));
        assertEquals(
                "keep-me-" + suffix,
                as(Tokens.user("pii-analyst"), "response-service")
                        .get("/api/responses/" + other)
                        .jsonPath()
                        .getString("customerRef"));
        Response anonymous = as(Tokens.user("manager"), "case-service").get("/api/cases/" + caseId);
        assertEquals(null, anonymous.jsonPath().getString("customerRef"));
        assertEquals(null, anonymous.jsonPath().getString("comment"));
    }

    @Test
    void everyOperationIsDocumentedWithASummaryAndAnExample() {
        for (String service : SERVICES) {
            Map<String, Map<String, Object>> paths = given().baseUri(suite.url(service))
                    .queryParam("format", "json")
                    .get("/q/openapi")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getMap("paths");
            int operations = 0;
            for (Map.Entry<String, Map<String, Object>> path : paths.entrySet()) {
                for (Map.Entry<String, Object> operation : path.getValue().entrySet()) {
                    if (!List.of("get", "post", "put", "patch", "delete").contains(operation.getKey())) {
                        continue;
                    }
                    operations++;
                    Map<?, ?> spec = (Map<?, ?>) operation.getValue();
                    String where = service + " " + operation.getKey().toUpperCase() + " " + path.getKey();
                    assertNotNull(spec.get("summary"), where + " has no summary");
                    // Browser pages (the hosted survey) answer HTML: an example page would say nothing an
                    // integrator needs. Every JSON operation shows an example.
                    boolean page = spec.toString().contains("text/html")
                            && !spec.toString().contains("application/json");
                    assertTrue(page || spec.toString().contains("example"), where + " has no example");
                }
            }
            assertTrue(operations > 0, service + " documents no operation");
        }
    }

    private static String response(String surveyId, String customer, int score, String reason) {
        String text = reason == null ? "" : ", {\"questionId\": \"reason\", \"text\": \"" + reason + "\"}";
        return """
                {"surveyId": "%s", "channel": "BRANCH", "customerRef": "%s",
                 "answers": [{"questionId": "nps", "score": %d}%s]}""".formatted(surveyId, customer, score, text);
    }

    private static Response await(Supplier<Response> call, Predicate<Response> done, String what) {
        return Polls.await(call, done, what, Duration.ofSeconds(60));
    }
}
