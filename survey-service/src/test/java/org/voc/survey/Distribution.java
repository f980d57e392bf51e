package org.voc.survey;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.voc.events.Topics;
import org.voc.testsupport.TestInfra;
import org.voc.testsupport.Tokens;

/** Helpers of the distribution tests: touchpoints fed through voc.touchpoints, surveys with rules, interactions. */
final class Distribution {

    private static KafkaProducer<String, String> producer;

    private Distribution() {}

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static RequestSpecification ingest() {
        return given().auth().oauth2(Tokens.ingestClient()).contentType(ContentType.JSON);
    }

    static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.user(user)).contentType(ContentType.JSON);
    }

    /** Publishes a touchpoint state as the registry would, and waits until the replica holds it. */
    static void touchpoint(DataSource db, UUID id, String key, String status, long revision, String externalRefs) {
        String state = """
                {"id": "%s", "key": "%s", "name": "Test touchpoint %s", "channel": "BRANCH", "journeyStage": "SERVICE",
                 "signalKind": "DIRECT", "segments": ["RETAIL"], "product": null, "ownerTeam": "test-team",
                 "status": "%s", "revision": %d, "updatedAt": "%s"%s}""".formatted(
                        id,
                        key,
                        key,
                        status,
                        revision,
                        Instant.now(),
                        externalRefs == null ? "" : ", \"externalRefs\": " + externalRefs);
        send(Topics.TOUCHPOINTS, id.toString(), state, "voc.touchpoint.state.v1");
        await(() -> status(db, id, revision, status), "the replica holds " + key + " at revision " + revision);
    }

    static String touchpoint(DataSource db) {
        String key = unique("tp");
        touchpoint(db, UUID.randomUUID(), key, "ACTIVE", 0, null);
        return key;
    }

    static void send(String topic, String key, String value, String ceType) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        if (ceType != null) {
            record.headers().add("ce_type", ceType.getBytes(StandardCharsets.UTF_8));
            record.headers().add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        }
        try {
            producer().send(record).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot publish to " + topic, e);
        }
    }

    /** A published survey (locales en and fr) bound to the touchpoint; returns its id. */
    static String publishedSurvey(String touchpointKey) {
        String id = as("designer")
                .body("""
                {"name": "Distribution test %s", "defaultLocale": "en", "locales": ["en", "fr"],
                 "touchpointKeys": ["%s"],
                 "questions": [{"id": "nps", "type": "NPS", "required": true,
                   "text": {"en": "How likely are you to recommend us?",
                    "fr": "Recommanderiez-vous notre banque ?"}}]}""".formatted(touchpointKey, touchpointKey))
                .post("/api/surveys")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as("designer").post("/api/surveys/" + id + "/publish").then().statusCode(201);
        return id;
    }

    /** A published survey on the touchpoint with one rule for any channel and segment. */
    static String invitingSurvey(String touchpointKey, double rate, String ttl, String minGap) {
        String id = publishedSurvey(touchpointKey);
        as("designer")
                .body(distribution(touchpointKey, rate, ttl, minGap))
                .put("/api/surveys/" + id + "/distribution")
                .then()
                .statusCode(200);
        return id;
    }

    static String distribution(String touchpointKey, double rate, String ttl, String minGap) {
        return """
                {"enabled": true, "minGapPerCustomer": "%s", "rules": [{"touchpointKeys": ["%s"], "channels": [],
                  "samplingRate": %s, "invitationTtl": "%s", "deliveryChannel": "SMS",
                   "priority": 100}]}""".formatted(minGap, touchpointKey, rate, ttl);
    }

    static String interaction(String id, String customer, String touchpointKey, Instant occurredAt) {
        return """
                {"interactionId": "%s", "customerRef": "%s", "touchpointKey": "%s", "channel": "BRANCH",
                 "segment": "RETAIL"%s}""".formatted(
                id, customer, touchpointKey, occurredAt == null ? "" : ", \"occurredAt\": \"" + occurredAt + "\"");
    }

    /** Decides one interaction through the API and returns its outcome, or its reason when suppressed. */
    static String decide(String customer, String touchpointKey, Instant occurredAt) {
        var body = ingest().body(interaction(unique("i"), customer, touchpointKey, occurredAt))
                .post("/api/interactions")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        return "INVITED".equals(body.getString("outcome")) ? "INVITED" : body.getString("reason");
    }

    static void await(Callable<Boolean> check, String what) {
        Awaitility.await(what)
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(check);
    }

    static void sql(DataSource db, String sql, Object... params) {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static long count(DataSource db, String sql, Object... params) {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean status(DataSource db, UUID id, long revision, String status) {
        return count(
                        db,
                        "select count(*) from touchpoint_replica where id = ? and revision = ? and status = ?",
                        id,
                        revision,
                        status)
                == 1;
    }

    private static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.kafkaBootstrap());
            props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            producer = new KafkaProducer<>(props);
        }
        return producer;
    }
}
