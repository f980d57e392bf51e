package org.voc.kit.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The verified-token cache's rules, at given instants: an entry never outlives its token's expiry, a changed token
 * is never found, and the cache stays within its size. (The cache at work behind OIDC is tested in metrics-service,
 * against Keycloak.)
 */
class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    private static final Instant EXP = NOW.plusSeconds(300);
    private static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbmFseXN0In0.c2lnbmF0dXJl";

    private static SecurityIdentity identity(String name) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(() -> name)
                .addRole("cx-analyst")
                .build();
    }

    @Test
    void aTokenIsFoundUntilItExpiresAndNeverAfter() {
        VerifiedTokens tokens = new VerifiedTokens(10);
        SecurityIdentity analyst = identity("analyst");
        tokens.put(TOKEN, analyst, EXP, NOW);
        assertSame(analyst, tokens.get(TOKEN, NOW));
        assertSame(analyst, tokens.get(TOKEN, EXP.minusMillis(1)));
        assertNull(tokens.get(TOKEN, EXP));
        assertEquals(0, tokens.size(), "an expired entry is dropped when it is looked up");
        assertNull(tokens.get(TOKEN, EXP.minusSeconds(1)), "and does not come back");
    }

    @Test
    void aTokenAlreadyExpiredIsNotKept() {
        VerifiedTokens tokens = new VerifiedTokens(10);
        tokens.put(TOKEN, identity("analyst"), NOW, NOW);
        assertEquals(0, tokens.size());
        assertNull(tokens.get(TOKEN, NOW.minusSeconds(1)));
    }

    @Test
    void aChangedTokenIsNeverFound() {
        VerifiedTokens tokens = new VerifiedTokens(10);
        tokens.put(TOKEN, identity("analyst"), EXP, NOW);
        String otherSignature = TOKEN.substring(0, TOKEN.length() - 1) + "X";
        String otherClaims = TOKEN.replace("eyJzdWIiOiJhbmFseXN0In0", "eyJzdWIiOiJhZG1pbiJ9");
        assertNull(tokens.get(otherSignature, NOW));
        assertNull(tokens.get(otherClaims, NOW));
        assertNull(tokens.get(TOKEN + " ", NOW));
    }

    @Test
    void theLeastRecentlyUsedTokenMakesRoom() {
        VerifiedTokens tokens = new VerifiedTokens(2);
        tokens.put("a", identity("a"), EXP, NOW);
        tokens.put("b", identity("b"), EXP, NOW);
        tokens.get("a", NOW); // b is now the least recently used
        tokens.put("c", identity("c"), EXP, NOW);
        assertEquals(2, tokens.size());
        assertNull(tokens.get("b", NOW));
        assertEquals("a", tokens.get("a", NOW).getPrincipal().getName());
        assertEquals("c", tokens.get("c", NOW).getPrincipal().getName());
        assertThrows(IllegalArgumentException.class, () -> new VerifiedTokens(0));
    }

    @Test
    void keysAreHashesOfTheWholeToken() {
        assertEquals(64, VerifiedTokens.hash(TOKEN).length());
        assertEquals(VerifiedTokens.hash(TOKEN), VerifiedTokens.hash(new String(TOKEN)));
    }
}
