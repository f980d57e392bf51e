package org.voc.response;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.voc.response.InvitationApiTest.answers;
import static org.voc.response.InvitationApiTest.respond;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.voc.events.Topics;
import org.voc.testsupport.Tokens;
import org.voc.testsupport.TopicReader;

/**
 * The interaction's segment, employee and process travel with every response: from the invitation's signed claims
 * for an invited one (whatever the body says), from the body of a direct submission; stored, shown and published in
 * voc.response.submitted.v1.
 */
@QuarkusTest
class ResponseDimensionsTest {

    @Test
    void anInvitationsClaimsAreStoredShownAndPublishedWithItsResponse() throws Exception {
        InvitationToken invitation = InvitedSurveys.invitation();
        invitation.segment = "RETAIL";
        invitation.employeeRef = "emp-301";
        invitation.processRef = "card-order-5521";
        UUID id = UUID.randomUUID();
        respond(invitation.sign(), answers(id, 3))
                .statusCode(201)
                .body("segment", equalTo("RETAIL"))
                .body("employeeRef", equalTo("emp-301"))
                .body("processRef", equalTo("card-order-5521"));
        read(id).body("segment", equalTo("RETAIL"))
                .body("employeeRef", equalTo("emp-301"))
                .body("processRef", equalTo("card-order-5521"));

        JsonNode event = published(id);
        assertEquals("RETAIL", event.get("segment").asText());
        assertEquals("emp-301", event.get("employeeRef").asText());
        assertEquals("card-order-5521", event.get("processRef").asText());
        assertEquals(
                invitation.invitationId.toString(), event.get("invitationId").asText());
    }

    @Test
    void theHostedPageCarriesTheClaimsToo() throws Exception {
        InvitationToken invitation = InvitedSurveys.invitation();
        invitation.segment = "PRIVATE";
        invitation.employeeRef = "emp-7";
        UUID id = UUID.randomUUID();
        given().contentType(ContentType.URLENC)
                .redirects()
                .follow(false)
                .formParam("responseId", id.toString())
                .formParam("q.nps", "9")
                .post("/s/{token}", invitation.sign())
                .then()
                .statusCode(303);

        JsonNode event = published(id);
        assertEquals("PRIVATE", event.get("segment").asText());
        assertEquals("emp-7", event.get("employeeRef").asText());
        assertTrue(event.get("processRef").isNull(), "a claim the token lacks is unknown: " + event);
    }

    @Test
    void aTokenIssuedBeforeDimensionsStillAnswersWithoutThem() throws Exception {
        InvitationToken invitation = InvitedSurveys.invitation(); // no seg, emp or proc claim: the older shape
        UUID id = UUID.randomUUID();
        respond(invitation.sign(), answers(id, 9))
                .statusCode(201)
                .body("segment", nullValue())
                .body("employeeRef", nullValue())
                .body("processRef", nullValue());

        JsonNode event = published(id);
        for (String field : List.of("segment", "employeeRef", "processRef")) {
            assertTrue(event.get(field) == null || event.get(field).isNull(), field + " is unknown: " + event);
        }
    }

    @Test
    void aDirectSubmissionCarriesItsOwnDimensions() throws Exception {
        Surveys.Survey survey = Surveys.single();
        Map<String, Object> body = Surveys.body(survey.id(), survey.touchpointKey());
        body.put("segment", "SME");
        body.put("employeeRef", "emp-42");
        body.put("processRef", "loan-9001");
        UUID id = UUID.fromString((String) body.get("id"));
        assertEquals(201, Surveys.awaitAccepted(body).statusCode());
        Surveys.submit(body).then().statusCode(200).body("segment", equalTo("SME")); // a replay

        Map<String, Object> moved = new LinkedHashMap<>(body);
        moved.put("segment", "RETAIL");
        Surveys.submit(moved).then().statusCode(409); // the same id with another segment is another body

        read(id).body("segment", equalTo("SME"))
                .body("employeeRef", equalTo("emp-42"))
                .body("processRef", equalTo("loan-9001"));
        JsonNode event = published(id);
        assertEquals("SME", event.get("segment").asText());
        assertEquals("emp-42", event.get("employeeRef").asText());
        assertEquals("loan-9001", event.get("processRef").asText());
    }

