package org.voc.survey;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.voc.survey.SurveyApiTest.as;
import static org.voc.survey.SurveyApiTest.body;
import static org.voc.survey.SurveyApiTest.create;
import static org.voc.survey.SurveyApiTest.touchpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.voc.events.Topics;
import org.voc.testsupport.TopicReader;

/** Every question type, its own rules, and display logic, as a designer meets them through the API. */
@QuarkusTest
class QuestionTypesTest {

    static final String NPS = SurveyApiTest.NPS;
    static final String REPURCHASE = """
            {"id": "repurchase", "type": "CLI_REPURCHASE", "required": true,
             "text": {"en": "How likely are you to buy from us again?"}}""";
    static final String CROSS_BUY = """
            {"id": "cross-buy", "type": "CLI_CROSS_BUY", "required": true,
             "text": {"en": "How likely are you to try our other products?"}}""";
    static final String RATING = """
            {"id": "stars", "type": "RATING", "min": 1, "max": 10, "text": {"en": "Rate the branch"}}""";
    static final String SINGLE = """
            {"id": "channel", "type": "SINGLE_CHOICE", "required": true, "text": {"en": "How did you contact us?"},
             "options": [{"id": "phone", "text": {"en": "Phone"}}, {"id": "chat", "text": {"en": "Chat"}},
                         {"id": "branch", "text": {"en": "Branch"}}]}""";
    static final String MULTI = """
            {"id": "issues", "type": "MULTI_CHOICE", "text": {"en": "What went wrong?"}, "minSelected": 1,
             "maxSelected": 2,
             "options": [{"id": "slow", "text": {"en": "Too slow"}}, {"id": "rude", "text": {"en": "Unfriendly"}},
                         {"id": "wrong", "text": {"en": "Wrong answer"}}]}""";
    static final String WHAT_WENT_WRONG = """
            {"id": "what-went-wrong", "type": "TEXT", "text": {"en": "What went wrong?"},
             "showIf": {"questionId": "nps", "operator": "LE", "value": 6}}""";

    private final ObjectMapper json = new ObjectMapper();

    static String tp() {
        return "[\"" + touchpoint() + "\"]";
    }

    @Test
    void everyTypeIsAcceptedAndShownAsSent() {
        String id = create(body(
                "All types",
                tp(),
                NPS,
                REPURCHASE,
                CROSS_BUY,
                RATING,
                SINGLE,
                MULTI,
                WHAT_WENT_WRONG,
                SurveyApiTest.REASON,
                """
                        {"id": "effort", "type": "CES",
                         "text": {"en": "The company made it easy for me to get my card"}}""",
                """
                        {"id": "satisfaction", "type": "CSAT", "text": {"en": "How satisfied are you?"}}"""));
        as("analyst")
                .get("/api/surveys/" + id)
                .then()
                .statusCode(200)
                .body(
                        "questions.type",
                        contains(
                                "NPS",
                                "CLI_REPURCHASE",
                                "CLI_CROSS_BUY",
                                "RATING",
                                "SINGLE_CHOICE",
                                "MULTI_CHOICE",
                                "TEXT",
                                "TEXT",
                                "CES",
                                "CSAT"))
                .body("questions[3].min", equalTo(1))
                .body("questions[3].max", equalTo(10))
                .body("questions[0]", not(hasKey("min")))
                .body("questions[4].options.id", contains("phone", "chat", "branch"))
                .body("questions[4].options[2].text.en", equalTo("Branch"))
                .body("questions[5].minSelected", equalTo(1))
                .body("questions[5].maxSelected", equalTo(2))
                .body("questions[6].showIf.questionId", equalTo("nps"))
                .body("questions[6].showIf.operator", equalTo("LE"))
                .body("questions[6].showIf.value", equalTo(6))
                .body("locales", contains("en"));
    }

