package org.voc.console;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URL;
import java.util.UUID;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.voc.testsupport.Tokens;

/** Browsing the real touchpoint-registry: a touchpoint a designer registered is found by its text. */
@QuarkusTest
@QuarkusTestResource(value = ServiceProcesses.class, restrictToAnnotatedClass = false)
class TouchpointsPageTest {

    @TestHTTPResource("/touchpoints")
    URL touchpoints;

    @Test
    void anAnalystFindsARegisteredTouchpoint() {
        String key = "console-browse-" + UUID.randomUUID().toString().substring(0, 8);
        given().baseUri(ServiceProcesses.registryUrl())
                .auth()
                .oauth2(Tokens.user("designer"))
                .contentType(ContentType.JSON)
                .body(String.format("""
                        {"key": "%s", "name": "Courier hand-over", "channel": "WEB", "journeyStage": "USAGE",
                         "signalKind": "DIRECT", "segments": ["RETAIL", "SME"], "ownerTeam": "cards-ops"}""", key))
                .post("/api/touchpoints")
                .then()
                .statusCode(201);
        try (Browser browser = new Browser()) {
            HtmlPage page = browser.logIn(touchpoints, "analyst");
            assertEquals(200, page.getWebResponse().getStatusCode(), page.asXml());

            HtmlForm search = page.getFirstByXPath("//form[@role='search']");
            search.getInputByName("q").setValue(key);
            HtmlPage found = Browser.click(search.getFirstByXPath(".//button[@type='submit']"));

            assertEquals(200, found.getWebResponse().getStatusCode());
            String text = found.asNormalizedText();
            assertTrue(text.contains("1 touchpoints match."), text);
            assertTrue(text.contains("Courier hand-over") && text.contains(key), text);
            assertTrue(text.contains("RETAIL, SME") && text.contains("cards-ops"), text);
            PageBasics.check(found);
        }
    }

    @Test
    void aUserWithoutARoleIsNotAllowed() {
        try (Browser browser = new Browser()) {
            HtmlPage page = browser.logIn(touchpoints, "nobody");
            assertEquals(403, page.getWebResponse().getStatusCode(), page.asXml());
            assertTrue(page.asNormalizedText().contains("touchpoint-registry refused it"));
        }
    }
}
