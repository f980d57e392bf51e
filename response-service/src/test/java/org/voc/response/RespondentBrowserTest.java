package org.voc.response;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.voc.events.SurveyVersionPublished;
import org.voc.events.SurveyVersionPublished.Question;
import org.voc.testsupport.Tokens;
import org.voc.testsupport.browser.Browser;
import org.voc.testsupport.browser.Viewport;

/**
 * The hosted page in a real browser (the machine's headless Chromium) on a 360 px-wide phone: the NPS scale is one
 * row of eleven targets of at least 24 × 24 px, a respondent answers with the keyboard alone, axe-core finds no
 * serious or critical violation, the survey's brand is drawn, and the chrome speaks Russian. Screenshots go to
 * {@code target/screenshots/respondent-*.png}.
 */
@QuarkusTest
class RespondentBrowserTest {

    static final String ACCENT = "#6b2d8f";
    static final String LOGO = "https://logo.example/bank-and-co.svg";

    /** The touchpoint each survey published here is bound to, for its invitations. */
    private static final Map<UUID, String> TOUCHPOINTS = new ConcurrentHashMap<>();

    private static Browser phone;
    private static UUID branded;

    @BeforeAll
    static void openThePhone() {
        phone = Browser.open(Viewport.PHONE);
    }

    @AfterAll
    static void closeThePhone() {
        if (phone != null) {
            phone.close();
        }
    }

    /** nps (NPS), csat (CSAT, optional), reason (TEXT, optional), worded in English, French and Russian. */
    static List<Question> questions() {
        return List.of(
                new Question(
                        "nps",
                        "NPS",
                        true,
                        0,
                        10,
                        Map.of(
                                "en", "How likely are you to recommend Bank & Co?",
                                "fr", "Recommanderiez-vous Bank & Co ?",
                                "ru", "Насколько вероятно, что вы порекомендуете Bank & Co?")),
                new Question(
                        "csat",
                        "CSAT",
                        false,
                        1,
                        5,
                        Map.of(
                                "en", "How satisfied are you with your new card?",
                                "fr", "Êtes-vous satisfait de votre nouvelle carte ?",
                                "ru", "Насколько вы довольны новой картой?")),
                new Question(
                        "reason",
                        "TEXT",
                        false,
                        null,
                        null,
                        Map.of(
                                "en", "What is the main reason for your score?",
                                "fr", "Pour quelle raison principale ?",
                                "ru", "Какова главная причина вашей оценки?")));
    }

