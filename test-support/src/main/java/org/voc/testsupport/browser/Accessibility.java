package org.voc.testsupport.browser;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * Runs axe-core (the npm package, taken from its WebJar on the test classpath) inside the page a driver shows and
 * returns the rules it breaks. axe is injected through WebDriver, which the page's Content-Security-Policy does
 * not govern, and axe itself needs no {@code eval}, so a page is checked under its real policy.
 */
public final class Accessibility {

    private static final String WEBJAR = "META-INF/maven/org.webjars.npm/axe-core/pom.properties";

    /**
     * Every rule axe runs by default (WCAG 2.0–2.2 A and AA and best practices), plus the WCAG 2.2 target-size rule
     * (2.5.8), which a phone page must pass; only violations come back, with the few fields a report needs.
     */
    private static final String RUN = """
            var done = arguments[arguments.length - 1];
            axe.run(document, {resultTypes: ['violations'], rules: {'target-size': {enabled: true}}})
              .then(function (result) {
                done(JSON.stringify(result.violations.map(function (v) {
                  return {id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                    nodes: v.nodes.map(function (n) {
                      return {target: n.target.join(' '), summary: n.failureSummary};
                    })};
                })));
              })
              .catch(function (e) { done('axe failed: ' + e); });""";

    private static final ObjectMapper JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private static String source;

    private Accessibility() {}

    /** The violations axe finds on the page the driver shows now, of every impact. */
    public static List<Violation> violations(WebDriver driver) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        js.executeScript(axe());
        Object result = js.executeAsyncScript(RUN);
        String json = String.valueOf(result);
        if (!json.startsWith("[")) {
            throw new IllegalStateException(json);
        }
        try {
            return JSON.readValue(json, new TypeReference<List<Violation>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable axe result: " + json, e);
        }
    }

    /**
     * Fails when axe finds a serious or critical violation on the page, listing each with the elements at fault
     * and the rule's help page; the minor and moderate ones are listed too, but do not fail.
     */
    public static List<Violation> assertNoSeriousViolations(WebDriver driver, String page) {
        List<Violation> found = violations(driver);
        List<Violation> blocking = found.stream().filter(Violation::blocking).toList();
        if (!blocking.isEmpty()) {
            fail(blocking.size() + " serious or critical accessibility violation(s) on " + page + " ("
                    + driver.getCurrentUrl() + "):\n  "
                    + found.stream().map(Violation::describe).collect(Collectors.joining("\n  ")));
        }
        return found;
    }

    /** The axe-core version the checks run with, as its WebJar says. */
    public static String axeVersion() {
        Properties webjar = new Properties();
        try (InputStream in = resource(WEBJAR)) {
            webjar.load(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + WEBJAR, e);
        }
        return webjar.getProperty("version");
    }

    private static synchronized String axe() {
        if (source == null) {
            String path = "META-INF/resources/webjars/axe-core/" + axeVersion() + "/axe.min.js";
            try (InputStream in = resource(path)) {
                source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + path, e);
            }
        }
        return source;
    }

    private static InputStream resource(String path) {
        InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(path);
        if (in == null) {
            in = Accessibility.class.getClassLoader().getResourceAsStream(path);
        }
        if (in == null) {
            throw new IllegalStateException(path + " is not on the test classpath: add the test dependency "
                    + "org.webjars.npm:axe-core (the browser support of test-support declares it as optional)");
        }
        return in;
    }
}
