package org.voc.survey;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.voc.survey.Distribution.as;
import static org.voc.survey.Distribution.count;
import static org.voc.survey.Distribution.decide;
import static org.voc.survey.Distribution.ingest;
import static org.voc.survey.Distribution.interaction;
import static org.voc.survey.Distribution.invitingSurvey;
import static org.voc.survey.Distribution.touchpoint;
import static org.voc.survey.Distribution.unique;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.voc.events.Topics;
import org.voc.events.TouchpointState;
import org.voc.survey.distribution.domain.TouchpointReplicaService;
import org.voc.testsupport.TopicReader;

/** Interaction intake through the API: outcomes, every suppression reason, idempotency, batches and events. */
@QuarkusTest
class InteractionIntakeTest {

    @Inject
    DataSource db;

    @Inject
    TouchpointReplicaService replica;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void invitesWithASignedLinkAndPublishesTheDecisionAndTheInvitation() throws Exception {
        String tp = touchpoint(db);
        String survey = invitingSurvey(tp, 1.0, "P7D", "P0D");
        String customer = unique("cust");
        String id = unique("visit");
        JsonPath invited = ingest().body("""
                {"interactionId": "%s", "customerRef": "%s", "touchpointKey": "%s", "channel": "BRANCH",
                 "segment": "RETAIL", "employeeRef": "emp-1", "processRef": "proc-1",
                  "locale": "fr"}""".formatted(id, customer, tp))
                .post("/api/interactions")
                .then()
                .statusCode(201)
                .header("Location", containsString("/api/interactions/" + id + "/decision"))
                .body("outcome", equalTo("INVITED"))
                .body("reason", nullValue())
                .body("touchpointKey", equalTo(tp))
                .body("explanation", containsString(survey))
                .body("candidates[0].result", equalTo("INVITED"))
                .body("invitation.surveyId", equalTo(survey))
                .body("invitation.surveyVersion", equalTo(1))
                .body("invitation.locale", equalTo("fr"))
                .body("invitation.deliveryChannel", equalTo("SMS"))
                .body("invitation.status", equalTo("ISSUED"))
                .body("invitation.link", startsWith("http://localhost:8083/s/"))
                .extract()
                .jsonPath();
        String invitationId = invited.getString("invitation.id");
        Instant decidedAt = Instant.parse(invited.getString("decidedAt"));
        assertEquals(decidedAt.plus(Duration.ofDays(7)), Instant.parse(invited.getString("invitation.expiresAt")));
        String token = invited.getString("invitation.link").substring("http://localhost:8083/s/".length());
        assertEquals(3, token.split("\\.").length, "the link carries a compact JWS");
        JsonNode claims = json.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        assertEquals("RETAIL", claims.get("seg").asText(), "the interaction's dimensions are signed into the token");
        assertEquals("emp-1", claims.get("emp").asText());
        assertEquals("proc-1", claims.get("proc").asText());

        // A locale the survey version lacks falls back to its default locale.
        String plain = ingest().body(
                        interaction(unique("visit"), unique("cust"), tp, null).replace("}", ", \"locale\": \"de\"}"))
                .post("/api/interactions")
                .then()
                .statusCode(201)
                .body("invitation.locale", equalTo("en"))
                .extract()
                .path("invitation.link");
        JsonNode bare = json.readTree(Base64.getUrlDecoder().decode(plain.split("\\.")[1]));
        assertFalse(
                bare.has("emp") || bare.has("proc"),
                "an interaction without employee or process adds no claim for them: " + bare);

        // Analysts read the decision and the invitation back, without the link.
        as("analyst")
                .get("/api/interactions/" + id + "/decision")
                .then()
                .statusCode(200)
                .body("invitation.id", equalTo(invitationId))
                .body("invitation", not(hasKey("link")));
        String pseudonym = as("analyst")
                .get("/api/invitations/" + invitationId)
                .then()
                .statusCode(200)
                .body("customerRef", matchesPattern("pn-[0-9a-f]{24}"))
                .body("status", equalTo("ISSUED"))
                .body("$", not(hasKey("link")))
                .extract()
                .path("customerRef");
        as("analyst")
                .get("/api/interactions/" + id + "/decision")
                .then()
                .body("customerRef", equalTo(pseudonym))
                .body("invitation.customerRef", equalTo(pseudonym));
        as("pii-analyst")
                .get("/api/invitations/" + invitationId)
                .then()
                .statusCode(200)
                .body("customerRef", equalTo(customer));
        ingest().get("/api/interactions/" + id + "/decision").then().body("customerRef", equalTo(customer));

        try (TopicReader reader = new TopicReader(Topics.DECISIONS)) {
            List<TopicReader.Event> events =
                    reader.awaitMatching(e -> e.value().contains("\"" + id + "\""), Duration.ofSeconds(30));
            assertEquals(1, events.size());
            assertEquals(customer, events.get(0).key(), "decisions are keyed by customer");
            assertEquals("voc.distribution.decided.v1", events.get(0).headers().get("ce_type"));
            JsonNode decided = json.readTree(events.get(0).value());
            assertEquals("INVITED", decided.get("outcome").asText());
            assertEquals(invitationId, decided.get("invitationId").asText());
            assertEquals(survey, decided.get("surveyId").asText());
        }
        try (TopicReader reader = new TopicReader(Topics.INVITATIONS)) {
            List<TopicReader.Event> events =
                    reader.awaitMatching(e -> invitationId.equals(e.key()), Duration.ofSeconds(30));
            assertEquals(1, events.size());
            assertEquals("voc.invitation.issued.v1", events.get(0).headers().get("ce_type"));
            JsonNode issued = json.readTree(events.get(0).value());
            assertEquals(id, issued.get("interactionId").asText());
            assertEquals(
                    invited.getString("invitation.link"), issued.get("link").asText());
            assertEquals("fr", issued.get("locale").asText());
        }
    }

