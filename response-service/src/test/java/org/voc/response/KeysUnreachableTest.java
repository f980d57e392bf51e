package org.voc.response;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * survey-service unreachable (the JWKS URL points at a closed port): tokens are answered 503 with Retry-After at
 * once, survey-service is asked at most once per pause (attempts counted, not timed), and authenticated submissions
 * without an invitation token are not touched.
 */
@QuarkusTest
@TestProfile(KeysUnreachableTest.Unreachable.class)
class KeysUnreachableTest {

    public static class Unreachable implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            int closed;
            try (ServerSocket socket = new ServerSocket(0)) {
                closed = socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.of(
                    "voc.invitations.jwks-url",
                    "http://127.0.0.1:" + closed + "/api/invitation-keys/jwks",
                    // Longer than this test runs: every attempt after the first would be a fetch storm.
                    "voc.invitations.jwks-backoff",
                    "10m",
                    "voc.invitations.jwks-backoff-max",
                    "10m");
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true; // no test JWKS server here
        }
    }

    @Test
    void tokensAreAnsweredAtOnceAndSurveyServiceIsNotStormed() {
        Surveys.Survey survey = Surveys.single();
        for (int i = 0; i < 40; i++) {
            String token = new InvitationToken(survey.id(), survey.touchpointKey()).sign();
            given().get("/api/respond/{token}", token)
                    .then()
                    .statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", Integer::parseInt, greaterThanOrEqualTo(1))
                    .body("type", equalTo("urn:voc:problem:unavailable"))
                    .body("instance", equalTo("/api/respond/{token}"));
        }
        String token = new InvitationToken(survey.id(), survey.touchpointKey()).sign();
        given().get("/s/{token}", token)
                .then()
                .statusCode(503)
                .contentType(startsWith("text/html"))
                .header("Retry-After", Integer::parseInt, greaterThanOrEqualTo(1));
        Map<String, Object> invited = Surveys.body(survey.id(), survey.touchpointKey());
        invited.put("invitationToken", token);
        invited.put("channel", "EMAIL");
        invited.remove("customerRef");
        Surveys.submit(invited)
                .then()
                .statusCode(503)
                .header("Retry-After", Integer::parseInt, greaterThanOrEqualTo(1));

        // Direct server-to-server submissions do not depend on survey-service's keys at all.
        Map<String, Object> direct = Surveys.body(survey.id(), survey.touchpointKey());
        Surveys.submit(direct).then().statusCode(201).body("id", equalTo(direct.get("id")));
        Map<String, Object> another = Surveys.body(survey.id(), survey.touchpointKey());
        Surveys.submit(another).then().statusCode(201);

        assertEquals(1.0, fetches("failed"), "42 tokens, one attempt: the others were answered during the pause");
        assertEquals(0.0, fetches("ok"));
    }

    private static double fetches(String outcome) {
        Pattern line = Pattern.compile(
                "voc_invitations_jwks_fetches_total\\{[^}]*outcome=\"" + outcome + "\"[^}]*} ([0-9.E]+)");
        Matcher m = line.matcher(given().get("/q/metrics").then().extract().asString());
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
