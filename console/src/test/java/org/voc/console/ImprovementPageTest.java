package org.voc.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;

/** The improvement page against the real case-service: the Pareto and the actions in the analyst's scope. */
@QuarkusTest
@QuarkusTestResource(value = ServiceProcesses.class, restrictToAnnotatedClass = false)
class ImprovementPageTest {

    @TestHTTPResource("/improvement")
    URL improvement;

    @Test
    void anAnalystSeesTheParetoAndTheActions() {
        try (Browser browser = new Browser()) {
            HtmlPage page = browser.logIn(improvement, "analyst");

            assertEquals(200, page.getWebResponse().getStatusCode(), page.asXml());
            assertEquals("Improvement actions", page.getTitleText().split(" · ")[0]);
            String text = page.asNormalizedText();
            assertTrue(text.contains("Root causes by NPS points lost"), text);
            assertTrue(text.contains("Actions and their verdicts"), text);
            PageBasics.check(page);
        }
    }

    @Test
    void aUserWithoutARoleIsNotAllowed() {
        try (Browser browser = new Browser()) {
            HtmlPage page = browser.logIn(improvement, "nobody");

            assertEquals(403, page.getWebResponse().getStatusCode(), page.asXml());
            assertTrue(page.asNormalizedText().contains("case-service refused it"), page.asNormalizedText());
        }
    }
}
