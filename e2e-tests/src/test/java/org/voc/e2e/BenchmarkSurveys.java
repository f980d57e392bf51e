package org.voc.e2e;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;
import org.voc.testsupport.Tokens;

/** What the response benchmarks share: an NPS survey to answer, and submissions to response-service. */
final class BenchmarkSurveys {

    private BenchmarkSurveys() {}

    /** The benchmarks' client: HTTP/1.1 keep-alive connections, as load generators and ingest clients use. */
    static HttpClient http() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** Creates and publishes an NPS survey (score and an optional reason) bound to the touchpoints. */
    static String publishNps(Suite suite, String name, String... touchpoints) {
        String designer = Tokens.user("designer");
        String keys = Arrays.stream(touchpoints).map(t -> "\"" + t + "\"").collect(Collectors.joining(", "));
        String id = given().baseUri(suite.url("survey-service"))
                .auth()
                .oauth2(designer)
                .contentType(ContentType.JSON)
                .body(String.format("""
                        {"name": "%s", "defaultLocale": "en", "touchpointKeys": [%s],
                         "questions": [
                           {"id": "nps", "type": "NPS", "required": true,
                            "text": {"en": "How likely are you to recommend us?"}},
                           {"id": "reason", "type": "TEXT", "required": false, "text": {"en": "Why?"}}]}
                        """, name, keys))
                .post("/api/surveys")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().baseUri(suite.url("survey-service"))
                .auth()
                .oauth2(designer)
                .contentType(ContentType.JSON)
                .post("/api/surveys/" + id + "/publish")
                .then()
                .statusCode(201);
        return id;
    }

    /** Waits until response-service has learnt the published survey (from Kafka) and takes an answer to it. */
    static void awaitSurveyKnown(Suite suite, HttpClient http, String token, String surveyId, String touchpoint)
            throws Exception {
        for (int attempt = 0; attempt < 300; attempt++) {
            HttpResponse<String> r = http.send(
                    post(suite, token, response(surveyId, touchpoint, 9, null)), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 201) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("response-service did not learn the benchmark survey");
    }

    static HttpRequest post(Suite suite, String token, String body) {
        return HttpRequest.newBuilder(URI.create(suite.url("response-service") + "/api/responses"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    /** A response with an NPS score, a reason when it is a detractor's, and a fresh customer unless one is named. */
    static String response(String surveyId, String touchpoint, int score, String customer) {
        String comment = score <= 6 ? ", {\"questionId\": \"reason\", \"text\": \"benchmark probe\"}" : "";
        return String.format(
                """
                {"surveyId": "%s", "touchpointKey": "%s", "channel": "WEB", "customerRef": "%s",
                 "answers": [{"questionId": "nps", "score": %d}%s]}
                """, surveyId, touchpoint, customer == null ? "bench-" + UUID.randomUUID() : customer, score, comment);
    }
}