    @Test
    void everySuppressionReasonIsExplained() {
        String customer = unique("cust");
        // Unknown touchpoint key.
        ingest().body(interaction(unique("visit"), customer, unique("nowhere"), null))
                .post("/api/interactions")
                .then()
                .statusCode(201)
                .body("outcome", equalTo("SUPPRESSED"))
                .body("reason", equalTo("UNKNOWN_TOUCHPOINT"))
                .body("explanation", containsString("no touchpoint"));

        // A retired touchpoint is unknown for new interactions.
        UUID retiredId = UUID.randomUUID();
        String retired = unique("tp");
        touchpoint(db, retiredId, retired, "ACTIVE", 0, null);
        invitingSurvey(retired, 1.0, "P7D", "P0D");
        touchpoint(db, retiredId, retired, "RETIRED", 1, null);
        assertEquals("UNKNOWN_TOUCHPOINT", decide(customer, retired, null));

        // A touchpoint without an active survey; a paused survey does not invite either.
        String quiet = touchpoint(db);
        assertEquals("NO_ACTIVE_SURVEY", decide(customer, quiet, null));
        String paused = touchpoint(db);
        String pausedSurvey = invitingSurvey(paused, 1.0, "P7D", "P0D");
        as("designer").post("/api/surveys/" + pausedSurvey + "/pause").then().statusCode(200);
        assertEquals("NO_ACTIVE_SURVEY", decide(customer, paused, null));
        as("designer").post("/api/surveys/" + pausedSurvey + "/resume").then().statusCode(200);
        assertEquals("INVITED", decide(unique("cust"), paused, null));

        // Channel outside the rule.
        String branchOnly = touchpoint(db);
        String branchSurvey = Distribution.publishedSurvey(branchOnly);
        as("designer")
                .body(Distribution.distribution(branchOnly, 1.0, "P7D", "P0D")
                        .replace("\"channels\": []", "\"channels\": [\"BRANCH\"]"))
                .put("/api/surveys/" + branchSurvey + "/distribution")
                .then()
                .statusCode(200);
        ingest().body(interaction(unique("visit"), customer, branchOnly, null).replace("BRANCH", "WEB"))
                .post("/api/interactions")
                .then()
                .statusCode(201)
                .body("reason", equalTo("NO_ACTIVE_SURVEY"))
                .body("explanation", containsString("channel WEB"));

        // Older than the invitation TTL.
        String tp = touchpoint(db);
        invitingSurvey(tp, 1.0, "P7D", "P0D");
        assertEquals("STALE_INTERACTION", decide(customer, tp, Instant.now().minus(Duration.ofDays(8))));

        // Sampled out.
        String never = touchpoint(db);
        String neverSurvey = invitingSurvey(never, 0.0, "P7D", "P0D");
        ingest().body(interaction(unique("visit"), customer, never, null))
                .post("/api/interactions")
                .then()
                .statusCode(201)
                .body("reason", equalTo("NOT_SAMPLED"))
                .body("explanation", containsString("sampled out at rate 0.0"))
                .body("explanation", containsString(neverSurvey))
                .body("candidates[0].draw", notNullValue());

        // Opted out (checked before the rules).
        String optedOut = unique("cust");
        ingest().put("/api/opt-outs/" + optedOut).then().statusCode(200);
        assertEquals("OPTED_OUT", decide(optedOut, tp, null));

        // The same survey invited the customer the day before (minimum gap).
        String gapped = touchpoint(db);
        invitingSurvey(gapped, 1.0, "P7D", "P30D");
        String regular = unique("cust");
        assertEquals("INVITED", decide(regular, gapped, Instant.now().minus(Duration.ofDays(1))));
        assertEquals("MIN_GAP", decide(regular, gapped, null));
    }

