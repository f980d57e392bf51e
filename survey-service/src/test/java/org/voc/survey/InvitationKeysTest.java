package org.voc.survey;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.junit.jupiter.api.Test;
import org.voc.survey.invitation.domain.EcInvitationSigner;
import org.voc.survey.invitation.domain.InvitationClaims;
import org.voc.survey.invitation.domain.InvitationSigner;
import org.voc.testsupport.Tokens;

/**
 * Invitation tokens are signed with the current key and verify with the published keys alone, also across a
 * rotation; retired keys leave the set; keys rotate by themselves once old.
 */
@QuarkusTest
class InvitationKeysTest {

    @Inject
    InvitationSigner signer;

    @Inject
    EntityManager db;

    @Test
    void theKeySetIsPublicCacheableAndHoldsOnlyPublicHalves() throws Exception {
        String body = given().get("/api/invitation-keys/jwks")
                .then()
                .statusCode(200)
                .header("Cache-Control", "public, max-age=60")
                .extract()
                .asString();
        List<JsonWebKey> keys = new JsonWebKeySet(body).getJsonWebKeys();
        assertFalse(keys.isEmpty());
        for (JsonWebKey key : keys) {
            assertEquals("EC", key.getKeyType());
            assertEquals("ES256", key.getAlgorithm());
            assertEquals("sig", key.getUse());
            assertFalse(
                    key.toParams(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE).containsKey("d"),
                    "no private key material in the public set");
        }
        assertTrue(keys.stream().anyMatch(k -> k.getKeyId().equals(currentKid())), "the current key is published");
    }

    @Test
    void aTokenCarriesTheInvitationAndVerifiesWithThePublishedKeys() throws Exception {
        InvitationClaims invitation = invitation();
        String token = signer.sign(invitation);

        JsonWebSignature header = new JsonWebSignature();
        header.setCompactSerialization(token);
        assertEquals("ES256", header.getAlgorithmHeaderValue());
        assertEquals(currentKid(), header.getKeyIdHeaderValue());

        JwtClaims claims = verifier().processToClaims(token);
        assertEquals(invitation.invitationId().toString(), claims.getJwtId());
        assertEquals("cust-0042", claims.getSubject());
        assertEquals(invitation.surveyId().toString(), claims.getStringClaimValue("survey"));
        assertEquals(3L, claims.getClaimValue("version", Long.class));
        assertEquals("card-delivery", claims.getStringClaimValue("touchpoint"));
        assertEquals("BRANCH", claims.getStringClaimValue("channel"));
        assertEquals("fr", claims.getStringClaimValue("locale"));
        assertEquals("RETAIL", claims.getStringClaimValue("seg"));
        assertEquals("emp-301", claims.getStringClaimValue("emp"));
        assertEquals("card-order-5521", claims.getStringClaimValue("proc"));
        assertEquals(
                invitation.expiresAt().getEpochSecond(),
                claims.getExpirationTime().getValue());
        assertEquals(
                invitation.issuedAt().getEpochSecond(), claims.getIssuedAt().getValue());
    }

    @Test
    void claimsTheInteractionLackedAreLeftOutOfTheToken() throws Exception {
        InvitationClaims full = invitation();
        InvitationClaims bare = new InvitationClaims(
                full.invitationId(),
                full.surveyId(),
                full.surveyVersion(),
                full.touchpointKey(),
                full.channel(),
                full.customerRef(),
                null,
                full.issuedAt(),
                full.expiresAt(),
                null,
                null,
                null);

        JwtClaims claims = verifier().processToClaims(signer.sign(bare));
        for (String absent : List.of("locale", "seg", "emp", "proc")) {
            assertFalse(claims.hasClaim(absent), absent + " is absent, not null: " + claims.toJson());
        }
    }

    @Test
    void aTamperedTokenDoesNotVerify() throws Exception {
        String token = signer.sign(invitation());
        String[] parts = token.split("\\.");
        JwtClaims claims =
                JwtClaims.parse(new String(java.util.Base64.getUrlDecoder().decode(parts[1])));
        claims.setSubject("someone-else");
        String tampered = parts[0] + "."
                + java.util.Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(claims.toJson().getBytes())
                + "." + parts[2];
        assertThrows(InvalidJwtException.class, () -> verifier().processToClaims(tampered));
    }

