package org.voc.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.List;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlPage;

/**
 * The accessibility basics every console page must have, checked on the rendered HTML: a language, a skip link to
 * the main content, one h1, a label for every form control and text on every button. Not a WCAG audit (axe-core in
 * a real browser comes with the browser tests); a floor that no page may fall below.
 */
final class PageBasics {

    private PageBasics() {}

    static void check(HtmlPage page) {
        String url = page.getUrl().toString();
        assertFalse(page.getDocumentElement().getAttribute("lang").isBlank(), url + ": lang");
        assertNotNull(page.getFirstByXPath("//a[@class='skip-link' and @href='#main']"), url + ": skip link");
        assertNotNull(page.getElementById("main"), url + ": main");
        assertEquals(1, page.getByXPath("//h1").size(), url + ": one h1");
        List<DomElement> controls =
                page.getByXPath("//input[not(@type='hidden') and not(@type='submit')] | //select | //textarea");
        for (DomElement control : controls) {
            String id = control.getAttribute("id");
            assertFalse(id.isBlank(), url + ": a control without id: " + control.asXml());
            assertNotNull(page.getFirstByXPath("//label[@for='" + id + "']"), url + ": no label for #" + id);
        }
        List<DomElement> buttons = page.getByXPath("//button");
        for (DomElement button : buttons) {
            assertFalse(button.getTextContent().isBlank(), url + ": a button without text");
        }
    }
}