    @Test
    void replicaKeepsTheHighestRevisionWhateverTheOrder() {
        UUID id = UUID.randomUUID();
        String key = unique("tp");
        Instant at = Instant.now();
        TouchpointState retired = new TouchpointState(
                id, key, "n", "BRANCH", "SERVICE", "DIRECT", List.of("RETAIL"), null, "team", "RETIRED", 2, at);
        TouchpointState active =
                new TouchpointState(id, key, "n", "BRANCH", "SERVICE", "DIRECT", null, null, "team", "ACTIVE", 1, at);
        replica.apply(List.of(retired, active));
        replica.apply(List.of(active)); // a replay of an older state changes nothing
        assertEquals(
                1,
                count(
                        db,
                        "select count(*) from touchpoint_replica where id = ? and status = 'RETIRED'"
                                + " and revision = 2",
                        id));
    }

    @Test
    void optOutThenRemoval() {
        String tp = touchpoint(db);
        invitingSurvey(tp, 1.0, "P7D", "P0D");
        String customer = unique("cust");
        ingest().get("/api/opt-outs/" + customer).then().statusCode(404).contentType("application/problem+json");
        ingest().body("{\"reason\": \"asked on +7 912 345-67-89 not to be surveyed\"}")
                .put("/api/opt-outs/" + customer)
                .then()
                .statusCode(200)
                .body("customerRef", equalTo(customer))
                .body("reason", equalTo("asked on +7 912 345-67-89 not to be surveyed"))
                .body("optedOutAt", notNullValue());
        String pseudonym = as("analyst")
                .get("/api/opt-outs/" + customer)
                .then()
                .statusCode(200)
                .body("customerRef", matchesPattern("pn-[0-9a-f]{24}"))
                .body("reason", equalTo("asked on [phone] not to be surveyed"))
                .extract()
                .path("customerRef");
        as("pii-analyst").get("/api/opt-outs/" + customer).then().body("customerRef", equalTo(customer));
        ingest().get("/api/opt-outs/" + customer).then().body("reason", containsString("345-67-89"));
        ingest().put("/api/opt-outs/" + customer).then().statusCode(200); // idempotent, body optional
        assertEquals("OPTED_OUT", decide(customer, tp, null));
        // The explanation names the customer: an analyst reads the pseudonym there too.
        String explanation = as("analyst")
                .queryParam("customerRef", customer)
                .get("/api/decisions")
                .then()
                .statusCode(200)
                .body("items[0].customerRef", equalTo(pseudonym))
                .extract()
                .path("items[0].explanation");
        assertTrue(explanation.contains(pseudonym) && !explanation.contains(customer), explanation);
        ingest().delete("/api/opt-outs/" + customer).then().statusCode(204);
        ingest().delete("/api/opt-outs/" + customer).then().statusCode(204);
        ingest().get("/api/opt-outs/" + customer).then().statusCode(404);
        assertEquals("INVITED", decide(customer, tp, null));
    }

