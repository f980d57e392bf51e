package org.voc.response;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.voc.response.Surveys.answer;
import static org.voc.response.Surveys.answers;
import static org.voc.response.Surveys.body;
import static org.voc.response.Surveys.json;
import static org.voc.response.Surveys.submit;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.voc.kit.problem.Invalid;
import org.voc.testsupport.Tokens;

@QuarkusTest
class ResponseApiTest {

    static Map<String, Object> valid() {
        Surveys.Survey survey = Surveys.single();
        return body(survey.id(), survey.touchpointKey());
    }

    @Test
    void submitsAndReadsAResponse() {
        Map<String, Object> body = valid();
        String id = (String) body.get("id");
        Surveys.Survey survey = Surveys.single();

        submit(body)
                .then()
                .statusCode(201)
                .header("Location", endsWith("/api/responses/" + id))
                .body("id", equalTo(id))
                .body("nps", equalTo(3))
                .body("receivedAt", notNullValue());

        given().auth()
                .oauth2(Tokens.user("pii-analyst"))
                .get("/api/responses/" + id)
                .then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("surveyId", equalTo(survey.id().toString()))
                .body("surveyVersion", equalTo(1))
                .body("touchpointKey", equalTo(survey.touchpointKey()))
                .body("channel", equalTo("BRANCH"))
                .body("customerRef", equalTo(body.get("customerRef")))
                .body("respondedAt", equalTo(body.get("respondedAt")))
                .body("nps", equalTo(3))
                .body("answers.questionId", contains("nps", "reason"))
                .body("answers[0].score", equalTo(3))
                .body("answers[0].type", equalTo("NPS"))
                .body("answers[1].text", equalTo("The card came a week late"));
    }

    @Test
    void defaultsTouchpointVersionTimeAndId() {
        Map<String, Object> body = valid();
        body.remove("id");
        body.remove("surveyVersion");
        body.remove("touchpointKey");
        body.remove("respondedAt");
        body.put("answers", List.of(answer("csat", "score", 5), answer("nps", "score", 10)));
        String id = given().auth()
                .oauth2(Tokens.user("admin"))
                .contentType(ContentType.JSON)
                .body(json(body))
                .post("/api/responses")
                .then()
                .statusCode(201)
                .body("surveyVersion", equalTo(1))
                .body("touchpointKey", equalTo(Surveys.single().touchpointKey()))
                .body("nps", equalTo(10))
                .body("channel", equalTo("BRANCH"))
                .extract()
                .path("id");
        given().auth()
                .oauth2(Tokens.user("admin"))
                .get("/api/responses/" + id)
                .then()
                .statusCode(200)
                .body("answers.questionId", contains("csat", "nps"));
    }

    @Test
    void analystsSeeAStablePseudonymAndMaskedTextAndPiiHoldersTheClearValues() {
        String verbatim = "Call me at +44 20 7946 0958 or jane@example.org, card 4111 1111 1111 1111 was charged";
        Map<String, Object> body = valid();
        answers(body).get(1).put("text", verbatim);
        String id = (String) body.get("id");
        // The submitting system gets back what it sent.
        submit(body).then().statusCode(201).body("customerRef", equalTo(body.get("customerRef")));
        Map<String, Object> sameCustomer = valid();
        sameCustomer.put("customerRef", body.get("customerRef"));
        submit(sameCustomer).then().statusCode(201);

        String pseudonym = read("analyst", id)
                .body("customerRef", matchesPattern("pn-[0-9a-f]{24}"))
                .body("answers[1].text", equalTo("Call me at [phone] or [email], card [number] was charged"))
                .body("answers[0].score", equalTo(3))
                .extract()
                .path("customerRef");
        read("analyst", id).body("customerRef", equalTo(pseudonym));
        read("admin", (String) sameCustomer.get("id")).body("customerRef", equalTo(pseudonym));
        read("analyst", (String) valid().get("id")).statusCode(404);

        read("pii-analyst", id)
                .body("customerRef", equalTo(body.get("customerRef")))
                .body("answers[1].text", equalTo(verbatim));
    }

    private static io.restassured.response.ValidatableResponse read(String user, String id) {
        return given().auth()
                .oauth2(Tokens.user(user))
                .get("/api/responses/" + id)
                .then();
    }

    @Test
    void replayingTheSameIdAndBodyReturnsTheStoredResponse() {
        Map<String, Object> body = valid();
        String receivedAt = submit(body).then().statusCode(201).extract().path("receivedAt");
        submit(body)
                .then()
                .statusCode(200)
                .header("Location", nullValue())
                .body("id", equalTo(body.get("id")))
                .body("receivedAt", equalTo(receivedAt));
    }

