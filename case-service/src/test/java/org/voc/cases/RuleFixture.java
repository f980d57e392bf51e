package org.voc.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.voc.events.ResponseSubmitted;
import org.voc.events.Topics;

/** Creates case rules through the API and publishes responses for them, then reads the cases they opened. */
final class RuleFixture implements AutoCloseable {

    private final Events events = new Events();

    String key() {
        return "tp-rule-" + Events.unique();
    }

    RequestSpecification as(String user) {
        return Cases.as(user);
    }

    /** Creates an enabled rule with targets PT4H / P3D as a designer; returns its id. */
    String create(String name, String conditions, String priority) {
        return create(name, conditions, priority, "PT4H", "P3D", null);
    }

    String create(String name, String conditions, String priority, String first, String resolution, String team) {
        String body = "{\"name\": \"" + name + "\", \"conditions\": " + conditions + ", \"priority\": \"" + priority
                + "\", \"firstContactTarget\": \"" + first + "\", \"resolutionTarget\": \"" + resolution + "\""
                + (team == null ? "" : ", \"team\": \"" + team + "\"") + "}";
        Response response =
                as("designer").contentType(ContentType.JSON).body(body).post("/api/case-rules");
        assertEquals(201, response.statusCode(), response.asString());
        return response.jsonPath().getString("id");
    }

    ResponseSubmitted response(String key, Integer nps, List<ResponseSubmitted.Answer> answers) {
        return response(key, nps, answers, "WEB", null);
    }

    ResponseSubmitted response(
            String key, Integer nps, List<ResponseSubmitted.Answer> answers, String channel, String segment) {
        return new ResponseSubmitted(
                UUID.randomUUID(),
                UUID.randomUUID(),
                1,
                key,
                channel,
                "cust-" + Events.unique(),
                Events.RESPONDED_AT,
                nps,
                answers,
                null,
                segment,
                null,
                null);
    }

    ResponseSubmitted.Answer score(String type, String questionId, int score) {
        return new ResponseSubmitted.Answer(questionId, type, score, null);
    }

    ResponseSubmitted.Answer text(String text) {
        return new ResponseSubmitted.Answer("why", "TEXT", null, text);
    }

    int partition() {
        return events.anyPartition(Topics.RESPONSES);
    }

    void publish(ResponseSubmitted response, int partition) {
        events.publish(response, partition);
    }

    /** Publishes to one partition, so they are consumed in this order. */
    void publishInOrder(List<ResponseSubmitted> responses) {
        int partition = partition();
        responses.forEach(r -> events.publish(r, partition));
    }

    /**
     * Publishes {@code matching} first and {@code others} after it on one partition, then a marker that the default
     * detractor rule matches; once the marker's case is there, every response before it was evaluated. Asserts
     * that only {@code matching} opened a case on the key (and the marker) and returns that case.
     */
    Map<String, Object> opensOnly(String key, ResponseSubmitted matching, ResponseSubmitted... others) {
        List<ResponseSubmitted> all = new ArrayList<>();
        all.add(matching);
        all.addAll(List.of(others));
        ResponseSubmitted marker = response(key, 0, List.of());
        all.add(marker);
        publishInOrder(all);
        List<Map<String, Object>> cases = awaitCases(key, List.of(matching, marker));
        assertEquals(2, cases.size(), "only the matching response and the marker opened a case: " + cases);
        return Cases.byResponse(cases, matching.responseId());
    }

    /** The cases of the key, once every one of {@code responses} has one. */
    List<Map<String, Object>> awaitCases(String key, List<ResponseSubmitted> responses) {
        return Cases.awaitList(
                Map.of("touchpoint", key),
                items -> responses.stream().allMatch(r -> Cases.byResponse(items, r.responseId()) != null),
                responses.size() + " responses of " + key + " opened cases");
    }

    Map<String, Object> caseOf(String key, UUID responseId) {
        return Cases.byResponse(Cases.list(Map.of("touchpoint", key)), responseId);
    }

    @Override
    public void close() {
        events.close();
    }
}
