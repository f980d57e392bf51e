package org.voc.response;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The public routes refuse what they should not read, however the path is spelt, and never echo a token. */
@QuarkusTest
class RespondentGuardTest {

    @TestHTTPResource("/api/respond/not-a-token")
    URI respond;

    @Test
    void aBodyLargerThanAnAnswerIsRefusedBeforeItIsRead() {
        String big = "{\"answers\": [{\"questionId\": \"reason\", \"text\": \"" + "x".repeat(70_000) + "\"}]}";
        given().contentType("application/json")
                .body(big)
                .post("/api/respond/{token}", "not-a-token")
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:voc:problem:payload-too-large"))
                .body("instance", equalTo("/api/respond/{token}"));
        given().contentType("application/x-www-form-urlencoded")
                .body("q.reason=" + "x".repeat(70_000))
                .post("/s/{token}", "not-a-token")
                .then()
                .statusCode(413)
                .contentType(startsWith("text/html"));
    }

    @Test
    void aBodyOfUnannouncedLengthIsRefused() throws Exception {
        HttpRequest chunked = HttpRequest.newBuilder(respond)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8))))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(chunked, HttpResponse.BodyHandlers.ofString());
        assertEquals(411, response.statusCode(), response.body());
    }

    @Test
    void anEncodedPathReachesTheRouteButNeverShowsTheToken() {
        String token = "eyJhbGciOiJFUzI1NiJ9.c2VjcmV0.c2lnbmF0dXJl";
        String problem = given().urlEncodingEnabled(false)
                .get("/api/re%73pond/" + token)
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("instance", equalTo("/api/respond/{token}"))
                .header("Cache-Control", "no-store")
                .extract()
                .asString();
        assertFalse(problem.contains(token), problem);
    }
}
