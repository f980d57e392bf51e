package org.voc.response;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.voc.events.CloudEventHeaders;
import org.voc.events.SurveyStatusChanged;
import org.voc.events.SurveyVersionPublished;
import org.voc.events.SurveyVersionPublished.Question;
import org.voc.events.Topics;
import org.voc.testsupport.TestInfra;
import org.voc.testsupport.Tokens;

/**
 * Surveys for the tests, published on voc.surveys exactly as survey-service would (survey-service does not run
 * here). The replica is eventually consistent, so {@link #awaitAccepted} polls until a response is taken.
 */
final class Surveys {

    /** A published survey and the touchpoints its version 1 is bound to. */
    record Survey(UUID id, List<String> touchpointKeys) {
        String touchpointKey() {
            return touchpointKeys.get(0);
        }
    }

    static final ObjectMapper JSON =
            new ObjectMapper().findAndRegisterModules().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private static Survey single;
    private static Survey twoTouchpoints;

    private Surveys() {}

    /** nps (NPS 0–10, required), reason (TEXT, optional), csat (CSAT 1–5, optional). */
    static List<Question> standardQuestions() {
        return List.of(
                new Question("nps", "NPS", true, 0, 10, Map.of("en", "How likely are you to recommend us?")),
                new Question("reason", "TEXT", false, null, null, Map.of("en", "What is the main reason?")),
                new Question("csat", "CSAT", false, 1, 5, Map.of("en", "How satisfied are you?")));
    }

    /** A survey bound to one touchpoint, published once per test run and shared by the tests that only read it. */
    static synchronized Survey single() {
        if (single == null) {
            single = publishAndAwait(List.of(touchpointKey()));
        }
        return single;
    }

    /** A survey bound to two touchpoints, so a response must say which one it is about. */
    static synchronized Survey twoTouchpoints() {
        if (twoTouchpoints == null) {
            twoTouchpoints = publishAndAwait(List.of(touchpointKey(), touchpointKey()));
        }
        return twoTouchpoints;
    }

    static String touchpointKey() {
        return "tp-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static Survey publishAndAwait(List<String> touchpointKeys) {
        Survey survey = new Survey(UUID.randomUUID(), touchpointKeys);
        publish(survey.id(), 1, touchpointKeys, standardQuestions(), null);
        awaitAccepted(body(survey.id(), touchpointKeys.get(0)));
        return survey;
    }

    /** Sends one SurveyVersionPublished record, keyed {@code surveyId:version}; {@code partition} may be null. */
    static void publish(
            UUID surveyId, int version, List<String> touchpointKeys, List<Question> questions, Integer partition) {
        SurveyVersionPublished event = new SurveyVersionPublished(
                surveyId, version, "Card delivery survey", touchpointKeys, "en", questions, Instant.now());
        try {
            send(surveyId + ":" + version, JSON.writeValueAsString(event), partition);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends a SurveyStatusChanged record, keyed {@code surveyId:status}, as survey-service would. */
    static void status(UUID surveyId, String status, Instant changedAt, Integer partition) {
        try {
            send(
                    surveyId + ":status",
                    JSON.writeValueAsString(new SurveyStatusChanged(surveyId, status, 1, changedAt)),
                    partition,
                    SurveyStatusChanged.TYPE.type());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends a raw record on voc.surveys with the CloudEvents headers survey-service sets. */
    static void send(String key, String value, Integer partition) {
        send(key, value, partition, SurveyVersionPublished.TYPE.type());
    }

    static void send(String key, String value, Integer partition, String type) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.kafkaBootstrap());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            ProducerRecord<String, String> record = new ProducerRecord<>(Topics.SURVEYS, partition, key, value);
            header(record, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
            header(record, CloudEventHeaders.ID, UUID.randomUUID().toString());
            header(record, CloudEventHeaders.TYPE, type);
            header(record, CloudEventHeaders.SOURCE, "/survey-service");
            header(record, CloudEventHeaders.TIME, Instant.now().toString());
            header(record, CloudEventHeaders.CONTENT_TYPE, "application/json");
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not publish to " + Topics.SURVEYS, e);
        }
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Posts the body until the replica knows its survey version (400 naming surveyId or surveyVersion means "not
     * replicated yet"); returns the first other answer, which the caller checks.
     */
    static ExtractableResponse<Response> awaitAccepted(Map<String, Object> body) {
        return await("the replica knows survey " + body.get("surveyId") + " version " + body.get("surveyVersion"))
                .atMost(Duration.ofSeconds(60))
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> submit(body).then().extract(), response -> !notReplicatedYet(response));
    }

    private static boolean notReplicatedYet(ExtractableResponse<Response> response) {
        List<String> fields = response.statusCode() == 400 ? response.path("errors.field") : List.of();
        return fields != null && (fields.contains("surveyId") || fields.contains("surveyVersion"));
    }

    static Response submit(Map<String, Object> body) {
        return given().auth()
                .oauth2(Tokens.ingestClient())
                .contentType(ContentType.JSON)
                .body(json(body))
                .post("/api/responses");
    }

    static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A valid response body with a fresh client id: NPS 3 and a reason. */
    static Map<String, Object> body(UUID surveyId, String touchpointKey) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", UUID.randomUUID().toString());
        body.put("surveyId", surveyId.toString());
        body.put("surveyVersion", 1);
        body.put("touchpointKey", touchpointKey);
        body.put("channel", "BRANCH");
        body.put("customerRef", "cust-" + UUID.randomUUID().toString().substring(0, 6));
        body.put(
                "respondedAt",
                Instant.now()
                        .minus(Duration.ofHours(1))
                        .truncatedTo(ChronoUnit.SECONDS)
                        .toString());
        List<Map<String, Object>> answers = new ArrayList<>();
        answers.add(answer("nps", "score", 3));
        answers.add(answer("reason", "text", "The card came a week late"));
        body.put("answers", answers);
        return body;
    }

    static Map<String, Object> answer(String questionId, String field, Object value) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("questionId", questionId);
        answer.put(field, value);
        return answer;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> answers(Map<String, Object> body) {
        return (List<Map<String, Object>>) body.get("answers");
    }
}