    /** Publishes a version on voc.surveys as survey-service would, and waits until the replica has it. */
    static UUID publish(SurveyVersionPublished.Brand brand) {
        UUID id = UUID.randomUUID();
        String touchpoint = Surveys.touchpointKey();
        SurveyVersionPublished event = new SurveyVersionPublished(
                id,
                1,
                "Card delivery",
                List.of(touchpoint),
                "en",
                questions(),
                Instant.now(),
                List.of("en", "fr", "ru"),
                brand);
        try {
            Surveys.send(id + ":1", Surveys.JSON.writeValueAsString(event), null);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        TOUCHPOINTS.put(id, touchpoint);
        InvitedSurveys.awaitKnown(new InvitationToken(id, touchpoint).sign());
        return id;
    }

    static synchronized InvitationToken brandedInvitation(String locale) {
        if (branded == null) {
            branded = publish(new SurveyVersionPublished.Brand("Bank & Co", LOGO, ACCENT));
        }
        InvitationToken token = new InvitationToken(branded, TOUCHPOINTS.get(branded));
        token.locale = locale;
        return token;
    }

    static String url(String path) {
        return "http://localhost:" + RestAssured.port + path;
    }

    @Test
    void aPhoneRespondentAnswersByKeyboardAloneAndTheResponseIsStored() {
        String token = brandedInvitation("en").sign();
        phone.go(url("/s/" + token));
        assertEquals(360, phone.innerWidth(), "the page is laid out 360 px wide");
        assertEquals("Your opinion", text(By.tagName("h1")));

        List<WebElement> nps = phone.driver().findElements(By.cssSelector("#q0 .point"));
        assertEquals(11, nps.size(), "eleven NPS buttons");
        oneRowOfTargets(nps, "NPS");
        oneRowOfTargets(phone.driver().findElements(By.cssSelector("#q1 .point")), "CSAT");
        WebElement logo = phone.driver().findElement(By.cssSelector("header.brand img"));
        assertEquals("Bank & Co", logo.getDomAttribute("alt"));
        assertEquals(LOGO, logo.getDomAttribute("src"));
        phone.assertAccessible("the survey page");
        screenshot("respondent-survey");

        String responseId = phone.driver().findElement(By.name("responseId")).getDomProperty("value");
        // Tab lands on the NPS scale; the arrows move along it and pick, Space picks too.
        phone.press(Keys.TAB);
        assertEquals("q0-0", phone.focused().getDomAttribute("id"));
        assertNotEquals("none", css("#q0-0 + span", "outlineStyle"), "a visible focus ring");
        for (int i = 0; i < 9; i++) {
            phone.press(Keys.ARROW_RIGHT);
        }
        phone.press(Keys.SPACE);
        assertEquals("q0-9", phone.focused().getDomAttribute("id"));
        assertTrue(radio("q0-9").isSelected(), "9 is picked");
        assertEquals("rgb(107, 45, 143)", css("#q0-9 + span", "backgroundColor"), "the brand's accent marks it");
        assertEquals("rgb(255, 255, 255)", css("#q0-9 + span", "color"));

        // Enter on an answer picks it rather than sending a half-answered form.
        phone.press(Keys.TAB);
        assertEquals("q1-1", phone.focused().getDomAttribute("id"));
        phone.press(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ENTER);
        assertTrue(radio("q1-4").isSelected(), "CSAT 4 is picked");
        assertTrue(phone.driver().getCurrentUrl().endsWith("/s/" + token), "Enter did not send the form");

        phone.press(Keys.TAB);
        assertEquals("q2-input", phone.focused().getDomAttribute("id"));
        phone.press("The card came on time & the courier was kind");
        screenshot("respondent-answered");
        phone.press(Keys.TAB);
        assertEquals("button", phone.focused().getTagName());
        phone.press(Keys.ENTER);

        phone.awaitUrlEndingWith("/s/" + token + "/thanks");
        assertEquals("Thank you!", text(By.tagName("h1")));
        assertEquals(
                "Bank & Co",
                phone.driver().findElement(By.cssSelector("header.brand img")).getDomAttribute("alt"));
        phone.assertAccessible("the thank-you page");
        screenshot("respondent-thanks");

        given().auth()
                .oauth2(Tokens.user("pii-analyst"))
                .get("/api/responses/{id}", responseId)
                .then()
                .statusCode(200)
                .body("nps", equalTo(9))
                .body("answers.questionId", equalTo(List.of("nps", "csat", "reason")))
                .body("answers[0].score", equalTo(9))
                .body("answers[1].score", equalTo(4))
                .body("answers[2].text", equalTo("The card came on time & the courier was kind"));
    }

    @Test
    void theChromeSpeaksRussianFromTheSurveyLocaleOrTheBrowserLanguage() {
        phone.go(url("/s/" + brandedInvitation("ru").sign()));
        assertEquals("ru", phone.driver().findElement(By.tagName("html")).getDomAttribute("lang"));
        assertEquals("Ваше мнение", text(By.tagName("h1")));
        assertEquals("Отправить ответы", text(By.cssSelector("button[type=submit]")));
        assertEquals("Насколько вероятно, что вы порекомендуете Bank & Co?", text(By.id("q0-legend")));
        String ends = text(By.id("q0-ends"));
        assertTrue(ends.contains("0 = Совсем маловероятно") && ends.contains("10 = Очень вероятно"), ends);
        assertTrue(text(By.id("q1-legend")).contains("(необязательно)"));
        oneRowOfTargets(phone.driver().findElements(By.cssSelector("#q0 .point")), "NPS (ru)");
        phone.assertAccessible("the Russian survey page");
        screenshot("respondent-ru");

        // A link that cannot be read tells no locale: the browser's language picks the page's.
        try (Browser russian = Browser.open(Viewport.PHONE, "ru")) {
            russian.go(url("/s/not-a-token"));
            assertEquals("ru", russian.driver().findElement(By.tagName("html")).getDomAttribute("lang"));
            assertEquals(
                    "Опрос не найден",
                    russian.driver().findElement(By.tagName("h1")).getText());
            russian.assertAccessible("the Russian 'not found' page");
        }
    }

    @Test
    void theBrandIsDrawnAndOnlyItsLogosOriginMayServeImages() {
        String html = given().get("/s/{token}", brandedInvitation("en").sign())
                .then()
                .statusCode(200)
                .header("Content-Security-Policy", containsString("img-src https://logo.example;"))
                .extract()
                .asString();
        assertTrue(html.contains("<img src=\"" + LOGO + "\" alt=\"Bank &amp; Co\">"), html);
        assertTrue(html.contains("--accent: " + ACCENT + ";"), "the accent drives the buttons and picked answers");
        given().get("/api/respond/{token}", brandedInvitation("en").sign())
                .then()
                .statusCode(200)
                .body("survey.brand.name", equalTo("Bank & Co"))
                .body("survey.brand.logoUrl", equalTo(LOGO))
                .body("survey.brand.accentColor", equalTo(ACCENT));

        // A record on the topic is not trusted to be safe to render: a colour that is not #rrggbb and a logo that is
        // not https are left out (the page keeps its own accent), the name is escaped like any text.
        UUID hostile = publish(
                new SurveyVersionPublished.Brand("<b>Bank</b>", "javascript:alert(1)", "red;} body {display:none"));
        String page = given().get("/s/{token}", new InvitationToken(hostile, TOUCHPOINTS.get(hostile)).sign())
                .then()
                .statusCode(200)
                .header("Content-Security-Policy", containsString("img-src 'none';"))
                .extract()
                .asString();
        assertFalse(page.contains("<img"), page);
        given().get("/api/respond/{token}", new InvitationToken(hostile, TOUCHPOINTS.get(hostile)).sign())
                .then()
                .statusCode(200)
                .body("survey.brand.name", equalTo("<b>Bank</b>"))
                .body("survey.brand.logoUrl", nullValue())
                .body("survey.brand.accentColor", nullValue());
        assertFalse(page.contains("display:none"), page);
        assertTrue(page.contains("--accent: #0b5cad;"), "our own accent");
        assertTrue(page.contains("<p class=\"brand-name\">&lt;b&gt;Bank&lt;/b&gt;</p>"), page);
    }

    /** All on one row (same top), inside the viewport, each at least 24 × 24 CSS px (WCAG 2.5.8). */
    private static void oneRowOfTargets(List<WebElement> points, String scale) {
        List<Rectangle> boxes = points.stream().map(WebElement::getRect).toList();
        String sizes = boxes.stream()
                .map(r -> r.getWidth() + "×" + r.getHeight() + "@" + r.getX() + "," + r.getY())
                .collect(Collectors.joining(" "));
        for (Rectangle box : boxes) {
            assertEquals(boxes.get(0).getY(), box.getY(), scale + " buttons share one row: " + sizes);
            assertTrue(box.getWidth() >= 24 && box.getHeight() >= 24, scale + " buttons ≥ 24 × 24: " + sizes);
            assertTrue(box.getX() + box.getWidth() <= 360, scale + " buttons inside 360 px: " + sizes);
        }
        assertTrue(boxes.get(0).getHeight() >= 44, scale + " buttons are 44 px tall: " + sizes);
    }

    private static WebElement radio(String id) {
        return phone.driver().findElement(By.id(id));
    }

    private static String text(By by) {
        return phone.driver().findElement(by).getText();
    }

    private static String css(String selector, String property) {
        return (String) phone.script(
                "return getComputedStyle(document.querySelector(arguments[0]))[arguments[1]]", selector, property);
    }

    private static void screenshot(String name) {
        assertTrue(Files.isRegularFile(phone.screenshot(name)), name);
    }
}