    static Stream<Arguments> invalidQuestions() {
        String tp = "[\"card-delivery\"]";
        String twoOptions = "[{\"id\": \"a\", \"text\": {\"en\": \"A\"}}, {\"id\": \"b\", \"text\": {\"en\": \"B\"}}]";
        return Stream.of(
                Arguments.of(
                        "two repurchase questions",
                        body("S", tp, REPURCHASE, REPURCHASE.replace("\"repurchase\"", "\"again\"")),
                        "questions[1].type"),
                Arguments.of(
                        "rating without min", body("S", tp, RATING.replace("\"min\": 1, ", "")), "questions[0].min"),
                Arguments.of(
                        "rating without max", body("S", tp, RATING.replace(", \"max\": 10", "")), "questions[0].max"),
                Arguments.of(
                        "rating min not below max",
                        body("S", tp, RATING.replace("\"max\": 10", "\"max\": 1")),
                        "questions[0].max"),
                Arguments.of(
                        "rating span over 100",
                        body("S", tp, RATING.replace("\"max\": 10", "\"max\": 102")),
                        "questions[0].max"),
                Arguments.of(
                        "min on a fixed scale",
                        body("S", tp, NPS.replace("\"required\": true", "\"required\": true, \"min\": 1")),
                        "questions[0].min"),
                Arguments.of("choice without options", body("S", tp, """
                        {"id": "c", "type": "SINGLE_CHOICE", "text": {"en": "Pick"}}"""), "questions[0].options"),
                Arguments.of("choice with one option", body("S", tp, """
                        {"id": "c", "type": "SINGLE_CHOICE", "text": {"en": "Pick"}, "options": [{"id": "a",
                         "text": {"en": "A"}}]}"""), "questions[0].options"),
                Arguments.of(
                        "choice with 51 options",
                        body("S", tp, """
                        {"id": "c", "type": "MULTI_CHOICE", "text": {"en": "Pick"},
                         "options": [%s]}""".formatted(String.join(
                                ",",
                                java.util.stream.IntStream.range(0, 51)
                                        .mapToObj(i -> "{\"id\": \"o" + i + "\", \"text\": {\"en\": \"O" + i + "\"}}")
                                        .toList()))),
                        "questions[0].options"),
                Arguments.of(
                        "duplicate option id",
                        body("S", tp, SINGLE.replace("\"chat\"", "\"phone\"")),
                        "questions[0].options[1].id"),
                Arguments.of(
                        "option id is not a slug",
                        body("S", tp, SINGLE.replace("\"chat\"", "\"Live Chat\"")),
                        "questions[0].options[1].id"),
                Arguments.of(
                        "option without default wording",
                        body("S", tp, SINGLE.replace("{\"en\": \"Chat\"}", "{\"fr\": \"Chat\"}")),
                        "questions[0].options[1].text"),
                Arguments.of(
                        "options on a rating",
                        body("S", tp, RATING.replace("\"min\"", "\"options\": " + twoOptions + ", \"min\"")),
                        "questions[0].options"),
                Arguments.of(
                        "maxSelected beyond options",
                        body("S", tp, MULTI.replace("\"maxSelected\": 2", "\"maxSelected\": 4")),
                        "questions[0].maxSelected"),
                Arguments.of(
                        "minSelected above maxSelected",
                        body("S", tp, MULTI.replace("\"minSelected\": 1", "\"minSelected\": 3")),
                        "questions[0].minSelected"),
                Arguments.of(
                        "minSelected zero",
                        body("S", tp, MULTI.replace("\"minSelected\": 1", "\"minSelected\": 0")),
                        "questions[0].minSelected"),
                Arguments.of(
                        "maxSelected on a single choice",
                        body("S", tp, SINGLE.replace("\"required\": true", "\"maxSelected\": 1")),
                        "questions[0].maxSelected"),
                Arguments.of(
                        "condition on a later question",
                        body("S", tp, WHAT_WENT_WRONG, NPS),
                        "questions[0].showIf.questionId"),
                Arguments.of(
                        "condition on itself",
                        body(
                                "S",
                                tp,
                                WHAT_WENT_WRONG.replace(
                                        "\"questionId\": \"nps\"", "\"questionId\": \"what-went-wrong\"")),
                        "questions[0].showIf.questionId"),
                Arguments.of(
                        "condition on an unknown question",
                        body(
                                "S",
                                tp,
                                NPS,
                                WHAT_WENT_WRONG.replace("\"questionId\": \"nps\"", "\"questionId\": \"nope\"")),
                        "questions[1].showIf.questionId"),
                Arguments.of(
                        "condition on a text",
                        body(
                                "S",
                                tp,
                                SurveyApiTest.REASON,
                                WHAT_WENT_WRONG.replace("\"questionId\": \"nps\"", "\"questionId\": \"reason\"")),
                        "questions[1].showIf.questionId"),
                Arguments.of(
                        "condition value outside the scale",
                        body("S", tp, NPS, WHAT_WENT_WRONG.replace("\"value\": 6", "\"value\": 11")),
                        "questions[1].showIf.value"),
                Arguments.of(
                        "condition without value",
                        body("S", tp, NPS, WHAT_WENT_WRONG.replace(", \"value\": 6", "")),
                        "questions[1].showIf.value"),
                Arguments.of(
                        "IN on a score",
                        body(
                                "S",
                                tp,
                                NPS,
                                WHAT_WENT_WRONG.replace(
                                        "\"operator\": \"LE\", \"value\": 6",
                                        "\"operator\": \"IN\", \"values\": [\"a\"]")),
                        "questions[1].showIf.operator"),
                Arguments.of(
                        "LE on a choice",
                        body(
                                "S",
                                tp,
                                SINGLE,
                                WHAT_WENT_WRONG.replace("\"questionId\": \"nps\"", "\"questionId\": \"channel\"")),
                        "questions[1].showIf.operator"),
                Arguments.of(
                        "IN with an unknown option",
                        body(
                                "S",
                                tp,
                                SINGLE,
                                WHAT_WENT_WRONG.replace(
                                        "\"questionId\": \"nps\", \"operator\": \"LE\", \"value\": 6",
                                        "\"questionId\": \"channel\", \"operator\": \"IN\","
                                                + " \"values\": [\"chat\", \"fax\"]")),
                        "questions[1].showIf.values[1]"),
                Arguments.of(
                        "unknown operator",
                        body("S", tp, NPS, WHAT_WENT_WRONG.replace("\"LE\"", "\"BELOW\"")),
                        "questions[1].showIf.operator"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidQuestions")
    void invalidQuestionsAreRejectedNamingTheField(String rule, String body, String field) {
        as("designer")
                .body(body)
                .post("/api/surveys")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:voc:problem:validation"))
                .body("errors.field", contains(field));
    }

    @Test
    void aConditionOnAChoiceUsesIn() {
        String id = create(body("Choice condition", tp(), SINGLE, """
                {"id": "why-phone", "type": "TEXT", "text": {"en": "Why the phone?"},
                 "showIf": {"questionId": "channel", "operator": "IN", "values": ["phone", "chat"]}}"""));
        as("designer")
                .get("/api/surveys/" + id)
                .then()
                .statusCode(200)
                .body("questions[1].showIf.values", contains("phone", "chat"))
                .body("questions[1].showIf", not(hasKey("value")));
    }

    @Test
    void thePublishedEventCarriesOptionsScalesAndConditions() throws Exception {
        String id = create(body("Event shape", tp(), NPS, RATING, MULTI, WHAT_WENT_WRONG));
        as("designer")
                .post("/api/surveys/" + id + "/publish")
                .then()
                .statusCode(201)
                .body("questions[2].options.id", contains("slow", "rude", "wrong"))
                .body("locales", contains("en"));
        try (TopicReader reader = new TopicReader(Topics.SURVEYS)) {
            List<TopicReader.Event> events =
                    reader.awaitMatching(e -> (id + ":1").equals(e.key()), Duration.ofSeconds(20));
            JsonNode event = json.readTree(events.get(0).value());
            JsonNode questions = event.get("questions");
            assertEquals(1, questions.get(1).get("min").asInt());
            assertEquals(10, questions.get(1).get("max").asInt());
            assertEquals(
                    "wrong", questions.get(2).get("options").get(2).get("id").asText());
            assertEquals(
                    "Wrong answer",
                    questions.get(2).get("options").get(2).get("text").get("en").asText());
            assertEquals(1, questions.get(2).get("minSelected").asInt());
            assertEquals(2, questions.get(2).get("maxSelected").asInt());
            assertEquals("nps", questions.get(3).get("showIf").get("questionId").asText());
            assertEquals("LE", questions.get(3).get("showIf").get("operator").asText());
            assertEquals(6, questions.get(3).get("showIf").get("value").asInt());
            assertEquals("en", event.get("locales").get(0).asText());
        }
    }

    @Test
    void theSameRulesApplyWhenTheDraftIsReplaced() {
        String id = create(body("Replace", tp(), NPS));
        as("designer")
                .header("If-Match", "\"0\"")
                .body(body("Replace", tp(), WHAT_WENT_WRONG, NPS))
                .put("/api/surveys/" + id)
                .then()
                .statusCode(400)
                .body("errors.field", contains("questions[0].showIf.questionId"))
                .body("detail", containsString("earlier question"));
    }
}