    @Test
    void theSameInteractionTwiceIsOneDecisionOneInvitationOneEvent() {
        String tp = touchpoint(db);
        invitingSurvey(tp, 1.0, "P7D", "P0D");
        String id = unique("visit");
        String body = interaction(id, unique("cust"), tp, Instant.now().truncatedTo(ChronoUnit.SECONDS));
        JsonPath first = ingest().body(body)
                .post("/api/interactions")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        JsonPath again = ingest().body(body)
                .post("/api/interactions")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(first.getString("decisionId"), again.getString("decisionId"));
        assertEquals(first.getString("invitation.id"), again.getString("invitation.id"));
        assertTrue(first.getString("invitation.link").startsWith("http://localhost:8083/s/"));
        assertEquals(
                null,
                again.getString("invitation.link"),
                "the token is shown once, when issued: it is not stored, so a retry cannot show it again");
        assertEquals(1, count(db, "select count(*) from invitation where interaction_id = ?", id));
        assertEquals(1, count(db, "select count(*) from distribution_decision where interaction_id = ?", id));

        ingest().body(body.replace("RETAIL", "PRIVATE"))
                .post("/api/interactions")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("interactionId"));

        try (TopicReader reader = new TopicReader(Topics.DECISIONS)) {
            assertEquals(
                    1,
                    reader.awaitMatching(e -> e.value().contains("\"" + id + "\""), Duration.ofSeconds(30))
                            .size());
            assertTrue(
                    reader.awaitMatching(e -> e.value().contains("\"" + id + "\""), Duration.ofSeconds(2))
                            .isEmpty(),
                    "one decision event only");
        }
    }

    @Test
    void batchesDecideInOrderAndSeeTheirOwnInvitations() {
        String tp = touchpoint(db);
        invitingSurvey(tp, 1.0, "P7D", "P30D");
        String customer = unique("cust");
        String a = unique("visit");
        String b = unique("visit");
        String c = unique("visit");
        Instant t = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        String bodyA = interaction(a, customer, tp, t);
        String bodyB = interaction(b, customer, tp, t.plusSeconds(60));
        String bodyC = interaction(c, unique("cust"), tp, t);
        JsonPath batch = ingest().body("{\"interactions\": ["
                        + String.join(",", bodyA, bodyA, bodyB, bodyC, bodyC.replace("RETAIL", "PRIVATE")) + "]}")
                .post("/api/interactions/batch")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(List.of(201, 200, 201, 201, 409), batch.getList("decisions.status"));
        assertEquals(
                List.of(a, a, b, c), batch.getList("decisions.interactionId").subList(0, 4));
        assertEquals(
                batch.getString("decisions[0].decisionId"),
                batch.getString("decisions[1].decisionId"),
                "a duplicate within one batch gets the first one's decision");
        assertEquals("INVITED", batch.getString("decisions[0].outcome"));
        assertEquals(
                "MIN_GAP",
                batch.getString("decisions[2].reason"),
                "the second interaction of the customer sees the invitation of the first, in the same batch");
        assertEquals("INVITED", batch.getString("decisions[3].outcome"));
        assertEquals("urn:voc:problem:conflict", batch.getString("decisions[4].problem.type"));
        assertEquals(1, count(db, "select count(*) from invitation where customer_ref = ?", customer));
    }

    @Test
    void anInvalidItemRejectsTheWholeBatchNamingIt() {
        String tp = touchpoint(db);
        List<String> items = new ArrayList<>();
        String first = unique("visit");
        items.add(interaction(first, unique("cust"), tp, null));
        items.add(interaction(unique("visit"), unique("cust"), tp, null));
        items.add(interaction(unique("visit"), unique("cust"), tp, null));
        items.add(
                interaction(unique("visit"), unique("cust"), tp, null).replaceAll("\"customerRef\": \"[^\"]*\", ", ""));
        ingest().body("{\"interactions\": [" + String.join(",", items) + "]}")
                .post("/api/interactions/batch")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("interactions[3].customerRef"));
        as("analyst").get("/api/interactions/" + first + "/decision").then().statusCode(404);

        String many = String.join(",", Collections.nCopies(1001, interaction("x", "c", tp, null)));
        ingest().body("{\"interactions\": [" + many + "]}")
                .post("/api/interactions/batch")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("interactions"));
    }

    @Test
    void badInteractionsAreProblemsNamingTheField() {
        String tp = touchpoint(db);
        ingest().body("{\"customerRef\": \"c\", \"touchpointKey\": \"" + tp + "\", \"channel\": \"BRANCH\"}")
                .post("/api/interactions")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("interactionId"));
        ingest().body("""
                {"interactionId": "x", "customerRef": "c", "touchpointKey": "k",
                 "touchpointRef": {"system": "crm", "ref": "r"}, "channel": "BRANCH"}""")
                .post("/api/interactions")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("touchpointKey"));
        ingest().body("""
                {"interactionId": "x", "customerRef": "c", "touchpointRef": {"system": "crm"}, "channel": "BRANCH"}""")
                .post("/api/interactions")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("touchpointRef.ref"));
        ingest().body(interaction("x", "c", tp, Instant.now().plus(Duration.ofMinutes(10))))
                .post("/api/interactions")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("occurredAt"));
        ingest().body(interaction("x", "c", tp, null).replace("BRANCH", "APP"))
                .post("/api/interactions")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("channel"));
        ingest().body(interaction("x".repeat(121), "c", tp, null))
                .post("/api/interactions")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("interactionId"));
        ingest().body(interaction("x", "c", tp, null).replace("}", ", \"colour\": \"red\"}"))
                .post("/api/interactions")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("colour"));
        ingest().body(interaction("x", "c", tp, null)
                        .replace("\"segment\"", "\"occurredAt\": \"yesterday\", \"segment\""))
                .post("/api/interactions")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("occurredAt"));
        as("analyst")
                .get("/api/interactions/" + unique("never") + "/decision")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        as("analyst").get("/api/invitations/not-a-uuid").then().statusCode(404);
    }

    @Test
    void analystsPageThroughACustomersDecisionsNewestFirst() {
        String tp = touchpoint(db);
        String customer = unique("cust");
        for (int i = 0; i < 3; i++) {
            decide(customer, tp, null);
        }
        JsonPath page = as("analyst")
                .queryParam("customerRef", customer)
                .queryParam("limit", 2)
                .get("/api/decisions")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(2, page.getList("items").size());
        assertTrue(
                Instant.parse(page.getString("items[0].decidedAt"))
                                .compareTo(Instant.parse(page.getString("items[1].decidedAt")))
                        >= 0,
                "newest first");
        JsonPath next = as("analyst")
                .queryParam("customerRef", customer)
                .queryParam("limit", 2)
                .queryParam("after", page.getString("nextCursor"))
                .get("/api/decisions")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(1, next.getList("items").size());
        assertEquals(null, next.getString("nextCursor"));
        // The same customer, the same pseudonym on every decision; voc-pii sees the reference.
        String pseudonym = page.getString("items[0].customerRef");
        assertTrue(pseudonym.startsWith("pn-") && !pseudonym.equals(customer), pseudonym);
        assertEquals(pseudonym, page.getString("items[1].customerRef"));
        assertEquals(pseudonym, next.getString("items[0].customerRef"));
        as("pii-analyst")
                .queryParam("customerRef", customer)
                .get("/api/decisions")
                .then()
                .body("items.customerRef", everyItem(equalTo(customer)));
        as("analyst").get("/api/decisions").then().statusCode(400).body("errors[0].field", equalTo("customerRef"));
        as("analyst")
                .queryParam("customerRef", customer)
                .queryParam("limit", 0)
                .get("/api/decisions")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("limit"));
        as("analyst")
                .queryParam("customerRef", customer)
                .queryParam("after", "garbage")
                .get("/api/decisions")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("after"));
    }
}
