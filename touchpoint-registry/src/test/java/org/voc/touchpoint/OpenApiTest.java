package org.voc.touchpoint;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every operation is in the OpenAPI document with a summary, an example and its error responses. */
@QuarkusTest
class OpenApiTest {

    @Test
    void everyOperationIsDocumentedWithASummaryAndAnExample() {
        Map<String, Map<String, Object>> paths = given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("paths");
        List<String> operations = new ArrayList<>();
        for (Map.Entry<String, Map<String, Object>> path : paths.entrySet()) {
            for (Map.Entry<String, Object> operation : path.getValue().entrySet()) {
                if (!List.of("get", "post", "put", "patch", "delete").contains(operation.getKey())) {
                    continue;
                }
                Map<?, ?> spec = (Map<?, ?>) operation.getValue();
                String where = operation.getKey().toUpperCase() + " " + path.getKey();
                operations.add(where);
                assertNotNull(spec.get("summary"), where + " has no summary");
                assertTrue(spec.toString().contains("example"), where + " has no example");
            }
        }
        assertEquals(
                List.of(
                        "DELETE /api/journeys/{key}",
                        "GET /api/coverage",
                        "GET /api/journeys",
                        "GET /api/journeys/{key}",
                        "GET /api/journeys/{key}/coverage",
                        "GET /api/teams",
                        "GET /api/teams/{key}",
                        "GET /api/touchpoints",
                        "GET /api/touchpoints/by-ref",
                        "GET /api/touchpoints/{key}",
                        "GET /api/touchpoints/{key}/history",
                        "POST /api/journeys",
                        "POST /api/teams",
                        "POST /api/touchpoints",
                        "POST /api/touchpoints/import",
                        "PUT /api/journeys/{key}",
                        "PUT /api/teams/{key}",
                        "PUT /api/touchpoints/{key}"),
                operations.stream().sorted().toList());
    }

    @Test
    void conditionalChangesDocumentTheirPreconditionAnswers() {
        for (String path : List.of("/api/touchpoints/{key}", "/api/teams/{key}", "/api/journeys/{key}")) {
            given().queryParam("format", "json")
                    .get("/q/openapi")
                    .then()
                    .statusCode(200)
                    .body(
                            "paths.'" + path + "'.put.responses.'412'.content",
                            org.hamcrest.Matchers.hasKey("application/problem+json"))
                    .body(
                            "paths.'" + path + "'.put.responses.'428'.description",
                            org.hamcrest.Matchers.equalTo("If-Match is missing"));
        }
    }
}
