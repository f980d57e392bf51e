package org.voc.console;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;

/** The overview against the real metrics-service: an analyst's figures, and an agent's "not allowed". */
@QuarkusTest
@QuarkusTestResource(value = ServiceProcesses.class, restrictToAnnotatedClass = false)
class OverviewPageTest {

    @TestHTTPResource("/")
    URL overview;

    @Test
    void anAnalystSeesTodaysAnswersInTheTrendWithItsBand() {
        Desk.create().detractor();
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        try (Browser browser = new Browser()) {
            HtmlPage first = browser.logIn(overview, "analyst");
            assertEquals(200, first.getWebResponse().getStatusCode(), first.asXml());
            assertEquals("Overview", first.getTitleText().split(" · ")[0]);
            for (String section : new String[] {"Open alerts", "Trends", "Journey map", "Response-rate funnel"}) {
                assertTrue(first.asNormalizedText().contains(section), section);
            }
            // metrics-service consumes the answer within seconds; the page then charts today with its interval.
            await("today in the NPS trend").atMost(Duration.ofMinutes(2)).until(() -> {
                DomElement data = browser.open(overview).getElementById("trend-nps-data");
                return data != null && data.getTextContent().contains(today);
            });
            HtmlPage page = browser.open(overview);
            assertNotNull(page.getElementById("trend-nps"), "the chart's element");
            String data = page.getElementById("trend-nps-data").getTextContent();
            assertTrue(data.contains("\"low\"") && data.contains("\"high\""), data);
            assertNotNull(page.getFirstByXPath("//script[contains(@src, '/webjars/echarts/')]"));
            PageBasics.check(page);
        }
    }

    @Test
    void anAgentWithoutAnAnalystRoleIsNotAllowedByMetricsService() {
        try (Browser browser = new Browser()) {
            HtmlPage page = browser.logIn(overview, "agent");

            assertEquals(403, page.getWebResponse().getStatusCode(), page.asXml());
            assertEquals("Not allowed", page.getTitleText().split(" · ")[0]);
            assertTrue(page.asNormalizedText().contains("metrics-service refused it"), page.asNormalizedText());
        }
    }
}
