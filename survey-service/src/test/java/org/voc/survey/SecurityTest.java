package org.voc.survey;

import static org.voc.testsupport.AccessContract.operation;

import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.voc.testsupport.AccessContract;

/** Every /api operation of the survey service and callers it must refuse (docs/security.md has the role matrix). */
@QuarkusTest
class SecurityTest extends AccessContract {

    static Stream<Arguments> operations() {
        String body = SurveyApiTest.body("sec-check");
        String survey = "/api/surveys/" + UUID.randomUUID();
        String distribution = """
                {"enabled": true, "minGapPerCustomer": "P30D", "rules": []}""";
        String policy = """
                {"maxInvitations": 3, "window": "P30D"}""";
        String optOut = "/api/opt-outs/sec-check";
        String interaction = """
                {"interactionId": "sec-check", "customerRef": "sec-check", "touchpointKey": "sec-check",
                 "channel": "BRANCH"}""";
        String batch = "{\"interactions\": [" + interaction + "]}";
        String invitation = "/api/invitations/" + UUID.randomUUID();
        return Stream.of(
                operation("POST", "/api/surveys", body, "analyst"),
                operation("POST", "/api/surveys", body, INGEST_CLIENT),
                operation("PUT", survey, body, "analyst"),
                operation("PUT", survey, body, INGEST_CLIENT),
                operation("POST", survey + "/publish", null, "analyst"),
                operation("POST", survey + "/publish", null, INGEST_CLIENT),
                operation("GET", survey, null, "agent"),
                operation("GET", survey, null, INGEST_CLIENT),
                operation("GET", survey + "/versions/1", null, "agent"),
                operation("GET", survey + "/versions/1", null, INGEST_CLIENT),
                operation("GET", "/api/surveys", null, "nobody"),
                operation("GET", "/api/surveys", null, INGEST_CLIENT),
                operation("POST", survey + "/pause", null, "analyst"),
                operation("POST", survey + "/pause", null, INGEST_CLIENT),
                operation("POST", survey + "/resume", null, "analyst"),
                operation("POST", survey + "/resume", null, INGEST_CLIENT),
                operation("POST", survey + "/archive", null, "analyst"),
                operation("POST", survey + "/archive", null, INGEST_CLIENT),
                operation("POST", "/api/surveys/from-template/loyalty-index", null, "analyst"),
                operation("POST", "/api/surveys/from-template/loyalty-index", null, INGEST_CLIENT),
                operation("GET", "/api/survey-templates", null, "agent"),
                operation("GET", "/api/survey-templates", null, INGEST_CLIENT),
                operation("GET", "/api/invitation-keys", null, "designer"),
                operation("GET", "/api/invitation-keys", null, INGEST_CLIENT),
                operation("POST", "/api/invitation-keys/rotate", null, "designer"),
                operation("POST", "/api/invitation-keys/rotate", null, INGEST_CLIENT),
                operation("POST", "/api/invitation-keys/no-such-kid/retire", null, "designer"),
                operation("POST", "/api/invitation-keys/no-such-kid/retire", null, "analyst"),
                operation("POST", "/api/invitation-keys/no-such-kid/retire", null, INGEST_CLIENT),
                operation("GET", survey + "/distribution", null, "agent"),
                operation("GET", survey + "/distribution", null, INGEST_CLIENT),
                operation("PUT", survey + "/distribution", distribution, "analyst"),
                operation("PUT", survey + "/distribution", distribution, INGEST_CLIENT),
                operation("GET", "/api/contact-policy", null, "agent"),
                operation("GET", "/api/contact-policy", null, INGEST_CLIENT),
                operation("PUT", "/api/contact-policy", policy, "designer"),
                operation("PUT", "/api/contact-policy", policy, "analyst"),
                operation("PUT", "/api/contact-policy", policy, INGEST_CLIENT),
                operation("PUT", optOut, null, "designer"),
                operation("PUT", optOut, null, "analyst"),
                operation("DELETE", optOut, null, "designer"),
                operation("DELETE", optOut, null, "analyst"),
                operation("GET", optOut, null, "designer"),
                operation("GET", optOut, null, "agent"),
                operation("POST", "/api/interactions", interaction, "designer"),
                operation("POST", "/api/interactions", interaction, "analyst"),
                operation("POST", "/api/interactions/batch", batch, "designer"),
                operation("POST", "/api/interactions/batch", batch, "analyst"),
                operation("GET", "/api/interactions/sec-check/decision", null, "designer"),
                operation("GET", "/api/interactions/sec-check/decision", null, "agent"),
                operation("GET", "/api/decisions?customerRef=sec-check", null, "designer"),
                operation("GET", "/api/decisions?customerRef=sec-check", null, INGEST_CLIENT),
                operation("GET", invitation, null, "designer"),
                operation("GET", invitation, null, INGEST_CLIENT),
                operation("POST", invitation + "/revoke", "{}", "analyst"),
                operation("POST", invitation + "/revoke", "{}", "designer"),
                operation("POST", invitation + "/revoke", "{}", INGEST_CLIENT),
                operation("POST", "/api/erasures", "{\"customerRef\": \"sec-check\"}", "analyst"),
                operation("POST", "/api/erasures", "{\"customerRef\": \"sec-check\"}", INGEST_CLIENT),
                operation("GET", "/api/erasures/" + UUID.randomUUID(), null, "agent"),
                operation("GET", "/api/opt-outs/sec-check", null, "privacy"));
    }
}
