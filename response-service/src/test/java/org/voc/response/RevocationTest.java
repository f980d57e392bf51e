package org.voc.response;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.voc.response.InvitationApiTest.answers;
import static org.voc.response.InvitationApiTest.respond;
import static org.voc.response.InvitationApiTest.show;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.voc.events.InvitationKeyRetired;
import org.voc.events.InvitationRevoked;
import org.voc.testsupport.EventProducer;
import org.voc.testsupport.Tables;
import org.voc.testsupport.Tokens;

/**
 * What survey-service revokes on voc.invitation-revocations is refused here, although the signature is good: a
 * revoked invitation (410 on the API and the page), every token of a retired key (404, like any untrusted key). And
 * the database keeps no token.
 */
@QuarkusTest
class RevocationTest {

    @Inject
    DataSource db;

    @Test
    void aRevokedInvitationIsRefusedOnTheApiAndThePage() {
        InvitationToken invitation = InvitedSurveys.invitation();
        String token = invitation.sign();
        InvitedSurveys.awaitKnown(token);
        show(token).statusCode(200);
        InvitationToken other = InvitedSurveys.invitation();

        try (EventProducer producer = new EventProducer()) {
            producer.publish(InvitationRevoked.TYPE.of(new InvitationRevoked(
                    invitation.invitationId, invitation.surveyId, 1, invitation.customerRef, Instant.now())));
        }
        awaitStatus(token, 410);
        show(token)
                .statusCode(410)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:voc:problem:invitation-revoked"))
                .body("instance", equalTo("/api/respond/{token}"));
        respond(token, answers(UUID.randomUUID(), 9))
                .statusCode(410)
                .body("type", equalTo("urn:voc:problem:invitation-revoked"));
        given().get("/s/{token}", token).then().statusCode(410).contentType("text/html");
        Map<String, Object> relayed = Surveys.body(invitation.surveyId, invitation.touchpointKey);
        relayed.remove("surveyId");
        relayed.remove("surveyVersion");
        relayed.remove("touchpointKey");
        relayed.remove("channel");
        relayed.remove("customerRef");
        relayed.put("invitationToken", token);
        Surveys.submit(relayed)
                .then()
                .statusCode(410)
                .body("type", equalTo("urn:voc:problem:invitation-revoked"))
                .body("errors[0].field", equalTo("invitationToken"));

        show(other.sign()).statusCode(200); // only that invitation
    }

    @Test
    void everyTokenOfARetiredKeyIsRefused() {
        InvitationToken leaked = InvitedSurveys.invitation();
        leaked.kid = InvitationKeyring.leaked();
        String token = leaked.sign();
        InvitedSurveys.awaitKnown(token);
        show(token).statusCode(200);

        try (EventProducer producer = new EventProducer()) {
            producer.publish(
                    InvitationKeyRetired.TYPE.of(new InvitationKeyRetired(InvitationKeyring.leaked(), Instant.now())));
        }
        awaitStatus(token, 404);
        show(token).statusCode(404).body("type", equalTo("urn:voc:problem:invitation-not-found"));
        InvitationToken another = InvitedSurveys.invitation();
        another.kid = InvitationKeyring.leaked();
        show(another.sign()).statusCode(404);
        respond(another.sign(), answers(UUID.randomUUID(), 9)).statusCode(404);
        given().get("/s/{token}", token).then().statusCode(404);

        show(InvitedSurveys.invitation().sign()).statusCode(200); // tokens of other keys still work
    }

    @Test
    void theDatabaseHoldsNoInvitationToken() throws SQLException {
        InvitationToken invitation = InvitedSurveys.invitation();
        String token = invitation.sign();
        InvitedSurveys.awaitKnown(token);
        respond(token, answers(UUID.randomUUID(), 9)).statusCode(201);
        Map<String, Object> relayed = Surveys.body(invitation.surveyId, invitation.touchpointKey);
        InvitationToken second = InvitedSurveys.invitation();
        relayed.put("customerRef", second.customerRef);
        relayed.put("channel", second.channel);
        relayed.put("invitationToken", second.sign());
        relayed.put("answers", answers(null, 9).get("answers"));
        Surveys.submit(relayed).then().statusCode(201);
        given().auth()
                .oauth2(Tokens.user("analyst"))
                .get("/api/responses/{id}", relayed.get("id"))
                .then()
                .statusCode(200);

        assertEquals(List.of(), Tables.holding(db, token));
        assertEquals(List.of(), Tables.holding(db, second.sign().split("\\.")[1]), "not even the claims part");
    }

    private static void awaitStatus(String token, int status) {
        await("the revocation has reached response-service")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> given().get("/api/respond/{token}", token).statusCode() == status);
    }
}
