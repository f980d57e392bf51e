package org.voc.cases;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.voc.testsupport.Tokens;

/** Reads cases through the API as a user would, waiting for the asynchronous consumers where needed. */
final class Cases {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private Cases() {}

    static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.user(user));
    }

    /** The items of {@code GET /api/cases} with these query parameters (up to 500), as a manager sees them (all). */
    static List<Map<String, Object>> list(Map<String, ?> query) {
        return list("manager", query);
    }

    /** The items of {@code GET /api/cases} with these query parameters (up to 500), as this user sees them. */
    static List<Map<String, Object>> list(String user, Map<String, ?> query) {
        Response response = as(user).queryParams(query).queryParam("limit", 500).get("/api/cases");
        response.then().statusCode(200);
        return response.jsonPath().getList("items");
    }

    /** Polls the listing until {@code done} holds, and returns that listing. */
    static List<Map<String, Object>> awaitList(
            Map<String, ?> query, Predicate<List<Map<String, Object>>> done, String what) {
        return await(what)
                .atMost(TIMEOUT)
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> list(query), done);
    }

    static Map<String, Object> awaitCaseOf(String touchpointKey, Object responseId, String what) {
        return awaitList(Map.of("touchpoint", touchpointKey), items -> byResponse(items, responseId) != null, what)
                .stream()
                .filter(c -> responseId.toString().equals(c.get("responseId")))
                .findFirst()
                .orElseThrow();
    }

    static Map<String, Object> byResponse(List<Map<String, Object>> items, Object responseId) {
        return items.stream()
                .filter(c -> responseId.toString().equals(c.get("responseId")))
                .findFirst()
                .orElse(null);
    }

    static Duration dueIn(Map<String, Object> item) {
        return Duration.between(
                Instant.parse((String) item.get("openedAt")), Instant.parse((String) item.get("dueAt")));
    }
}
