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
    void holidaysAndTheEscalationLadderAreKeptAndPublished() throws Exception {
        String key = unique("team");
        String body = team(key, "Europe/Berlin").replaceFirst("}$", """
                        , "holidays": [{"date": "2027-01-01", "name": "New Year"}, {"date": "2026-12-25"},
                                       {"date": "2027-01-01", "name": "again"}],
                          "escalationLadder": [
                            {"after": "PT0S", "recipients": ["Lead.Cards", "lead.cards"], "label": "team lead"},
                            {"after": "PT4H", "recipients": ["head.cx@example.com"]}]}""");
        String id = as("designer")
                .body(body)
                .post("/api/teams")
                .then()
                .statusCode(201)
                .body("holidays.date", contains("2026-12-25", "2027-01-01"))
                .body("holidays.name", contains(null, "New Year"))
                .body("escalationLadder.after", contains("PT0S", "PT4H"))
                .body("escalationLadder[0].recipients", contains("lead.cards"))
                .body("escalationLadder[0].label", equalTo("team lead"))
                .body("escalationContact", equalTo("lead@example.com"))
                .extract()
                .path("id");
        as("agent")
                .get("/api/teams/" + key)
                .then()
                .statusCode(200)
                .body("holidays.date", contains("2026-12-25", "2027-01-01"))
                .body("escalationLadder[1].recipients", contains("head.cx@example.com"));

        try (TopicReader reader = new TopicReader(Topics.TEAMS)) {
            JsonNode state = new ObjectMapper()
                    .readTree(reader.awaitMatching(e -> id.equals(e.key()), Duration.ofSeconds(20))
                            .get(0)
                            .value());
            assertEquals("2026-12-25", state.get("holidays").get(0).get("date").asText());
            assertEquals("New Year", state.get("holidays").get(1).get("name").asText());
            assertEquals(
                    "PT4H", state.get("escalationLadder").get(1).get("after").asText());
            assertEquals(
                    "lead.cards",
                    state.get("escalationLadder")
                            .get(0)
                            .get("recipients")
                            .get(0)
                            .asText());
        }

        // A change that leaves them out replaces them: no holidays, no ladder (the contact alone escalates).
        as("designer")
                .header("If-Match", "\"0\"")
                .body(team(key, "Europe/Berlin"))
                .put("/api/teams/" + key)
                .then()
                .statusCode(200)
                .body("holidays", empty())
                .body("escalationLadder", empty())
                .body("escalationContact", equalTo("lead@example.com"));
    }

    @Test
    void badHolidaysAndLaddersAreProblemsNamingTheField() {
        assertRefused("\"holidays\": [{\"date\": \"2027-02-30\"}]", "holidays[0].date");
        assertRefused("\"holidays\": [{\"date\": \"01/01/2027\"}]", "holidays[0].date");
        assertRefused("\"holidays\": [{\"name\": \"No date\"}]", "holidays[0].date");
        assertRefused("\"holidays\": [null]", "holidays[0]");
        String tooMany = java.util.stream.IntStream.range(0, 401)
                .mapToObj(i ->
                        "{\"date\": \"" + java.time.LocalDate.of(2027, 1, 1).plusDays(i) + "\"}")
                .collect(java.util.stream.Collectors.joining(", "));
        assertRefused("\"holidays\": [" + tooMany + "]", "holidays");
        assertRefused(
                "\"escalationLadder\": [{\"after\": \"two hours\", \"recipients\": [\"lead\"]}]",
                "escalationLadder[0].after");
        assertRefused(
                "\"escalationLadder\": [{\"after\": \"-PT1H\", \"recipients\": [\"lead\"]}]",
                "escalationLadder[0].after");
        assertRefused(
                "\"escalationLadder\": [{\"after\": \"PT745H\", \"recipients\": [\"lead\"]}]",
                "escalationLadder[0].after");
        assertRefused(
                "\"escalationLadder\": [{\"after\": \"PT2H\", \"recipients\": [\"lead\"]},"
                        + " {\"after\": \"PT1H\", \"recipients\": [\"head\"]}]",
                "escalationLadder[1].after");
        assertRefused(
                "\"escalationLadder\": [{\"after\": \"PT2H\", \"recipients\": []}]", "escalationLadder[0].recipients");
        assertRefused(
                "\"escalationLadder\": [{\"after\": \"PT2H\", \"recipients\": [\"two words\"]}]",
                "escalationLadder[0].recipients[0]");
        String step = "{\"after\": \"PT1H\", \"recipients\": [\"lead\"]}";
        assertRefused(
                "\"escalationLadder\": [" + String.join(", ", java.util.Collections.nCopies(11, step)) + "]",
                "escalationLadder");
    }

    private static void assertRefused(String fields, String field) {
        as("designer")
                .body(team(unique("team"), "UTC").replaceFirst("}$", ", " + fields + "}"))
                .post("/api/teams")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo(field));
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
