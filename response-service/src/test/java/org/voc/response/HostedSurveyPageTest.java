package org.voc.response;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.voc.testsupport.Tokens;

/** The hosted survey page: accessible HTML in the invitation's locale, form posts, friendly error pages. */
@QuarkusTest
class HostedSurveyPageTest {

    private static final Pattern RESPONSE_ID = Pattern.compile("name=\"responseId\" value=\"([0-9a-f-]{36})\"");

    static ValidatableResponse page(String token) {
        return given().redirects().follow(false).get("/s/{token}", token).then();
    }

    static RequestSpecification form() {
        return given().redirects().follow(false).contentType("application/x-www-form-urlencoded; charset=UTF-8");
    }

    static void securityHeaders(ValidatableResponse response) {
        response.header("Cache-Control", "no-store")
                .header("Referrer-Policy", "no-referrer")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Content-Security-Policy", not(containsString("http")));
    }

    static String responseId(String html) {
        Matcher m = RESPONSE_ID.matcher(html);
        assertTrue(m.find(), "the form carries a response id");
        return m.group(1);
    }

    @Test
    void thePageIsTheSurveyInTheInvitationsLocaleEscapedAndAccessible() {
        InvitationToken invitation = InvitedSurveys.invitation();
        invitation.locale = "fr";
        ValidatableResponse page = page(invitation.sign()).statusCode(200).contentType(startsWith("text/html"));
        securityHeaders(page);
        String html = page.extract().asString();
        assertTrue(html.contains("<html lang=\"fr\">"), html);
        assertTrue(html.contains("Recommanderiez-vous &lt;Bank &amp; Co&gt; ?"), "designer text is escaped");
        assertTrue(!html.contains("<Bank & Co>"), "no raw designer markup");
        assertTrue(html.contains("<legend id=\"q0-legend\">"), "a fieldset and legend per question");
        assertTrue(html.contains("type=\"radio\" id=\"q0-10\" name=\"q.nps\" value=\"10\""), "radio scale");
        assertTrue(html.contains("0 = Pas du tout probable") && html.contains("10 = Très probable"), "scale ends");
        assertTrue(html.contains("type=\"checkbox\" id=\"q1-0\" name=\"q.what\" value=\"late\""), "check boxes");
        assertTrue(html.contains("data-show-if=\"nps\" data-operator=\"LE\" data-value=\"6\""), "display logic");
        assertTrue(html.contains("<textarea id=\"q2-input\" name=\"q.reason\""), "a text area for text");
        assertTrue(html.contains("<label class=\"choice\" for=\"q1-0\">"), "labels");
        responseId(html);

        InvitationToken german = InvitedSurveys.invitation();
        german.locale = "de";
        String fallback = page(german.sign()).statusCode(200).extract().asString();
        assertTrue(fallback.contains("<html lang=\"en\">"));
        assertTrue(fallback.contains("How likely are you to recommend &lt;Bank &amp; Co&gt;?"));
    }

    @Test
    void sendingTheFormStoresTheResponseAndThanksOnceEvenWhenSentTwice() {
        InvitationToken invitation = InvitedSurveys.invitation();
        invitation.locale = "fr";
        String token = invitation.sign();
        String id = responseId(page(token).statusCode(200).extract().asString());

        for (int i = 0; i < 2; i++) { // a double click sends the same form twice
            form().formParam("responseId", id)
                    .formParam("q.nps", "3")
                    .formParam("q.what", "late")
                    .formParam("q.what", "damaged")
                    .formParam("q.reason", "Trop <lent> & cher")
                    .post("/s/{token}", token)
                    .then()
                    .statusCode(303)
                    .header("Location", endsWith("/s/" + token + "/thanks"));
        }
        ValidatableResponse thanks =
                given().get("/s/{token}/thanks", token).then().statusCode(200);
        securityHeaders(thanks);
        assertTrue(thanks.extract().asString().contains("Merci"));

        given().auth()
                .oauth2(Tokens.user("pii-analyst"))
                .get("/api/responses/{id}", id)
                .then()
                .statusCode(200)
                .body("invitationId", equalTo(invitation.invitationId.toString()))
                .body("customerRef", equalTo(invitation.customerRef))
                .body("nps", equalTo(3))
                .body("answers.questionId", equalTo(List.of("nps", "what", "reason")))
                .body("answers[1].optionIds", equalTo(List.of("late", "damaged")))
                .body("answers[2].text", equalTo("Trop <lent> & cher"));

        ValidatableResponse answered = page(token).statusCode(409).contentType(startsWith("text/html"));
        securityHeaders(answered);
        assertTrue(answered.extract().asString().contains("Vous avez déjà répondu"));
        form().formParam("q.nps", "5")
                .formParam("q.what", "late")
                .post("/s/{token}", token)
                .then()
                .statusCode(409);
    }

