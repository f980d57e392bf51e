package org.voc.survey;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.voc.survey.Distribution.as;
import static org.voc.survey.Distribution.await;
import static org.voc.survey.Distribution.count;
import static org.voc.survey.Distribution.decide;
import static org.voc.survey.Distribution.ingest;
import static org.voc.survey.Distribution.invitingSurvey;
import static org.voc.survey.Distribution.touchpoint;
import static org.voc.survey.Distribution.unique;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.voc.events.ErasureCompleted;
import org.voc.events.Topics;
import org.voc.survey.privacy.domain.CustomerHash;
import org.voc.testsupport.EventProducer;
import org.voc.testsupport.TopicReader;

/** Erasure (GDPR art. 17) as coordinated by survey-service: its own data at once, the others' by their reports. */
@QuarkusTest
class PrivacyTest {

    @Inject
    DataSource db;

    @Inject
    CustomerHash hash;

    @Test
    void anErasureDeletesDecisionsAndInvitationsKeepsTheOptOutHashedAndCompletesWhenEveryServiceReports() {
        String tp = touchpoint(db);
        invitingSurvey(tp, 1.0, "P7D", "P0D");
        String customer = unique("cust");
        assertEquals("INVITED", decide(customer, tp, null));
        ingest().body("{\"reason\": \"asked by phone\"}")
                .put("/api/opt-outs/" + customer)
                .then()
                .statusCode(200);
        assertEquals("OPTED_OUT", decide(customer, tp, null));

        String id;
        try (TopicReader requests = new TopicReader(Topics.ERASURES)) {
            var response = as("privacy")
                    .body("{\"customerRef\": \"" + customer + "\"}")
                    .post("/api/erasures")
                    .then()
                    .statusCode(202)
                    .body("status", equalTo("PENDING"))
                    .extract();
            JsonPath erasure = response.jsonPath();
            id = erasure.getString("id");
            assertTrue(response.header("Location").endsWith("/api/erasures/" + id), response.header("Location"));
            assertEquals(
                    List.of("case-service", "response-service", "survey-service"), erasure.getList("services.service"));
            assertEquals(Map.of("decisions", 2, "invitations", 1, "optOuts", 1), erasure.getMap("services[2].counts"));
            assertEquals("PENDING", erasure.getString("services[0].status"));
            List<TopicReader.Event> sent = requests.awaitMatching(e -> id.equals(e.key()), Duration.ofSeconds(60));
            assertTrue(sent.get(0).value().contains(customer), "the services learn whom to erase");
        }

        assertEquals(0, count(db, "select count(*) from distribution_decision where customer_ref = ?", customer));
        assertEquals(0, count(db, "select count(*) from invitation where customer_ref = ?", customer));
        assertEquals(0, count(db, "select count(*) from opt_out where customer_ref = ?", customer));
        assertEquals(
                1,
                count(db, "select count(*) from opt_out_erased where customer_hash = ?", hash.of(customer)),
                "only the keyed hash of the opt-out stays");
        // The opt-out is still honoured, now by its hash, and still answers for the customer.
        assertEquals("OPTED_OUT", decide(customer, tp, null));
        ingest().get("/api/opt-outs/" + customer)
                .then()
                .statusCode(200)
                .body("customerRef", equalTo(customer))
                .body("reason", nullValue());

        report(UUID.fromString(id), "response-service", Map.of("responses", 3L));
        await(() -> "COMPLETED".equals(status(id, 1)), "response-service's report is recorded");
        as("privacy").get("/api/erasures/" + id).then().body("status", equalTo("PENDING"));
        report(UUID.fromString(id), "case-service", Map.of("cases", 1L));
        await(() -> "COMPLETED".equals(status(id, -1)), "the erasure completes with the last report");
        as("privacy")
                .get("/api/erasures/" + id)
                .then()
                .body("services[0].counts.cases", equalTo(1))
                .body("services[1].counts.responses", equalTo(3))
                .body("completedAt", not(nullValue()));
        assertEquals(
                0,
                count(
                        db,
                        "select count(*) from erasure where id = ? and customer_ref is not null",
                        UUID.fromString(id)),
                "the coordinator keeps no clear reference once complete");
    }

    @Test
    void aSecondRequestJoinsAPendingErasureAndAfterCompletionStartsOneThatFindsNothing() {
        String customer = unique("cust");
        String first = erase(customer, 202);
        assertEquals(first, erase(customer, 200), "the pending erasure is the answer");
        report(UUID.fromString(first), "response-service", Map.of("responses", 0L));
        report(UUID.fromString(first), "case-service", Map.of("cases", 0L));
        report(UUID.fromString(first), "case-service", Map.of("cases", 7L));
        await(() -> "COMPLETED".equals(status(first, -1)), "the erasure completes");
        as("admin").get("/api/erasures/" + first).then().body("services[0].counts.cases", equalTo(0));

        String second = erase(customer, 202);
        assertNotEquals(first, second);
        as("privacy")
                .get("/api/erasures/" + second)
                .then()
                .body("services[2].counts", equalTo(Map.of("decisions", 0, "invitations", 0, "optOuts", 0)));
    }

    @Test
    void onlyPrivacyOfficersAndAdminsEraseAndRequestsAreChecked() {
        as("analyst")
                .body("{\"customerRef\": \"x\"}")
                .post("/api/erasures")
                .then()
                .statusCode(403);
        as("agent").get("/api/erasures/" + UUID.randomUUID()).then().statusCode(403);
        as("privacy").get("/api/erasures/" + UUID.randomUUID()).then().statusCode(404);
        as("privacy").get("/api/erasures/not-a-uuid").then().statusCode(404);
        as("privacy")
                .body("{\"customerRef\": \" \"}")
                .post("/api/erasures")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("customerRef"));
        as("privacy")
                .body("{\"customerRef\": \"" + "x".repeat(201) + "\"}")
                .post("/api/erasures")
                .then()
                .statusCode(400);
        as("privacy").body("{}").post("/api/erasures").then().statusCode(400);
    }

    private static String erase(String customer, int status) {
        return as("privacy")
                .body("{\"customerRef\": \"" + customer + "\"}")
                .post("/api/erasures")
                .then()
                .statusCode(status)
                .extract()
                .path("id");
    }

    /** The status of the erasure ({@code part} -1) or of one of its parts. */
    private static String status(String id, int part) {
        JsonPath erasure =
                as("privacy").get("/api/erasures/" + id).then().extract().jsonPath();
        return part < 0 ? erasure.getString("status") : erasure.getString("services[" + part + "].status");
    }

    private static void report(UUID id, String service, Map<String, Long> counts) {
        try (EventProducer producer = new EventProducer()) {
            producer.publish(ErasureCompleted.TYPE.of(new ErasureCompleted(id, service, counts, Instant.now())));
        }
    }
}
