package org.voc.survey;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.voc.survey.Distribution.as;
import static org.voc.survey.Distribution.await;
import static org.voc.survey.Distribution.count;
import static org.voc.survey.Distribution.ingest;
import static org.voc.survey.Distribution.interaction;
import static org.voc.survey.Distribution.invitingSurvey;
import static org.voc.survey.Distribution.sql;
import static org.voc.survey.Distribution.touchpoint;
import static org.voc.survey.Distribution.unique;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.JsonWebSignature;
import org.junit.jupiter.api.Test;
import org.voc.events.Topics;
import org.voc.testsupport.Tables;
import org.voc.testsupport.TopicReader;

/**
 * A leaked key retired at once, one invitation revoked, each published for the verifiers on
 * voc.invitation-revocations; and the database never holds a token.
 */
@QuarkusTest
class InvitationRevocationTest {

    private static final String LINK_BASE = "http://localhost:8083/s/";

    @Inject
    DataSource db;

    private final ObjectMapper json = new ObjectMapper();

    /** Issues an invitation and answers the intake's 201: the only answer that carries its link. */
    private JsonPath invite() {
        String tp = touchpoint(db);
        invitingSurvey(tp, 1.0, "P7D", "P0D");
        return ingest().body(interaction(unique("visit"), unique("cust"), tp, null))
                .post("/api/interactions")
                .then()
                .statusCode(201)
                .body("outcome", equalTo("INVITED"))
                .extract()
                .jsonPath();
    }

    private static String token(JsonPath invited) {
        return invited.getString("invitation.link").substring(LINK_BASE.length());
    }

    private static String kid(String token) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setCompactSerialization(token);
        return jws.getKeyIdHeaderValue();
    }

    @Test
    void aRetiredKeyLeavesTheKeySetAtOnceAndVerifiersAreTold() throws Exception {
        String token = token(invite());
        String kid = kid(token);

        JsonPath retired = as("admin")
                .post("/api/invitation-keys/{kid}/retire", kid)
                .then()
                .statusCode(200)
                .body("kid", equalTo(kid))
                .body("current", equalTo(false))
                .body("retireAt", notNullValue())
                .extract()
                .jsonPath();
        Instant retireAt = Instant.parse(retired.getString("retireAt"));
        String jwks = given().get("/api/invitation-keys/jwks")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertFalse(
                new JsonWebKeySet(jwks).getJsonWebKeys().stream().anyMatch(k -> kid.equals(k.getKeyId())),
                "a retired key leaves the public set at once");
        // A new key signs from now on (the retired one may have been current).
        String next = token(invite());
        assertNotEquals(kid, kid(next));
        List<Map<String, Object>> keys = as("admin")
                .get("/api/invitation-keys")
                .then()
                .statusCode(200)
                .extract()
                .path("");
        assertEquals(
                1,
                keys.stream().filter(k -> Boolean.TRUE.equals(k.get("current"))).count());

        // Again: nothing changes, no second event.
        as("admin")
                .post("/api/invitation-keys/{kid}/retire", kid)
                .then()
                .statusCode(200)
                .body("retireAt", equalTo(retired.getString("retireAt")));
        try (TopicReader reader = new TopicReader(Topics.INVITATION_REVOCATIONS)) {
            List<TopicReader.Event> events = reader.awaitMatching(e -> kid.equals(e.key()), Duration.ofSeconds(30));
            assertEquals(1, events.size());
            assertEquals(
                    "voc.invitation-key.retired.v1", events.get(0).headers().get("ce_type"));
            JsonNode event = json.readTree(events.get(0).value());
            assertEquals(kid, event.get("kid").asText());
            assertEquals(retireAt, Instant.parse(event.get("retiredAt").asText()));
        }

        as("admin")
                .post("/api/invitation-keys/{kid}/retire", "no-such-kid")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:voc:problem:not-found"));
    }

    @Test
    void aRevokedInvitationIsMarkedAndVerifiersAreTold() throws Exception {
        String id = invite().getString("invitation.id");

        as("admin")
                .body("{\"reason\": \"" + "x".repeat(501) + "\"}")
                .post("/api/invitations/{id}/revoke", id)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("reason"));
        as("admin")
                .body("{\"reasn\": \"typo\"}")
                .post("/api/invitations/{id}/revoke", id)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        as("analyst").get("/api/invitations/{id}", id).then().statusCode(200).body("status", equalTo("ISSUED"));

        String revokedAt = as("admin")
                .body("{\"reason\": \"the SMS went to a wrong number\"}")
                .post("/api/invitations/{id}/revoke", id)
                .then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("status", equalTo("REVOKED"))
                .body("revokedAt", notNullValue())
                .extract()
                .path("revokedAt");
        assertEquals(
                1,
                count(
                        db,
                        "select count(*) from invitation where id = ? and revoked_reason = ?",
                        UUID.fromString(id),
                        "the SMS went to a wrong number"));
        // Without a body, and again: the same revocation.
        as("admin")
                .post("/api/invitations/{id}/revoke", id)
                .then()
                .statusCode(200)
                .body("revokedAt", equalTo(revokedAt));
        as("analyst")
                .get("/api/invitations/{id}", id)
                .then()
                .statusCode(200)
                .body("status", equalTo("REVOKED"))
                .body("revokedAt", equalTo(revokedAt));
        try (TopicReader reader = new TopicReader(Topics.INVITATION_REVOCATIONS)) {
            List<TopicReader.Event> events = reader.awaitMatching(e -> id.equals(e.key()), Duration.ofSeconds(30));
            assertEquals(1, events.size(), "one event, however often it is revoked");
            assertEquals("voc.invitation.revoked.v1", events.get(0).headers().get("ce_type"));
            assertEquals(
                    id, json.readTree(events.get(0).value()).get("invitationId").asText());
        }

        as("admin")
                .post("/api/invitations/{id}/revoke", UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        as("admin").post("/api/invitations/{id}/revoke", "not-a-uuid").then().statusCode(404);

        String expired = invite().getString("invitation.id");
        sql(db, "update invitation set status = 'EXPIRED', expired_at = now() where id = ?", UUID.fromString(expired));
        as("admin")
                .post("/api/invitations/{id}/revoke", expired)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:voc:problem:invitation-expired"))
                .body("errors[0].field", equalTo("id"));
    }

    @Test
    void theDatabaseHoldsNoInvitationToken() throws Exception {
        String token = token(invite());
        // The issued event carries the link until the relay has handed it to Kafka and deleted its outbox row.
        await(() -> Tables.holding(db, token).isEmpty(), "no table holds the token once the outbox row is relayed");
        assertEquals(List.of(), Tables.holding(db, token));
    }
}