    @Test
    void theSignedClaimsWinOverTheBodyOfARelayedInvitedResponse() throws Exception {
        InvitationToken invitation = InvitedSurveys.invitation();
        invitation.segment = "RETAIL";
        Map<String, Object> relayed = new LinkedHashMap<>(answers(UUID.randomUUID(), 8));
        relayed.put("invitationToken", invitation.sign());
        relayed.put("segment", "VIP");
        relayed.put("employeeRef", "emp-who-wants-the-credit");
        UUID id = UUID.fromString((String) relayed.get("id"));
        Surveys.submit(relayed)
                .then()
                .statusCode(201)
                .body("segment", equalTo("RETAIL"))
                .body("employeeRef", nullValue());

        JsonNode event = published(id);
        assertEquals("RETAIL", event.get("segment").asText());
        assertTrue(event.get("employeeRef").isNull(), "not the body's word: " + event);
    }

    @Test
    void unusableDimensionsAreProblemsNamingTheField() {
        Surveys.Survey survey = Surveys.single();
        Map<String, Object> tooLong = Surveys.body(survey.id(), survey.touchpointKey());
        tooLong.put("segment", "s".repeat(61));
        tooLong.put("employeeRef", "e".repeat(201));
        tooLong.put("processRef", "p".repeat(201));
        Surveys.submit(tooLong)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:voc:problem:validation"))
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("segment", "employeeRef", "processRef"));

        Map<String, Object> atTheLimit = Surveys.body(survey.id(), survey.touchpointKey());
        atTheLimit.put("segment", "s".repeat(60));
        atTheLimit.put("employeeRef", "e".repeat(200));
        atTheLimit.put("processRef", "p".repeat(200));
        Surveys.submit(atTheLimit).then().statusCode(201);

        Map<String, Object> blank = Surveys.body(survey.id(), survey.touchpointKey());
        blank.put("segment", "  ");
        Surveys.submit(blank)
                .then()
                .statusCode(400)
                .body("errors.field", equalTo(List.of("segment")))
                .body("errors[0].message", equalTo("must not be blank"));

        Map<String, Object> forged = Surveys.body(survey.id(), survey.touchpointKey());
        forged.put("processRef", "order-1\nsegment=VIP");
        forged.put("employeeRef", "emp\u001b[31m");
        Surveys.submit(forged)
                .then()
                .statusCode(400)
                .body("errors.field", equalTo(List.of("employeeRef", "processRef")))
                .body("errors[0].message", equalTo("must not contain control characters"));
    }

    @Test
    void aSignedDimensionThatBreaksTheContractMakesTheTokenUnusable() {
        InvitationToken invitation = InvitedSurveys.invitation();
        invitation.segment = "s".repeat(61); // a signer bug: the event could never be delivered
        respond(invitation.sign(), answers(null, 9))
                .statusCode(404)
                .body("type", equalTo("urn:voc:problem:invitation-not-found"));
    }

    private static io.restassured.response.ValidatableResponse read(UUID id) {
        return given().auth()
                .oauth2(Tokens.user("analyst"))
                .get("/api/responses/{id}", id)
                .then()
                .statusCode(200);
    }

    /** The one voc.response.submitted.v1 of the response. */
    private static JsonNode published(UUID id) throws Exception {
        try (TopicReader reader = new TopicReader(Topics.RESPONSES)) {
            List<TopicReader.Event> events =
                    reader.awaitAll(e -> id.toString().equals(e.key()), 1, Duration.ofSeconds(30));
            assertEquals(1, events.size(), "one event for response " + id);
            JsonNode payload = Surveys.JSON.readTree(events.get(0).value());
            assertFalse(payload.isMissingNode());
            return payload;
        }
    }
}
