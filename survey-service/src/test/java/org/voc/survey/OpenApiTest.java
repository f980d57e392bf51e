package org.voc.survey;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The published API description documents every operation with a summary and well-formed JSON examples. */
@QuarkusTest
class OpenApiTest {

    @Test
    void everyOperationHasASummaryAndJsonExamples() throws Exception {
        JsonNode doc = new ObjectMapper()
                .readTree(given().queryParam("format", "json")
                        .get("/q/openapi")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString());
        List<String> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : doc.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                String name = operation.getKey().toUpperCase() + " " + path.getKey();
                operations.add(name);
                JsonNode op = operation.getValue();
                assertFalse(op.path("summary").asText().isBlank(), name + " has a summary");
                List<JsonNode> examples = op.findValues("examples");
                assertFalse(examples.isEmpty(), name + " has examples");
                for (JsonNode set : examples) {
                    for (JsonNode example : set) {
                        JsonNode value = example.get("value");
                        // SmallRye embeds an example as JSON only when it parses; a string here is a broken example.
                        assertTrue(
                                value != null && (value.isObject() || value.isArray() || value.isNumber()),
                                name + " example is valid JSON: " + example);
                    }
                }
            }
        }
        assertEquals(
                List.of(
                                "POST /api/surveys",
                                "GET /api/surveys",
                                "GET /api/surveys/{id}",
                                "PUT /api/surveys/{id}",
                                "POST /api/surveys/{id}/publish",
                                "GET /api/surveys/{id}/versions/{version}",
                                "POST /api/surveys/{id}/pause",
                                "POST /api/surveys/{id}/resume",
                                "POST /api/surveys/{id}/archive",
                                "POST /api/surveys/from-template/{template}",
                                "GET /api/survey-templates",
                                "GET /api/invitation-keys/jwks",
                                "GET /api/invitation-keys",
                                "POST /api/invitation-keys/rotate",
                                "POST /api/invitation-keys/{kid}/retire",
                                "GET /api/surveys/{id}/distribution",
                                "PUT /api/surveys/{id}/distribution",
                                "GET /api/contact-policy",
                                "PUT /api/contact-policy",
                                "PUT /api/opt-outs/{customerRef}",
                                "DELETE /api/opt-outs/{customerRef}",
                                "GET /api/opt-outs/{customerRef}",
                                "POST /api/interactions",
                                "POST /api/interactions/batch",
                                "GET /api/interactions/{interactionId}/decision",
                                "GET /api/decisions",
                                "GET /api/invitations/{id}",
                                "POST /api/invitations/{id}/revoke",
                                "POST /api/erasures",
                                "GET /api/erasures/{id}")
                        .stream()
                        .sorted()
                        .toList(),
                operations.stream().sorted().toList());
    }
}
