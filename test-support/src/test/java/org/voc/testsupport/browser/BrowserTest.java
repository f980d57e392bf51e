package org.voc.testsupport.browser;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/** The browser support itself, on pages made here: viewport, keyboard, axe's verdicts, screenshots, set-up errors. */
class BrowserTest {

    private static Browser phone;

    @BeforeAll
    static void open() {
        phone = Browser.open(Viewport.PHONE);
    }

    @AfterAll
    static void close() {
        if (phone != null) {
            phone.close();
        }
    }

    static String page(String body) {
        String html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Test page</title>"
                + "</head><body><main><h1>Test page</h1>" + body + "</main></body></html>";
        return "data:text/html;charset=utf-8,"
                + URLEncoder.encode(html, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Test
    void thePageIsLaidOutAtThePhonesWidthAndTheKeyboardMovesTheFocus() {
        phone.go(page("<button id=\"a\">A</button><button id=\"b\">B</button>"));
        assertEquals(360, phone.innerWidth());
        phone.press(Keys.TAB);
        assertEquals("a", phone.focused().getDomAttribute("id"));
        phone.press(Keys.TAB);
        assertEquals("b", phone.focused().getDomAttribute("id"));
    }

    @Test
    void anAccessiblePagePassesAndABrokenOneFailsWithEveryViolationListed() {
        phone.go(page("<p>Plain text.</p>"));
        List<Violation> none = phone.assertAccessible("a plain page");
        assertTrue(none.stream().noneMatch(Violation::blocking), none.toString());

        phone.go(page("<img src=\"data:,\"><input type=\"text\">"));
        AssertionError failure = assertThrows(AssertionError.class, () -> phone.assertAccessible("a broken page"));
        String message = failure.getMessage();
        assertTrue(message.contains("on a broken page"), message);
        assertTrue(message.contains("image-alt (critical)"), message);
        assertTrue(message.contains("label (critical)"), message);
        assertTrue(message.contains("https://dequeuniversity.com/rules/axe/"), message);
        assertTrue(message.contains("\n    img"), "names the element at fault: " + message);
        assertEquals(1, phone.driver().findElements(By.tagName("img")).size());
    }

    @Test
    void targetsSmallerThanTwentyFourPixelsAreReported() {
        // WCAG 2.2's 2.5.8: two 10 px buttons side by side are too small, and too close to be excused by spacing.
        String tiny =
                "<button style=\"width:10px;height:10px;padding:0;margin:0;border:0\" aria-label=\"%s\">" + "</button>";
        phone.go(page(tiny.formatted("one") + tiny.formatted("two")));
        List<Violation> found = phone.accessibilityViolations();
        assertTrue(found.stream().anyMatch(v -> v.id().equals("target-size")), found.toString());
    }

    @Test
    void aScreenshotIsTheWholePageAsPng() throws Exception {
        phone.go(page("<div style=\"height: 2000px\">tall</div>"));
        Path file = phone.screenshot("browser-test-tall");
        assertEquals(Path.of("target/screenshots/browser-test-tall.png"), file);
        byte[] png = Files.readAllBytes(file);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(png, 4));
        int width = ((png[16] & 0xff) << 24) | ((png[17] & 0xff) << 16) | ((png[18] & 0xff) << 8) | (png[19] & 0xff);
        int height = ((png[20] & 0xff) << 24) | ((png[21] & 0xff) << 16) | ((png[22] & 0xff) << 8) | (png[23] & 0xff);
        assertEquals(360, width);
        assertTrue(height > 2000, "beyond the 800 px viewport: " + height);
    }

    @Test
    void aMissingChromiumSaysWhatToInstall() {
        String before = System.getProperty(Browser.CHROMIUM);
        System.setProperty(Browser.CHROMIUM, "/nonexistent/chromium");
        try {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> Browser.open(Viewport.PHONE));
            assertTrue(e.getMessage().contains("apt-get install chromium chromium-driver"), e.getMessage());
            assertTrue(e.getMessage().contains("/nonexistent/chromium"), e.getMessage());
        } finally {
            if (before == null) {
                System.clearProperty(Browser.CHROMIUM);
            } else {
                System.setProperty(Browser.CHROMIUM, before);
            }
        }
    }
}
