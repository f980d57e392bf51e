package org.voc.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.Properties;
import org.htmlunit.html.HtmlAnchor;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.voc.testsupport.TestInfra;

/**
 * Login through the real Keycloak (code flow with PKCE), the user's own token reaching the real case-service, and
 * the pages' languages.
 */
@QuarkusTest
@QuarkusTestResource(value = ServiceProcesses.class, restrictToAnnotatedClass = false)
class ConsoleLoginTest {

    @TestHTTPResource("/cases")
    URL inbox;

    @Test
    void anUnauthenticatedVisitorIsSentToKeycloakWithPkce() {
        given().redirects()
                .follow(false)
                .get("/cases")
                .then()
                .statusCode(302)
                .header("Location", startsWith(TestInfra.oidcUrl() + "/protocol/openid-connect/auth"))
                .header("Location", containsString("client_id=voc-console"))
                .header("Location", containsString("code_challenge="))
                .header("Location", containsString("code_challenge_method=S256"));
    }

    @Test
    void healthAndTheBrowserLibrariesNeedNoLogin() throws Exception {
        given().get("/q/health/ready").then().statusCode(200);
        Properties versions = new Properties();
        try (var in = getClass().getResourceAsStream("/console-versions.properties")) {
            versions.load(in);
        }
        // The paths the layout and the overview load: served from the web jars, locally.
        given().get("/webjars/echarts/" + versions.getProperty("echarts") + "/dist/echarts.min.js")
                .then()
                .statusCode(200);
        given().get("/webjars/htmx.org/" + versions.getProperty("htmx") + "/dist/htmx.min.js")
                .then()
                .statusCode(200);
        given().get("/console/console.css").then().statusCode(200);
    }

    @Test
    void anAgentLogsInAndSeesTheirTeamsCaseInTheInbox() {
        Desk desk = Desk.create();
        String id = desk.openCase();
        try (Browser browser = new Browser()) {
            HtmlPage page = browser.logIn(inbox, "agent");

            assertEquals(200, page.getWebResponse().getStatusCode(), page.asXml());
            assertEquals("en", page.getDocumentElement().getAttribute("lang"));
            assertEquals("Case inbox", page.getTitleText().split(" · ")[0]);
            assertTrue(page.asNormalizedText().contains("Signed in as agent"), page.asNormalizedText());
            PageBasics.check(page);
            // case-service lists the case in the agent's team queue and as unassigned: it read the agent's token.
            HtmlAnchor link =
                    page.getFirstByXPath("//section[@aria-labelledby='queue-team']//a[@href='/cases/" + id + "']");
            assertNotNull(link, page.asXml());
            assertNotNull(page.getFirstByXPath(
                    "//section[@aria-labelledby='queue-unassigned']//a[@href='/cases/" + id + "']"));
        }
    }

    @Test
    void aUserWithoutACaseRoleGetsTheNotAllowedPage() {
        try (Browser browser = new Browser()) {
            HtmlPage page = browser.logIn(inbox, "nobody");

            assertEquals(403, page.getWebResponse().getStatusCode(), page.asXml());
            assertEquals("Not allowed", page.getTitleText().split(" · ")[0]);
            assertTrue(page.asNormalizedText().contains("case-service refused it"), page.asNormalizedText());
            PageBasics.check(page);
        }
    }

    @Test
    void theBrowsersLanguageChoosesRussianAndTheSwitchGoesBackToEnglish() {
        try (Browser browser = new Browser().language("ru-RU,ru;q=0.9,en;q=0.5")) {
            HtmlPage page = browser.logIn(inbox, "agent");

            assertEquals(200, page.getWebResponse().getStatusCode());
            assertEquals("ru", page.getDocumentElement().getAttribute("lang"));
            assertEquals("Обращения", page.getTitleText().split(" · ")[0]);
            assertTrue(page.asNormalizedText().contains("Очередь команды"), page.asNormalizedText());

            HtmlPage english = Browser.click(page.getFirstByXPath("//ul[@class='languages']//a[@lang='en']"));
            assertEquals("en", english.getDocumentElement().getAttribute("lang"));
            assertEquals(inbox.toString(), english.getUrl().toString(), "the switch comes back to the page it was on");
            assertTrue(english.asNormalizedText().contains("My team's queue"));
            // The choice is kept for the next pages, whatever the browser asks for.
            HtmlPage again = browser.open(inbox);
            assertEquals("en", again.getDocumentElement().getAttribute("lang"));
        }
    }

    @Test
    void signingOutEndsTheKeycloakSessionToo() {
        try (Browser browser = new Browser()) {
            HtmlPage page = browser.logIn(inbox, "agent");
            HtmlPage after = Browser.click(page.getFirstByXPath("//a[@class='logout']"));

            // Back on the console's start page, which asks Keycloak again: the Keycloak session is gone too.
            assertNotNull(after.getElementById("kc-form-login"), after.asXml());
            HtmlPage inboxAgain = browser.open(inbox);
            assertNotNull(inboxAgain.getElementById("kc-form-login"));
        }
    }
}
