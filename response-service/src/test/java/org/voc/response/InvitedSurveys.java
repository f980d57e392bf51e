package org.voc.response;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.voc.events.SurveyVersionPublished.Condition;
import org.voc.events.SurveyVersionPublished.Option;
import org.voc.events.SurveyVersionPublished.Question;

/** A survey worded in English and French with display logic, for the invitation tests. */
final class InvitedSurveys {

    /** The NPS question's English wording, with characters a page must escape. */
    static final String NPS_EN = "How likely are you to recommend <Bank & Co>?";

    static final String NPS_FR = "Recommanderiez-vous <Bank & Co> ?";

    private static Surveys.Survey localized;

    private InvitedSurveys() {}

    /** nps (required); what (MULTI_CHOICE, required, shown when nps ≤ 6); reason (TEXT, optional). */
    static List<Question> questions() {
        return List.of(
                new Question("nps", "NPS", true, 0, 10, Map.of("en", NPS_EN, "fr", NPS_FR), null, null, null, null),
                new Question(
                        "what",
                        "MULTI_CHOICE",
                        true,
                        null,
                        null,
                        Map.of("en", "What went wrong?", "fr", "Qu'est-ce qui n'a pas fonctionné ?"),
                        List.of(
                                new Option("late", Map.of("en", "It came late", "fr", "Elle est arrivée en retard")),
                                new Option("damaged", Map.of("en", "It was damaged", "fr", "Elle était abîmée"))),
                        1,
                        2,
                        new Condition("nps", "LE", 6, null)),
                new Question(
                        "reason",
                        "TEXT",
                        false,
                        null,
                        null,
                        Map.of("en", "What is the main reason?", "fr", "Pour quelle raison principale ?"),
                        null,
                        null,
                        null,
                        null));
    }

    /** Published once per run and shared: each test uses invitations of its own. */
    static synchronized Surveys.Survey localized() {
        if (localized == null) {
            Surveys.Survey survey = new Surveys.Survey(UUID.randomUUID(), List.of(Surveys.touchpointKey()));
            Surveys.publish(survey.id(), 1, survey.touchpointKeys(), questions(), null);
            awaitKnown(new InvitationToken(survey.id(), survey.touchpointKey()).sign());
            localized = survey;
        }
        return localized;
    }

    static InvitationToken invitation() {
        Surveys.Survey survey = localized();
        return new InvitationToken(survey.id(), survey.touchpointKey());
    }

    /** Polls the respondent API until the replica knows the token's survey version (503 until then). */
    static ExtractableResponse<Response> awaitKnown(String token) {
        return await("the replica knows the survey version of invitation " + token)
                .atMost(Duration.ofSeconds(60))
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(250))
                .until(
                        () -> given().get("/api/respond/{token}", token).then().extract(),
                        response -> response.statusCode() != 503);
    }
}
