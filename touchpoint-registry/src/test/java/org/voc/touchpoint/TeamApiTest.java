package org.voc.touchpoint;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.voc.touchpoint.Api.as;
import static org.voc.touchpoint.Api.team;
import static org.voc.touchpoint.Api.unique;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.voc.events.Topics;
import org.voc.testsupport.TopicReader;

@QuarkusTest
class TeamApiTest {

    @Test
    void registersReadsChangesAndListsATeam() throws Exception {
        String key = unique("team");
        String id = as("designer")
                .body(team(key, "Europe/Paris"))
                .post("/api/teams")
                .then()
                .statusCode(201)
                .header("Location", endsWith("/api/teams/" + key))
                .header("ETag", equalTo("\"0\""))
                .body("workingHours.days", contains("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"))
                .body("workingHours.start", equalTo("08:00:00"))
                .body("timeZone", equalTo("Europe/Paris"))
                .extract()
                .path("id");
        as("agent")
                .get("/api/teams/" + key)
                .then()
                .statusCode(200)
                .body("escalationContact", equalTo("lead@example.com"))
                .header("ETag", equalTo("\"0\""));

        as("admin")
                .header("If-Match", "\"0\"")
                .body(team(key, "America/New_York"))
                .put("/api/teams/" + key)
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("timeZone", equalTo("America/New_York"));
        as("admin")
                .header("If-Match", "\"0\"")
                .body(team(key, "Europe/Paris"))
                .put("/api/teams/" + key)
                .then()
                .statusCode(412)
                .contentType("application/problem+json");
        as("admin")
                .body(team(key, "Europe/Paris"))
                .put("/api/teams/" + key)
                .then()
                .statusCode(428)
                .contentType("application/problem+json");
        as("analyst")
                .queryParam("after", key.substring(0, key.length() - 1))
                .queryParam("limit", 500)
                .get("/api/teams")
                .then()
                .statusCode(200)
                .body("items.key", hasItem(key));

        try (TopicReader reader = new TopicReader(Topics.TEAMS)) {
            List<TopicReader.Event> events = reader.awaitMatching(
                    e -> id.equals(e.key()) && e.value().contains("America/New_York"), Duration.ofSeconds(20));
            assertEquals(1, events.size(), "the changed team state reaches voc.teams");
            assertEquals("voc.team.state.v1", events.get(0).headers().get("ce_type"));
            JsonNode state = new ObjectMapper().readTree(events.get(0).value());
            assertEquals(key, state.get("key").asText());
            assertEquals(1, state.get("revision").asLong());
            assertEquals("08:00", state.get("workStart").asText());
            assertEquals("FRIDAY", state.get("workingDays").get(4).asText());
        }
    }

    @Test
    void membersAreKeptInLowerCaseWithoutDuplicatesAndPublished() throws Exception {
        String key = unique("team");
        String id = as("designer")
                .body(team(key, "Europe/Paris"))
                .post("/api/teams")
                .then()
                .statusCode(201)
                .body("members", empty())
                .extract()
                .path("id");
        as("designer")
                .header("If-Match", "\"0\"")
                .body(team(key, "Europe/Paris", "J.Smith", "agent", "j.smith", "анна.иванова"))
                .put("/api/teams/" + key)
                .then()
                .statusCode(200)
                .body("members", contains("agent", "j.smith", "анна.иванова"));
        as("manager")
                .get("/api/teams/" + key)
                .then()
                .statusCode(200)
                .body("members", contains("agent", "j.smith", "анна.иванова"));

        try (TopicReader reader = new TopicReader(Topics.TEAMS)) {
            List<TopicReader.Event> events = reader.awaitMatching(
                    e -> id.equals(e.key()) && e.value().contains("j.smith"), Duration.ofSeconds(20));
            JsonNode members =
                    new ObjectMapper().readTree(events.get(0).value()).get("members");
            assertEquals(
                    List.of("agent", "j.smith", "анна.иванова"),
                    List.of(
                            members.get(0).asText(),
                            members.get(1).asText(),
                            members.get(2).asText()));
        }

        // A change that leaves members out replaces the list: the team has none any more.
        as("designer")
                .header("If-Match", "\"1\"")
                .body(team(key, "Europe/Paris"))
                .put("/api/teams/" + key)
                .then()
                .statusCode(200)
                .body("members", empty());
    }

    @Test
    void membersAreBounded() {
        String[] tooMany = new String[501];
        java.util.Arrays.setAll(tooMany, i -> "agent-" + i);
        as("designer")
                .body(team(unique("team"), "UTC", tooMany))
                .post("/api/teams")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("members"));
        as("designer")
                .body(team(unique("team"), "UTC", "agent", "two words"))
                .post("/api/teams")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("members[1]"));
        as("designer")
                .body(team(unique("team"), "UTC", "x".repeat(256)))
                .post("/api/teams")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("members[0]"));
        as("designer")
                .body(team(unique("team"), "UTC").replaceFirst("}$", ", \"members\": [null]}"))
                .post("/api/teams")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("members[0]"));
    }

    @Test
    void errorsAreProblemDetails() {
        String key = unique("team");
        as("designer").body(team(key, "Europe/Paris")).post("/api/teams").then().statusCode(201);
        as("designer")
                .body(team(key, "Europe/Paris"))
                .post("/api/teams")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("key"));
        as("designer")
                .body(team(unique("team"), "Mars/Olympus"))
                .post("/api/teams")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("timeZone"));
        as("designer")
                .body(team(unique("team"), "UTC").replace("\"18:00\"", "\"07:00\""))
                .post("/api/teams")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("workingHours.end"));
        as("designer")
                .body(team(unique("team"), "UTC").replace("\"MONDAY\"", "\"MOONDAY\""))
                .post("/api/teams")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("workingHours.days[0]"));
        as("designer")
                .body(team(unique("team"), "UTC").replace("\"08:00\"", "\"8 o'clock\""))
                .post("/api/teams")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("workingHours.start"));
        as("designer")
                .body("{\"name\": \"No key\", \"timeZone\": \"UTC\"}")
                .post("/api/teams")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("workingHours"));
        as("designer")
                .header("If-Match", "\"0\"")
                .body(team("other-team", "UTC"))
                .put("/api/teams/" + key)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("key"));
        as("analyst").get("/api/teams/no-such-team").then().statusCode(404).contentType("application/problem+json");
        as("analyst")
                .queryParam("limit", 0)
                .get("/api/teams")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }
}
