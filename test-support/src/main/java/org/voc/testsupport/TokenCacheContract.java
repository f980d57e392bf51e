package org.voc.testsupport;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * What the kit's verified-token cache must do in every service that turns it on, against Keycloak's real tokens: a
 * token verified once is answered from the cache, its roles still decide, and a token changed in any part is verified
 * in full and refused. A service's {@code @QuarkusTest} extends this and reads its {@code TokenCache}. (Expiry is
 * tested at given instants in the kit's VerifiedTokensTest: waiting out a real token would take minutes.)
 */
public abstract class TokenCacheContract {

    /** The service's cache as it stands: whether it is on, its hits since start and the tokens it keeps. */
    public record CacheState(boolean enabled, long hits, int size) {}

    private final String path;
    private final String allowedUser;
    private final String forbiddenUser;

    /**
     * @param path a GET that {@code allowedUser} may call (200) and {@code forbiddenUser} may not (403)
     */
    protected TokenCacheContract(String path, String allowedUser, String forbiddenUser) {
        this.path = path;
        this.allowedUser = allowedUser;
        this.forbiddenUser = forbiddenUser;
    }

    /** Reads the service's {@code TokenCache}. */
    protected abstract CacheState cache();

    private long cacheHits() {
        return cache().hits();
    }

    private int cacheSize() {
        return cache().size();
    }

    @Test
    void aVerifiedTokenIsAnsweredFromTheCache() {
        assertTrue(cache().enabled(), "the service turns the cache on");
        String allowed = Tokens.user(allowedUser);
        status(allowed, 200);
        long hits = cacheHits();
        status(allowed, 200);
        status(allowed, 200);
        assertEquals(hits + 2, cacheHits());
        assertTrue(cacheSize() >= 1);
    }

    @Test
    void rolesStillDecideForACachedToken() {
        String forbidden = Tokens.user(forbiddenUser);
        status(forbidden, 403);
        long hits = cacheHits();
        status(forbidden, 403);
        assertEquals(hits + 1, cacheHits());
    }

    @Test
    void aChangedTokenNeverMeetsTheCachedIdentity() {
        String allowed = Tokens.user(allowedUser);
        status(allowed, 200); // verified and cached
        String[] parts = allowed.split("\\.");
        String[] other = Tokens.user(forbiddenUser).split("\\.");
        String otherSignature = Tokens.forged(allowedUser);
        String otherClaims = parts[0] + "." + other[1] + "." + parts[2];
        String truncatedSignature = parts[0] + "." + parts[1] + "." + parts[2].substring(0, parts[2].length() - 2);
        long hits = cacheHits();
        int size = cacheSize();
        for (String tampered : new String[] {otherSignature, otherClaims, truncatedSignature}) {
            status(tampered, 401);
            status(tampered, 401); // and not cached by the first refusal either
        }
        assertEquals(hits, cacheHits());
        assertEquals(size, cacheSize());
    }

    private void status(String token, int expected) {
        given().auth().oauth2(token).get(path).then().statusCode(expected);
    }
}
