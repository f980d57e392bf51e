package org.voc.cases;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.voc.testsupport.openapi.FuzzSuite;

/**
 * Every operation of the published API under generated and mutated input: no 5xx, every 4xx a problem. The case
 * rules the fuzzer manages to create are deleted afterwards: rules apply to every response, so a generated
 * "NPS at most 10" would open cases in every later test.
 */
@QuarkusTest
class FuzzTest extends FuzzSuite {

    private final Set<String> before = new HashSet<>();

    // Per test, not per class: the HTTP port of the application is known only once a test runs.
    @BeforeEach
    void rememberRules() {
        rules().forEach(r -> before.add((String) r.get("id")));
    }

    @AfterEach
    void deleteGeneratedRules() {
        for (Map<String, Object> rule : rules()) {
            if (!before.contains((String) rule.get("id"))) {
                Cases.as("admin")
                        .header("If-Match", "\"" + rule.get("revision") + "\"")
                        .delete("/api/case-rules/" + rule.get("id"))
                        .then()
                        .statusCode(204);
            }
        }
    }

    private static List<Map<String, Object>> rules() {
        JsonPath body = Cases.as("admin")
                .get("/api/case-rules")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        return body.getList("$");
    }
}