    @Test
    void aDifferentBodyUnderAnUsedIdIsAConflict() {
        Map<String, Object> body = valid();
        submit(body).then().statusCode(201);
        answers(body).get(0).put("score", 9);
        submit(body)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:voc:problem:conflict"))
                .body("errors.field", contains("id"));
        given().auth()
                .oauth2(Tokens.user("analyst"))
                .get("/api/responses/" + body.get("id"))
                .then()
                .statusCode(200)
                .body("nps", equalTo(3));
    }

    /** One fault per case, and the field the problem details must name. */
    enum Invalid {
        UNKNOWN_SURVEY("surveyId", b -> b.put("surveyId", UUID.randomUUID().toString())),
        MISSING_SURVEY("surveyId", b -> b.remove("surveyId")),
        MALFORMED_SURVEY_ID("surveyId", b -> b.put("surveyId", "not-a-uuid")),
        UNKNOWN_VERSION("surveyVersion", b -> b.put("surveyVersion", 99)),
        TOUCHPOINT_NOT_BOUND("touchpointKey", b -> b.put("touchpointKey", "not-bound-here")),
        TOUCHPOINT_NEEDED_WHEN_TWO_ARE_BOUND("touchpointKey", b -> {
            b.put("surveyId", Surveys.twoTouchpoints().id().toString());
            b.remove("touchpointKey");
        }),
        UNKNOWN_QUESTION("answers[1].questionId", b -> answers(b).get(1).put("questionId", "why")),
        SCORE_MISSING("answers[0].score", b -> answers(b).get(0).remove("score")),
        SCORE_NOT_AN_INTEGER("answers[0].score", b -> answers(b).get(0).put("score", 7.5)),
        SCORE_A_STRING("answers[0].score", b -> answers(b).get(0).put("score", "7")),
        SCORE_ABOVE_MAX("answers[0].score", b -> answers(b).get(0).put("score", 11)),
        SCORE_BELOW_MIN("answers[0].score", b -> answers(b).get(0).put("score", -1)),
        CSAT_OUTSIDE_ITS_OWN_RANGE("answers[2].score", b -> answers(b).add(answer("csat", "score", 0))),
        TEXT_ON_A_RATING_QUESTION("answers[0].text", b -> {
            answers(b).get(0).remove("score");
            answers(b).get(0).put("text", "ten");
        }),
        SCORE_ON_A_TEXT_QUESTION("answers[1].score", b -> {
            answers(b).get(1).remove("text");
            answers(b).get(1).put("score", 5);
        }),
        TEXT_TOO_LONG("answers[1].text", b -> answers(b).get(1).put("text", "x".repeat(4001))),
        QUESTION_ANSWERED_TWICE("answers[2].questionId", b -> answers(b).add(answer("nps", "score", 9))),
        CUSTOMER_REF_MISSING("customerRef", b -> b.remove("customerRef")),
        CUSTOMER_REF_TOO_LONG("customerRef", b -> b.put("customerRef", "c".repeat(121))),
        RESPONDED_IN_THE_FUTURE(
                "respondedAt",
                b -> b.put(
                        "respondedAt",
                        Instant.now().plus(Duration.ofMinutes(10)).toString())),
        RESPONDED_AT_MALFORMED("respondedAt", b -> b.put("respondedAt", "yesterday")),
        MISSPELT_FIELD("custmerRef", b -> b.put("custmerRef", "x"));

        final String field;
        final Consumer<Map<String, Object>> change;

        Invalid(String field, Consumer<Map<String, Object>> change) {
            this.field = field;
            this.change = change;
        }
    }

    @ParameterizedTest
    @EnumSource(Invalid.class)
    void invalidSubmissionsNameTheField(Invalid fault) {
        Map<String, Object> body = valid();
        fault.change.accept(body);
        submit(body)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains(fault.field));
    }

    @Test
    void aRequiredQuestionMustBeAnswered() {
        Map<String, Object> body = valid();
        answers(body).remove(0);
        submit(body)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("answers"))
                .body("detail", containsString("'nps'"));
    }

    @Test
    void unreadableBodiesAndUnknownIdsAreProblems() {
        given().auth()
                .oauth2(Tokens.ingestClient())
                .contentType(ContentType.JSON)
                .body("{\"surveyId\": ")
                .post("/api/responses")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(Tokens.user("analyst"))
                .get("/api/responses/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(Tokens.user("analyst"))
                .get("/api/responses/not-a-uuid")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }
}
