package org.voc.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;

/**
 * An agent works a case on the case page, against the real case-service: every form sends the version it showed as
 * If-Match, a change made meanwhile is a clear conflict, and a problem's field errors stand next to their fields.
 */
@QuarkusTest
@QuarkusTestResource(value = ServiceProcesses.class, restrictToAnnotatedClass = false)
class CasePageTest {

    @TestHTTPResource("/")
    URL console;

    @Test
    void aChangeMadeMeanwhileIsAConflictThatShowsTheCurrentState() throws Exception {
        String id = Desk.create().openCase();
        try (Browser browser = new Browser()) {
            HtmlPage page = browser.logIn(new URL(console, "/cases/" + id), "agent");
            assertEquals(200, page.getWebResponse().getStatusCode(), page.asXml());
            assertTrue(page.asNormalizedText().contains("Open"), page.asNormalizedText());
            // The team's members from the registry, to pick an assignee from.
            assertNotNull(page.getFirstByXPath("//datalist[@id='team-members']/option[@value='agent']"), page.asXml());
            assertEquals("team-members", page.getElementById("assignee").getAttribute("list"));

            // Meanwhile a manager assigns the case to the agent: the page the agent has is one version behind.
            Desk.act("manager", id, "assign", "{\"assignee\": \"agent\"}");
            HtmlPage conflict = submit(page, "claim");

            assertEquals(409, conflict.getWebResponse().getStatusCode());
            assertNotNull(conflict.getElementById("conflict"), conflict.asXml());
            assertTrue(conflict.asNormalizedText().contains("Someone changed this case"));
            // The current state: assigned (by the manager), with a fresh version in the forms.
            assertTrue(conflict.asNormalizedText().contains("Assigned"), conflict.asNormalizedText());
            HtmlPage claimed = submit(conflict, "claim");
            assertEquals(200, claimed.getWebResponse().getStatusCode(), claimed.asXml());
            assertTrue(claimed.asNormalizedText().contains("Done: assign to me"), claimed.asNormalizedText());
        }
    }

    @Test
    void anAgentWorksACaseToClosureAndSeesFieldErrorsNextToTheirFields() throws Exception {
        String id = Desk.create().openCase();
        try (Browser browser = new Browser()) {
            HtmlPage page = browser.logIn(new URL(console, "/cases/" + id), "agent");
            page = submit(page, "claim");
            assertTrue(page.asNormalizedText().contains("Assigned"), page.asNormalizedText());

            PageBasics.check(page);
            HtmlForm contact = form(page, "contact");
            contact.getSelectByName("channel").setSelectedAttribute("PHONE", true);
            contact.getSelectByName("outcome").setSelectedAttribute("REACHED", true);
            contact.getTextAreaByName("note").setText("Called back, card reissued");
            page = Browser.click(contact.getFirstByXPath(".//button[@type='submit']"));
            assertEquals(200, page.getWebResponse().getStatusCode(), page.asXml());
            assertTrue(page.asNormalizedText().contains("In contact"), page.asNormalizedText());

            PageBasics.check(page);
            // A negative amount: case-service answers a 400 problem naming gesture.amount.
            HtmlForm resolve = form(page, "resolve");
            resolve.getInputByName("code").setValue("REISSUED_CARD");
            resolve.getInputByName("gestureType").setValue("FEE_REFUND");
            resolve.getInputByName("gestureAmount").setValue("-5");
            resolve.getInputByName("gestureCurrency").setValue("EUR");
            HtmlPage invalid = Browser.click(resolve.getFirstByXPath(".//button[@type='submit']"));

            assertEquals(400, invalid.getWebResponse().getStatusCode(), invalid.asXml());
            assertNotNull(invalid.getElementById("gesture-amount-error"), invalid.asXml());
            assertEquals(
                    "true", invalid.getElementById("gesture-amount").getAttribute("aria-invalid"), invalid.asXml());
            assertEquals(
                    "gesture-amount-error",
                    invalid.getElementById("gesture-amount").getAttribute("aria-describedby"));
            assertNull(invalid.getElementById("code-error"), "only the field at fault is marked");
            PageBasics.check(invalid);
            // What the user typed is still there to correct.
            assertEquals("REISSUED_CARD", invalid.getElementById("code").getAttribute("value"));

            HtmlForm again = form(invalid, "resolve");
            again.getInputByName("gestureAmount").setValue("15.50");
            page = Browser.click(again.getFirstByXPath(".//button[@type='submit']"));
            assertEquals(200, page.getWebResponse().getStatusCode(), page.asXml());
            assertTrue(page.asNormalizedText().contains("Resolved"), page.asNormalizedText());

            page = submit(page, "close");
            assertEquals(200, page.getWebResponse().getStatusCode(), page.asXml());
            assertTrue(page.asNormalizedText().contains("Closed"));
            // The history lists every step, the agent's own with their name.
            String history = ((org.htmlunit.html.HtmlElement) page.getFirstByXPath("//table[@class='history']"))
                    .asNormalizedText();
            for (String action : new String[] {"CLAIM", "CONTACT", "RESOLVE", "CLOSE"}) {
                assertTrue(history.contains(action), history);
            }
            assertTrue(history.contains("agent"), history);
            // Done work leaves the inbox.
            HtmlPage inbox = browser.open(new URL(console, "/cases"));
            assertNull(inbox.getFirstByXPath("//a[@href='/cases/" + id + "']"), "a closed case is not in the inbox");
            PageBasics.check(inbox);
        }
    }

    private static HtmlForm form(HtmlPage page, String action) {
        HtmlForm form = page.getFirstByXPath("//form[contains(@action, '/" + action + "')]");
        assertNotNull(form, "no " + action + " form on " + page.asXml());
        return form;
    }

    private static HtmlPage submit(HtmlPage page, String action) {
        return Browser.click(form(page, action).getFirstByXPath(".//button[@type='submit']"));
    }
}
