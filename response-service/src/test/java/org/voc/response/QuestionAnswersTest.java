package org.voc.response;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.voc.response.Surveys.answer;
import static org.voc.response.Surveys.submit;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.voc.events.SurveyVersionPublished.Condition;
import org.voc.events.SurveyVersionPublished.Option;
import org.voc.events.SurveyVersionPublished.Question;
import org.voc.events.Topics;
import org.voc.testsupport.Tokens;
import org.voc.testsupport.TopicReader;

/** Choice, rating and loyalty questions and display logic, validated against the replicated survey version. */
@QuarkusTest
class QuestionAnswersTest {

    private static Surveys.Survey survey;

    static List<Question> questions() {
        return List.of(
                new Question("nps", "NPS", true, 0, 10, Map.of("en", "Recommend us?")),
                new Question(
                        "what-went-wrong",
                        "TEXT",
                        true,
                        null,
                        null,
                        Map.of("en", "What went wrong?"),
                        null,
                        null,
                        null,
                        new Condition("nps", "LE", 6, null)),
                new Question(
                        "channel",
                        "SINGLE_CHOICE",
                        false,
                        null,
                        null,
                        Map.of("en", "How did you contact us?"),
                        options("phone", "chat", "branch"),
                        null,
                        null,
                        null),
                new Question(
                        "issues",
                        "MULTI_CHOICE",
                        false,
                        null,
                        null,
                        Map.of("en", "What was the problem?"),
                        options("slow", "rude", "wrong", "other"),
                        1,
                        2,
                        null),
                new Question(
                        "why-branch",
                        "TEXT",
                        false,
                        null,
                        null,
                        Map.of("en", "Why the branch?"),
                        null,
                        null,
                        null,
                        new Condition("channel", "IN", null, List.of("branch"))),
                new Question("stars", "RATING", false, 1, 10, Map.of("en", "Rate the branch")),
                new Question("repurchase", "CLI_REPURCHASE", false, 0, 10, Map.of("en", "Buy again?")),
                new Question("cross-buy", "CLI_CROSS_BUY", false, 0, 10, Map.of("en", "Try other products?")));
    }

    static List<Option> options(String... ids) {
        return Stream.of(ids).map(id -> new Option(id, Map.of("en", id))).toList();
    }

    static synchronized Surveys.Survey survey() {
        if (survey == null) {
            survey = new Surveys.Survey(UUID.randomUUID(), List.of(Surveys.touchpointKey()));
            Surveys.publish(survey.id(), 1, survey.touchpointKeys(), questions(), null);
            assertEquals(
                    201, Surveys.awaitAccepted(body(answer("nps", "score", 9))).statusCode());
        }
        return survey;
    }

