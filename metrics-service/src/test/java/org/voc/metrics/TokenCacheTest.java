package org.voc.metrics;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.voc.kit.security.TokenCache;
import org.voc.testsupport.Tokens;

/**
 * The kit's verified-token cache behind OIDC, against Keycloak's real tokens: a token verified once is answered
 * from the cache, its roles still decide, and a token changed in any part is verified in full and refused. (Expiry
 * is tested at given instants in the kit's VerifiedTokensTest: waiting out a real token here would take minutes.)
 */
@QuarkusTest
class TokenCacheTest {

    private static final String PATH = "/api/metrics/nps";

    @Inject
    TokenCache cache;

    @Test
    void aVerifiedTokenIsAnsweredFromTheCache() {
        assertTrue(cache.enabled(), "metrics-service turns the cache on");
        String analyst = Tokens.user("analyst");
        status(analyst, 200);
        long hits = cache.hits();
        status(analyst, 200);
        status(analyst, 200);
        assertEquals(hits + 2, cache.hits());
        assertTrue(cache.size() >= 1);
    }

    @Test
    void rolesStillDecideForACachedToken() {
        String designer = Tokens.user("designer"); // no metrics role
        status(designer, 403);
        long hits = cache.hits();
        status(designer, 403);
        assertEquals(hits + 1, cache.hits());
    }

    @Test
    void aChangedTokenNeverMeetsTheCachedIdentity() {
        String analyst = Tokens.user("analyst");
        status(analyst, 200); // verified and cached
        String[] parts = analyst.split("\\.");
        String[] designer = Tokens.user("designer").split("\\.");
        String otherSignature = Tokens.forged("analyst");
        String otherClaims = parts[0] + "." + designer[1] + "." + parts[2];
        String truncatedSignature = parts[0] + "." + parts[1] + "." + parts[2].substring(0, parts[2].length() - 2);
        long hits = cache.hits();
        int size = cache.size();
        for (String tampered : new String[] {otherSignature, otherClaims, truncatedSignature}) {
            status(tampered, 401);
            status(tampered, 401); // and not cached by the first refusal either
        }
        assertEquals(hits, cache.hits());
        assertEquals(size, cache.size());
    }

    private static void status(String token, int expected) {
        given().auth().oauth2(token).get(PATH).then().statusCode(expected);
    }
}
