package org.voc.survey;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.voc.survey.Distribution.ingest;
import static org.voc.survey.Distribution.interaction;
import static org.voc.survey.Distribution.unique;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A batch the decision queue cannot take is refused whole with 503 and Retry-After, before anything is queued. */
@QuarkusTest
@TestProfile(OverloadTest.TinyQueue.class)
class OverloadTest {

    /** A queue of five interactions, fed by the test alone (no interactions from Kafka). */
    public static class TinyQueue implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "voc.distribution.queue-capacity",
                    "5",
                    "voc.distribution.retry-after",
                    "2s",
                    "mp.messaging.incoming.interactions.enabled",
                    "false");
        }
    }

    @Test
    void aBatchLargerThanTheQueueIs503WithRetryAfter() {
        List<String> items = new ArrayList<>();
        String first = unique("visit");
        for (int i = 0; i < 6; i++) {
            items.add(interaction(i == 0 ? first : unique("visit"), unique("cust"), "anywhere", null));
        }
        ingest().body("{\"interactions\": [" + String.join(",", items) + "]}")
                .post("/api/interactions/batch")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", equalTo("2"))
                .body("type", equalTo("urn:voc:problem:unavailable"));
        Distribution.as("analyst")
                .get("/api/interactions/" + first + "/decision")
                .then()
                .statusCode(404);
        ingest().body("{\"interactions\": [" + String.join(",", items.subList(0, 5)) + "]}")
                .post("/api/interactions/batch")
                .then()
                .statusCode(200)
                .body("decisions[0].decisionId", notNullValue());
    }
}