    @SafeVarargs
    static Map<String, Object> body(Map<String, Object>... answers) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", UUID.randomUUID().toString());
        body.put("surveyId", survey.id().toString());
        body.put("surveyVersion", 1);
        body.put("customerRef", "cust-" + UUID.randomUUID().toString().substring(0, 6));
        body.put("answers", new ArrayList<>(List.of(answers)));
        return body;
    }

    @SafeVarargs
    static Map<String, Object> answered(Map<String, Object>... answers) {
        survey();
        return body(answers);
    }

    @Test
    void aDetractorAnswersEveryKindOfQuestion() throws Exception {
        Map<String, Object> body = answered(
                answer("nps", "score", 3),
                answer("what-went-wrong", "text", "Nobody called me back"),
                answer("channel", "optionId", "branch"),
                answer("issues", "optionIds", List.of("slow", "rude")),
                answer("why-branch", "text", "It is next door"),
                answer("stars", "score", 10),
                answer("repurchase", "score", 0),
                answer("cross-buy", "score", 10));
        String id = (String) body.get("id");
        submit(body).then().log().ifValidationFails().statusCode(201).body("nps", equalTo(3));
        given().auth()
                .oauth2(Tokens.user("analyst"))
                .get("/api/responses/" + id)
                .then()
                .statusCode(200)
                .body(
                        "answers.questionId",
                        contains(
                                "nps",
                                "what-went-wrong",
                                "channel",
                                "issues",
                                "why-branch",
                                "stars",
                                "repurchase",
                                "cross-buy"))
                .body("answers[2].optionIds", contains("branch"))
                .body("answers[3].optionIds", contains("slow", "rude"))
                .body("answers[5].score", equalTo(10))
                .body("answers[6].type", equalTo("CLI_REPURCHASE"));

        try (TopicReader reader = new TopicReader(Topics.RESPONSES)) {
            List<TopicReader.Event> events = reader.awaitAll(e -> id.equals(e.key()), 1, Duration.ofSeconds(30));
            JsonNode answers = Surveys.JSON.readTree(events.get(0).value()).get("answers");
            assertEquals("branch", answers.get(2).get("optionIds").get(0).asText());
            assertEquals("rude", answers.get(3).get("optionIds").get(1).asText());
            assertEquals(
                    3, Surveys.JSON.readTree(events.get(0).value()).get("nps").asInt());
        }
    }

    @Test
    void aPromoterIsNotAskedWhatWentWrong() {
        submit(answered(answer("nps", "score", 9), answer("channel", "optionIds", List.of("phone"))))
                .then()
                .log()
                .ifValidationFails()
                .statusCode(201);
        submit(answered(answer("nps", "score", 9), answer("what-went-wrong", "text", "Nothing")))
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("answers[1].questionId"))
                .body("detail", containsString("not displayed"));
    }

    @Test
    void aDisplayedRequiredQuestionMustBeAnswered() {
        submit(answered(answer("nps", "score", 6)))
                .then()
                .statusCode(400)
                .body("errors.field", contains("answers"))
                .body("detail", containsString("what-went-wrong"));
    }

    @Test
    void aQuestionShownForAnotherChoiceMustNotBeAnswered() {
        submit(answered(
                        answer("nps", "score", 10),
                        answer("channel", "optionId", "phone"),
                        answer("why-branch", "text", "Because")))
                .then()
                .statusCode(400)
                .body("errors.field", contains("answers[2].questionId"));
        submit(answered(answer("nps", "score", 10), answer("why-branch", "text", "Because")))
                .then()
                .statusCode(400)
                .body("errors.field", contains("answers[1].questionId"));
    }

    static Stream<Arguments> invalidAnswers() {
        return Stream.of(
                Arguments.of("unknown option", answer("channel", "optionId", "fax"), "answers[1].optionId"),
                Arguments.of(
                        "two options on a single choice",
                        answer("channel", "optionIds", List.of("phone", "chat")),
                        "answers[1].optionIds"),
                Arguments.of(
                        "single choice without an option", answer("channel", "optionIds", null), "answers[1].optionId"),
                Arguments.of("score on a single choice", answer("channel", "score", 2), "answers[1].score"),
                Arguments.of(
                        "too many options",
                        answer("issues", "optionIds", List.of("slow", "rude", "wrong")),
                        "answers[1].optionIds"),
                Arguments.of("no option", answer("issues", "optionIds", List.of()), "answers[1].optionIds"),
                Arguments.of(
                        "unknown option among several",
                        answer("issues", "optionIds", List.of("slow", "late")),
                        "answers[1].optionIds[1]"),
                Arguments.of(
                        "the same option twice",
                        answer("issues", "optionIds", List.of("slow", "slow")),
                        "answers[1].optionIds"),
                Arguments.of("text on a multi choice", answer("issues", "text", "slow"), "answers[1].text"),
                Arguments.of("rating above its scale", answer("stars", "score", 11), "answers[1].score"),
                Arguments.of("rating below its scale", answer("stars", "score", 0), "answers[1].score"),
                Arguments.of("loyalty question above 10", answer("repurchase", "score", 11), "answers[1].score"),
                Arguments.of("loyalty question below 0", answer("cross-buy", "score", -1), "answers[1].score"),
                Arguments.of("option on a rating", answer("stars", "optionId", "slow"), "answers[1].optionId"),
                Arguments.of(
                        "options on a text",
                        answer("why-branch", "optionIds", List.of("slow")),
                        "answers[1].optionIds"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidAnswers")
    void invalidAnswersAreNamed(String rule, Map<String, Object> answer, String field) {
        submit(answered(answer("nps", "score", 10), answer))
                .then()
                .log()
                .ifValidationFails()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains(field));
    }

    @Test
    void aResponseToVersionOneStaysValidAfterVersionTwo() {
        Surveys.Survey versioned = new Surveys.Survey(UUID.randomUUID(), List.of(Surveys.touchpointKey()));
        Surveys.publish(
                versioned.id(),
                1,
                versioned.touchpointKeys(),
                List.of(
                        new Question("nps", "NPS", true, 0, 10, Map.of("en", "Recommend us?")),
                        new Question(
                                "channel",
                                "SINGLE_CHOICE",
                                false,
                                null,
                                null,
                                Map.of("en", "Channel?"),
                                options("phone", "chat"),
                                null,
                                null,
                                null)),
                null);
        Map<String, Object> v1 = Surveys.body(versioned.id(), versioned.touchpointKey());
        Surveys.answers(v1).set(1, answer("channel", "optionId", "chat"));
        assertEquals(201, Surveys.awaitAccepted(v1).statusCode());

        // Version 2 drops the channel question and asks for a rating instead.
        Surveys.publish(
                versioned.id(),
                2,
                versioned.touchpointKeys(),
                List.of(
                        new Question("nps", "NPS", true, 0, 10, Map.of("en", "Recommend us?")),
                        new Question("stars", "RATING", true, 1, 5, Map.of("en", "Stars?"))),
                null);
        Map<String, Object> v2 = Surveys.body(versioned.id(), versioned.touchpointKey());
        v2.put("surveyVersion", 2);
        Surveys.answers(v2).set(1, answer("stars", "score", 5));
        assertEquals(201, Surveys.awaitAccepted(v2).statusCode());

        Map<String, Object> lateV1 = Surveys.body(versioned.id(), versioned.touchpointKey());
        Surveys.answers(lateV1).set(1, answer("channel", "optionId", "phone"));
        submit(lateV1).then().log().ifValidationFails().statusCode(201).body("surveyVersion", equalTo(1));
        Map<String, Object> wrongVersion = Surveys.body(versioned.id(), versioned.touchpointKey());
        wrongVersion.put("surveyVersion", 2);
        Surveys.answers(wrongVersion).set(1, answer("channel", "optionId", "phone"));
        submit(wrongVersion).then().statusCode(400).body("errors.field", contains("answers[1].questionId", "answers"));
    }
}
