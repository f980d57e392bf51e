package org.voc.response;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.voc.events.Topics;
import org.voc.kit.problem.DomainException;
import org.voc.response.domain.Invitation;
import org.voc.response.domain.InvitationResponses;
import org.voc.response.domain.Outcome;
import org.voc.response.domain.Submission;
import org.voc.testsupport.Tokens;
import org.voc.testsupport.TopicReader;

/** The respondent JSON API and invitation tokens: verification, rotation, one response per invitation. */
@QuarkusTest
@QuarkusTestResource(JwksServer.class) // for every test class: they share one running service
class InvitationApiTest {

    static Map<String, Object> answers(UUID id, int nps) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (id != null) {
            body.put("id", id.toString());
        }
        List<Map<String, Object>> answers = new ArrayList<>();
        answers.add(Surveys.answer("nps", "score", nps));
        if (nps <= 6) {
            answers.add(Surveys.answer("what", "optionIds", List.of("late")));
        }
        answers.add(Surveys.answer("reason", "text", "It came a week late"));
        body.put("answers", answers);
        return body;
    }

    static ValidatableResponse respond(String token, Map<String, Object> body) {
        return given().contentType(ContentType.JSON)
                .body(Surveys.json(body))
                .post("/api/respond/{token}", token)
                .then();
    }

    static ValidatableResponse show(String token) {
        return given().get("/api/respond/{token}", token).then();
    }

    @Test
    void aValidTokenStoresTheResponseWithItsInvitation() throws Exception {
        InvitationToken invitation = InvitedSurveys.invitation();
        String token = invitation.sign();
        UUID id = UUID.randomUUID();
        respond(token, answers(id, 3))
                .statusCode(201)
                .header("Cache-Control", "no-store")
                .header("Referrer-Policy", "no-referrer")
                .body("id", equalTo(id.toString()))
                .body("invitationId", equalTo(invitation.invitationId.toString()))
                .body("surveyId", equalTo(invitation.surveyId.toString()))
                .body("surveyVersion", equalTo(1))
                .body("touchpointKey", equalTo(invitation.touchpointKey))
                .body("channel", equalTo("EMAIL"))
                .body("customerRef", equalTo(invitation.customerRef))
                .body("nps", equalTo(3));
        show(token).statusCode(200).body("invitation.status", equalTo("ANSWERED"));
        given().auth()
                .oauth2(Tokens.user("analyst"))
                .get("/api/responses/{id}", id)
                .then()
                .statusCode(200)
                .body("invitationId", equalTo(invitation.invitationId.toString()));

        try (TopicReader reader = new TopicReader(Topics.RESPONSES)) {
            List<TopicReader.Event> events =
                    reader.awaitAll(e -> id.toString().equals(e.key()), 1, Duration.ofSeconds(30));
            assertEquals(1, events.size());
            JsonNode payload = Surveys.JSON.readTree(events.get(0).value());
            assertEquals(
                    invitation.invitationId.toString(),
                    payload.get("invitationId").asText());
            assertEquals(invitation.customerRef, payload.get("customerRef").asText());
        }
    }

    @Test
    void anInvitationTakesOneResponseAndAReplayIsAnsweredWithIt() {
        String token = InvitedSurveys.invitation().sign();
        UUID id = UUID.randomUUID();
        show(token).statusCode(200).body("invitation.status", equalTo("OPEN"));
        respond(token, answers(id, 9)).statusCode(201);
        respond(token, answers(id, 9)).statusCode(200).body("id", equalTo(id.toString()));
        respond(token, answers(UUID.randomUUID(), 9))
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:voc:problem:already-answered"));
        respond(token, answers(null, 2)).statusCode(409).body("type", equalTo("urn:voc:problem:already-answered"));
    }

    @Test
    void concurrentResponsesToOneInvitationStoreExactlyOne() throws Exception {
        String token = InvitedSurveys.invitation().sign();
        int callers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        CountDownLatch start = new CountDownLatch(1);
        List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                int score = i;
                calls.add(pool.submit(() -> {
                    start.await();
                    statuses.add(respond(token, answers(UUID.randomUUID(), score))
                            .extract()
                            .statusCode());
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> call : calls) {
                call.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), "statuses: " + statuses);
        assertEquals(callers - 1, statuses.stream().filter(s -> s == 409).count(), "statuses: " + statuses);
    }

    @Inject
    InvitationResponses invitations;

    @Test
    void twoResponsesToOneInvitationQueuedTogetherStoreOne() throws Exception {
        Invitation invitation = invitations.verify(InvitedSurveys.invitation().sign());
        List<Submission.AnswerInput> answers = List.of(new Submission.AnswerInput("nps", BigDecimal.TEN, null));
        // Queued back to back, so the writer usually takes both in one batch; either way exactly one is stored.
        CompletableFuture<Outcome> first = invitations.answer(invitation, UUID.randomUUID(), answers);
        CompletableFuture<Outcome> second = invitations.answer(invitation, UUID.randomUUID(), answers);
        List<Object> results = new ArrayList<>();
        for (CompletableFuture<Outcome> result : List.of(first, second)) {
            try {
                results.add(result.get(30, TimeUnit.SECONDS).created());
            } catch (ExecutionException e) {
                results.add(((DomainException) e.getCause()).slug());
            }
        }
        assertEquals(List.of(true, "already-answered"), results);
    }

    @Test
    void anExpiredInvitationIsGone() {
        InvitationToken invitation = InvitedSurveys.invitation();
        invitation.issuedAt = Instant.now().minus(Duration.ofDays(20));
        invitation.expiresAt = Instant.now().minus(Duration.ofDays(6));
        String token = invitation.sign();
        show(token)
                .statusCode(410)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:voc:problem:invitation-expired"))
                .body("instance", equalTo("/api/respond/{token}"));
        respond(token, answers(null, 8)).statusCode(410).body("type", equalTo("urn:voc:problem:invitation-expired"));
    }

    @Test
    void tokensThatAreNotGenuineInvitationsAreNotFound() {
        InvitedSurveys.localized();
        List<String> forgeries = new ArrayList<>();
        forgeries.add(InvitedSurveys.invitation().signWithKeyOf(InvitationKeyring.UNPUBLISHED)); // forged signature
        InvitationToken unknownKid = InvitedSurveys.invitation();
        unknownKid.kid = InvitationKeyring.UNPUBLISHED;
        forgeries.add(unknownKid.sign());
        forgeries.add(InvitedSurveys.invitation().signHs256WithPublicKey());
        forgeries.add(InvitedSurveys.invitation().unsigned());
        InvitationToken wrongIssuer = InvitedSurveys.invitation();
        wrongIssuer.issuer = "urn:voc:someone-else";
        forgeries.add(wrongIssuer.sign());
        InvitationToken wrongAudience = InvitedSurveys.invitation();
        wrongAudience.audience = "voc-api";
        forgeries.add(wrongAudience.sign());
        // Expired AND forged: the forgery wins, an attacker learns nothing about expiry.
        InvitationToken expiredForgery = InvitedSurveys.invitation();
        expiredForgery.expiresAt = Instant.now().minus(Duration.ofDays(1));
        forgeries.add(expiredForgery.signWithKeyOf(InvitationKeyring.UNPUBLISHED));
        forgeries.add("not-a-token");
        forgeries.add("a.b.c");

        for (String forged : forgeries) {
            show(forged)
                    .statusCode(404)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:voc:problem:invitation-not-found"))
                    .body("detail", equalTo("this link is not a valid survey invitation"));
            respond(forged, answers(null, 8))
                    .statusCode(404)
                    .body("type", equalTo("urn:voc:problem:invitation-not-found"));
        }
    }

    @Test
    void tokensOfTheOldAndTheNewKeyBothVerifyAndALateKeyIsPickedUpOnFirstUse() {
        InvitationToken old = InvitedSurveys.invitation();
        old.kid = InvitationKeyring.OLD;
        show(old.sign()).statusCode(200);
        InvitationToken current = InvitedSurveys.invitation();
        show(current.sign()).statusCode(200); // the JWKS is cached now

        InvitationKeyring.publish(InvitationKeyring.LATE);
        InvitationToken late = InvitedSurveys.invitation();
        late.kid = InvitationKeyring.LATE;
        String token = late.sign();
        show(token).statusCode(200).body("invitation.id", equalTo(late.invitationId.toString()));
        respond(token, answers(null, 10)).statusCode(201);
    }

    @Test
    void theSurveyIsShownInTheInvitationsLocaleWithTheDefaultAsFallback() {
        InvitationToken french = InvitedSurveys.invitation();
        french.locale = "fr";
        show(french.sign())
                .statusCode(200)
                .body("invitation.locale", equalTo("fr"))
                .body("invitation.status", equalTo("OPEN"))
                .body("survey.locale", equalTo("fr"))
                .body("survey.version", equalTo(1))
                .body("survey.questions", hasSize(3))
                .body("survey.questions[0].id", equalTo("nps"))
                .body("survey.questions[0].text", equalTo(InvitedSurveys.NPS_FR))
                .body("survey.questions[0].min", equalTo(0))
                .body("survey.questions[0].max", equalTo(10))
                .body("survey.questions[0].minLabel", equalTo("Pas du tout probable"))
                .body("survey.questions[1].options.text", hasItem("Elle est arrivée en retard"))
                .body("survey.questions[1].showIf.questionId", equalTo("nps"))
                .body("survey.questions[1].showIf.operator", equalTo("LE"))
                .body("survey.questions[1].showIf.value", equalTo(6))
                .body("survey.questions[2].type", equalTo("TEXT"))
                .body("survey.questions[2].min", nullValue());

        InvitationToken german = InvitedSurveys.invitation();
        german.locale = "de";
        show(german.sign())
                .statusCode(200)
                .body("invitation.locale", equalTo("de"))
                .body("survey.locale", equalTo("en"))
                .body("survey.questions[0].text", equalTo(InvitedSurveys.NPS_EN))
                .body("survey.questions[0].minLabel", equalTo("Not at all likely"));
    }

    @Test
    void hiddenQuestionsMustNotBeAnsweredThroughTheApi() {
        String token = InvitedSurveys.invitation().sign();
        Map<String, Object> body = answers(null, 9);
        ((List<Map<String, Object>>) body.get("answers")).add(Surveys.answer("what", "optionIds", List.of("late")));
        respond(token, body).statusCode(400).body("errors.field", hasItem("answers[2].questionId"));
    }

    @Test
    void anInvitationTokenOnTheIngestApiFillsTheResponseAndMustNotBeContradicted() {
        InvitationToken invitation = InvitedSurveys.invitation();
        String token = invitation.sign();
        Map<String, Object> contradicting = new LinkedHashMap<>(answers(null, 8));
        contradicting.put("invitationToken", token);
        contradicting.put("surveyId", UUID.randomUUID().toString());
        contradicting.put("channel", "EMAIL"); // agrees with the token: not named
        Surveys.submit(contradicting)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("surveyId")));

        Map<String, Object> invited = new LinkedHashMap<>(answers(UUID.randomUUID(), 8));
        invited.put("invitationToken", token);
        invited.put("surveyId", invitation.surveyId.toString());
        Surveys.submit(invited)
                .then()
                .statusCode(201)
                .body("invitationId", equalTo(invitation.invitationId.toString()))
                .body("customerRef", equalTo(invitation.customerRef))
                .body("touchpointKey", equalTo(invitation.touchpointKey));
        Surveys.submit(invited).then().statusCode(200);

        Map<String, Object> forged = new LinkedHashMap<>(answers(null, 8));
        forged.put("invitationToken", InvitedSurveys.invitation().signWithKeyOf(InvitationKeyring.UNPUBLISHED));
        Surveys.submit(forged)
                .then()
                .statusCode(404)
                .body("type", equalTo("urn:voc:problem:invitation-not-found"))
                .body("errors.field", equalTo(List.of("invitationToken")));
    }

    @Test
    void uninvitedResponsesStillNeedTheirSurveyAndCustomer() {
        Map<String, Object> body = new LinkedHashMap<>(answers(null, 8));
        Surveys.submit(body).then().statusCode(400).body("errors.field", equalTo(List.of("surveyId", "customerRef")));
    }
}
