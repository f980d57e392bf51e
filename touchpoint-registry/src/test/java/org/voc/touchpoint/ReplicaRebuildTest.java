package org.voc.touchpoint;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.voc.touchpoint.Api.as;
import static org.voc.touchpoint.Api.unique;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.voc.events.Topics;
import org.voc.testsupport.TestInfra;

/**
 * What another service does with the compacted topics: read them from the beginning, keep the highest revision per
 * id, and end up with the registry's own state (touchpoints and teams, every field).
 */
@QuarkusTest
class ReplicaRebuildTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aReplicaBuiltFromTheTopicsEqualsTheRegistry() throws Exception {
        String p = unique("replica");
        StringBuilder csv = new StringBuilder(ImportTest.HEADER);
        for (int i = 0; i < 40; i++) {
            csv.append(ImportTest.row(
                    p + "-" + i,
                    i % 2 == 0 ? "WEB" : "BRANCH",
                    i % 3 == 0 ? "USAGE" : "SERVICE",
                    "DIRECT",
                    "RETAIL|SME",
                    "team-" + (i % 4),
                    p,
                    "crm:" + p + "." + i,
                    ""));
        }
        as("designer")
                .queryParam("mode", "apply")
                .contentType("text/csv")
                .body(csv.toString())
                .post("/api/touchpoints/import")
                .then()
                .statusCode(200)
                .body("created", equalTo40());
        // A few later changes: the replica must hold the latest revision, not the first.
        for (int i = 0; i < 3; i++) {
            as("designer")
                    .header("If-Match", "\"0\"")
                    .body(TouchpointRegistryTest.full(p + "-" + i, p + ".changed." + i)
                            .replace("\"kyc\"", "\"" + p + "\""))
                    .put("/api/touchpoints/" + p + "-" + i)
                    .then()
                    .statusCode(200);
        }
        String team = "team-" + p;
        as("designer")
                .body(Api.team(team, "Europe/Paris"))
                .post("/api/teams")
                .then()
                .statusCode(201);
        as("designer")
                .header("If-Match", "\"0\"")
                .body(Api.team(team, "Asia/Tokyo", "agent", "j.smith")
                        .replaceFirst(
                                "}$",
                                ", \"holidays\": [{\"date\": \"2027-01-01\", \"name\": \"New Year\"}],"
                                        + " \"escalationLadder\": [{\"after\": \"PT2H\","
                                        + " \"recipients\": [\"lead\"], \"label\": \"team lead\"}]}"))
                .put("/api/teams/" + team)
                .then()
                .statusCode(200);

        List<Map<String, Object>> registry = as("analyst")
                .queryParam("tag", p)
                .queryParam("limit", 500)
                .get("/api/touchpoints")
                .then()
                .statusCode(200)
                .extract()
                .path("items");
        assertEquals(40, registry.size());
        Map<String, Object> registeredTeam = as("analyst")
                .get("/api/teams/" + team)
                .then()
                .statusCode(200)
                .extract()
                .path("");

        Map<String, JsonNode> expected = new HashMap<>();
        for (Map<String, Object> view : registry) {
            expected.put((String) view.get("id"), touchpointShape(JSON.valueToTree(view)));
        }
        String teamId = (String) registeredTeam.get("id");
        JsonNode expectedTeam = teamShape(JSON.valueToTree(registeredTeam));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<String, JsonNode> rebuilt = replica(Topics.TOUCHPOINTS);
            Map<String, JsonNode> teamReplica = replica(Topics.TEAMS);
            assertEquals(
                    expected,
                    expected.keySet().stream()
                            .filter(rebuilt::containsKey)
                            .collect(Collectors.toMap(id -> id, id -> touchpointShape(rebuilt.get(id)))),
                    "the touchpoints rebuilt from " + Topics.TOUCHPOINTS);
            assertEquals(
                    expectedTeam,
                    teamReplica.containsKey(teamId) ? teamShape(teamReplica.get(teamId)) : null,
                    "the team rebuilt from " + Topics.TEAMS);
        });
    }

    private static org.hamcrest.Matcher<Integer> equalTo40() {
        return org.hamcrest.Matchers.equalTo(40);
    }

    /** The fields the state event and the API share, in the event's flat shape. */
    private static JsonNode touchpointShape(JsonNode source) {
        ObjectNode shape = JSON.createObjectNode();
        for (String field : List.of(
                "id",
                "key",
                "name",
                "description",
                "channel",
                "journeyStage",
                "signalKind",
                "segments",
                "product",
                "ownerTeam",
                "status",
                "raci",
                "tags",
                "externalRefs",
                "revision")) {
            shape.set(field, source.get(field));
        }
        return shape;
    }

    /** The API's team view flattened into the event's shape. */
    private static JsonNode teamShape(JsonNode source) {
        ObjectNode shape = JSON.createObjectNode();
        for (String field : List.of(
                "id",
                "key",
                "name",
                "escalationContact",
                "timeZone",
                "revision",
                "members",
                "holidays",
                "escalationLadder")) {
            shape.set(field, source.get(field));
        }
        JsonNode hours = source.get("workingHours");
        shape.set("workingDays", hours == null ? source.get("workingDays") : hours.get("days"));
        shape.put(
                "workStart",
                (hours == null ? source.get("workStart") : hours.get("start"))
                        .asText()
                        .substring(0, 5));
        shape.put(
                "workEnd",
                (hours == null ? source.get("workEnd") : hours.get("end"))
                        .asText()
                        .substring(0, 5));
        return shape;
    }

    /** Reads a compacted topic to its end and keeps, per record key, the state with the highest revision. */
    static Map<String, JsonNode> replica(String topic) throws Exception {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.kafkaBootstrap());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        Map<String, JsonNode> replica = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.value() == null) {
                        replica.remove(record.key());
                        continue;
                    }
                    JsonNode state;
                    try {
                        state = JSON.readTree(record.value());
                    } catch (Exception e) {
                        continue; // other suites' poison records: a tolerant consumer skips them too
                    }
                    if (state == null || state.get("revision") == null) {
                        continue;
                    }
                    JsonNode known = replica.get(record.key());
                    if (known == null
                            || known.get("revision").asLong()
                                    < state.get("revision").asLong()) {
                        replica.put(record.key(), state);
                    }
                }
            }
        }
        return replica;
    }
}