    @Test
    void answersToQuestionsHiddenByDisplayLogicAreDropped() {
        String token = InvitedSurveys.invitation().sign();
        String id = responseId(page(token).extract().asString());
        // Without JavaScript "what" is visible: a promoter may tick it although it is not displayed for a 9.
        form().formParam("responseId", id)
                .formParam("q.nps", "9")
                .formParam("q.what", "late")
                .post("/s/{token}", token)
                .then()
                .statusCode(303);
        given().auth()
                .oauth2(Tokens.user("analyst"))
                .get("/api/responses/{id}", id)
                .then()
                .statusCode(200)
                .body("answers.questionId", equalTo(List.of("nps")));
    }

    @Test
    void invalidAnswersRenderTheFormAgainWithTheMessageAtTheQuestion() {
        InvitationToken invitation = InvitedSurveys.invitation();
        String token = invitation.sign();
        String id = responseId(page(token).extract().asString());

        ValidatableResponse missing = form().formParam("responseId", id)
                .formParam("q.reason", "<b>hi</b>")
                .post("/s/{token}", token)
                .then()
                .statusCode(400)
                .contentType(startsWith("text/html"));
        securityHeaders(missing);
        String html = missing.extract().asString();
        assertTrue(html.contains("<p class=\"error\" id=\"q0-error\">Please answer this question.</p>"), html);
        assertTrue(html.contains("aria-describedby=\"q0-error\""));
        assertTrue(html.contains("&lt;b&gt;hi&lt;/b&gt;</textarea>"), "what was typed is kept, escaped");
        assertEquals(id, responseId(html), "the same response id, so the next send is still once only");

        String unknownOption = form().formParam("responseId", id)
                .formParam("q.nps", "2")
                .formParam("q.what", "bogus")
                .post("/s/{token}", token)
                .then()
                .statusCode(400)
                .extract()
                .asString();
        assertTrue(
                unknownOption.contains("<p class=\"error\" id=\"q1-error\">Please check this answer.</p>"),
                unknownOption);
        assertTrue(unknownOption.contains("value=\"2\" checked"), "the score picked stays picked");

        form().formParam("responseId", id)
                .formParam("q.nps", "2")
                .formParam("q.what", "late")
                .post("/s/{token}", token)
                .then()
                .statusCode(303);
        given().auth()
                .oauth2(Tokens.user("analyst"))
                .get("/api/responses/{id}", id)
                .then()
                .statusCode(200)
                .body("nps", equalTo(2));
    }

    @Test
    void expiredAndInvalidLinksGetFriendlyPages() {
        InvitationToken expired = InvitedSurveys.invitation();
        expired.locale = "fr";
        expired.expiresAt = Instant.now().minus(Duration.ofDays(1));
        ValidatableResponse closed = page(expired.sign()).statusCode(410).contentType(startsWith("text/html"));
        securityHeaders(closed);
        assertTrue(closed.extract().asString().contains("This survey has closed"));
        form().formParam("q.nps", "5").post("/s/{token}", expired.sign()).then().statusCode(410);

        ValidatableResponse invalid = page("not-a-token").statusCode(404).contentType(startsWith("text/html"));
        securityHeaders(invalid);
        assertTrue(invalid.extract().asString().contains("Survey not found"));
        String forged = InvitedSurveys.invitation().signWithKeyOf(InvitationKeyring.UNPUBLISHED);
        page(forged).statusCode(404);
        form().formParam("q.nps", "5").post("/s/{token}", forged).then().statusCode(404);
        given().get("/s/{token}/thanks", forged).then().statusCode(404);
    }

    @Test
    void theNewOperationsAreDocumented() {
        given().get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .body("paths.'/api/respond/{token}'.get.summary", equalTo("Show an invitation's survey"))
                .body(
                        "paths.'/api/respond/{token}'.post.responses.'409'.description",
                        containsString("already-answered"))
                .body("paths.'/s/{token}'.get.summary", equalTo("Survey page of an invitation"))
                .body("paths.'/s/{token}'.post.responses.'303'.description", containsString("thank-you"))
                .body("paths.'/s/{token}/thanks'.get.summary", equalTo("Thank-you page"))
                .body(
                        "components.schemas.ResponseRequest.properties.invitationToken.description",
                        containsString("verified"));
    }

    @Test
    void theRespondentApiAnswersCarryTheSameGuards() {
        String token = InvitedSurveys.invitation().sign();
        given().get("/api/respond/{token}", token)
                .then()
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .header("Referrer-Policy", "no-referrer")
                .header("X-Content-Type-Options", "nosniff")
                .body("survey.questions.id", hasItem("nps"));
    }
}