    @Test
    void rotationKeepsOpenInvitationsValid() throws Exception {
        String before = signer.sign(invitation());
        String oldKid = currentKid();

        String newKid = given().auth()
                .oauth2(Tokens.user("admin"))
                .contentType("application/json")
                .post("/api/invitation-keys/rotate")
                .then()
                .statusCode(201)
                .extract()
                .path("kid");
        assertNotEquals(oldKid, newKid);
        String after = signer.sign(invitation());

        JsonWebSignature header = new JsonWebSignature();
        header.setCompactSerialization(after);
        assertEquals(newKid, header.getKeyIdHeaderValue(), "new invitations are signed with the new key");
        JwtConsumer verifier = verifier();
        verifier.processToClaims(before); // signed by the superseded key: still verifies
        verifier.processToClaims(after);

        List<Map<String, Object>> keys = given().auth()
                .oauth2(Tokens.user("admin"))
                .get("/api/invitation-keys")
                .then()
                .statusCode(200)
                .extract()
                .path("");
        Map<String, Object> old = keys.stream()
                .filter(k -> oldKid.equals(k.get("kid")))
                .findFirst()
                .orElseThrow();
        assertEquals(false, old.get("current"));
        Instant superseded = Instant.parse((String) old.get("supersededAt"));
        assertEquals(
                superseded.plus(Duration.ofDays(91)),
                Instant.parse((String) old.get("retireAt")),
                "published until the longest invitation TTL has passed");
        assertEquals(
                1,
                keys.stream().filter(k -> Boolean.TRUE.equals(k.get("current"))).count());
    }

    @Test
    void aRetiredKeyLeavesTheSetAndItsTokensNoLongerVerify() throws Exception {
        String token = signer.sign(invitation());
        String oldKid = currentKid();
        given().auth()
                .oauth2(Tokens.user("admin"))
                .contentType("application/json")
                .post("/api/invitation-keys/rotate")
                .then()
                .statusCode(201);
        QuarkusTransaction.requiringNew()
                .run(() -> db.createNativeQuery(
                                "update invitation_key set retire_at = now() - interval '1 second' where kid = ?1")
                        .setParameter(1, oldKid)
                        .executeUpdate());

        String body = given().get("/api/invitation-keys/jwks")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertFalse(new JsonWebKeySet(body)
                .getJsonWebKeys().stream().anyMatch(k -> k.getKeyId().equals(oldKid)));
        assertThrows(InvalidJwtException.class, () -> verifier().processToClaims(token));
    }

    @Test
    void theCurrentKeyRotatesByItselfOnceOlderThanTheRotationPeriod() throws Exception {
        String oldKid = currentKid();
        QuarkusTransaction.requiringNew()
                .run(() -> db.createNativeQuery(
                                "update invitation_key set created_at = now() - interval '31 days' where kid = ?1")
                        .setParameter(1, oldKid)
                        .executeUpdate());
        // Each replica re-reads the current key after the refresh interval (1 s in tests).
        String kid = Awaitility.await("a key older than 30 days is replaced on its next use")
                .atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> {
                            JsonWebSignature header = new JsonWebSignature();
                            header.setCompactSerialization(signer.sign(invitation()));
                            return header.getKeyIdHeaderValue();
                        },
                        signed -> !signed.equals(oldKid));
        assertNotEquals(oldKid, kid, "a key older than 30 days is replaced on its next use");
        assertEquals(kid, currentKid());
    }

    @Test
    void onlyAdministratorsListOrRotateKeys() {
        given().get("/api/invitation-keys").then().statusCode(401).contentType("application/problem+json");
        given().auth()
                .oauth2(Tokens.user("designer"))
                .contentType("application/json")
                .post("/api/invitation-keys/rotate")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }

    private static String currentKid() {
        List<Map<String, Object>> keys = given().auth()
                .oauth2(Tokens.user("admin"))
                .get("/api/invitation-keys")
                .then()
                .statusCode(200)
                .extract()
                .path("");
        return (String) keys.stream()
                .filter(k -> Boolean.TRUE.equals(k.get("current")))
                .findFirst()
                .orElseThrow()
                .get("kid");
    }

    private static JwtConsumer verifier() throws Exception {
        String body = given().get("/api/invitation-keys/jwks")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        return new JwtConsumerBuilder()
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(new JsonWebKeySet(body).getJsonWebKeys()))
                .setJwsAlgorithmConstraints(
                        AlgorithmConstraints.ConstraintType.PERMIT,
                        AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256)
                .setExpectedIssuer(EcInvitationSigner.ISSUER)
                .setExpectedAudience(EcInvitationSigner.AUDIENCE)
                .setRequireExpirationTime()
                .setRequireJwtId()
                .setRequireSubject()
                .build();
    }

    private static InvitationClaims invitation() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return new InvitationClaims(
                UUID.randomUUID(),
                UUID.randomUUID(),
                3,
                "card-delivery",
                "BRANCH",
                "cust-0042",
                "fr",
                now,
                now.plus(Duration.ofDays(7)),
                "RETAIL",
                "emp-301",
                "card-order-5521");
    }
}
