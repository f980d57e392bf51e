package org.voc.response;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.lang.JoseException;

/**
 * Test EC keys for invitation tokens, standing in for survey-service's. The keys and which of them the JWKS serves
 * live in system properties: the test JWKS server and the tests may be loaded by different class loaders, and the
 * JVM's properties are the one thing they surely share.
 */
final class InvitationKeyring {

    /** Published from the start: an older key still in the JWKS during a rotation, and the current one. */
    static final String OLD = "inv-2026-10";

    static final String CURRENT = "inv-2026-11";
    /** Published by a test after the service has cached the JWKS. */
    static final String LATE = "inv-2026-12";
    /** Never published: a token naming it has an unknown kid. */
    static final String UNPUBLISHED = "inv-unpublished";

    private static final String KEYS = "voc.test.invitation-keys";
    private static final String LEAKED = "voc.test.invitation-keys.leaked";
    private static final String PUBLISHED = "voc.test.invitation-keys.published";

    private InvitationKeyring() {}

    /** The private JWKS, created once per JVM. */
    static synchronized JsonWebKeySet all() {
        try {
            String stored = System.getProperty(KEYS);
            if (stored == null) {
                JsonWebKeySet set = new JsonWebKeySet();
                // Retired for good in the test database: a new name every run.
                String leaked = "inv-leaked-" + java.util.UUID.randomUUID();
                System.setProperty(LEAKED, leaked);
                for (String kid : List.of(OLD, CURRENT, LATE, leaked, UNPUBLISHED)) {
                    EllipticCurveJsonWebKey key = EcJwkGenerator.generateJwk(EllipticCurves.P256);
                    key.setKeyId(kid);
                    key.setUse("sig");
                    key.setAlgorithm("ES256");
                    set.addJsonWebKey(key);
                }
                stored = set.toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE);
                System.setProperty(KEYS, stored);
                System.setProperty(PUBLISHED, OLD + "," + CURRENT + "," + leaked);
            }
            return new JsonWebKeySet(stored);
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Published from the start and retired by a test (after a leak): no other test may sign with it. */
    static String leaked() {
        all();
        return System.getProperty(LEAKED);
    }

    static EllipticCurveJsonWebKey key(String kid) {
        return (EllipticCurveJsonWebKey) all().getJsonWebKeys().stream()
                .filter(k -> kid.equals(k.getKeyId()))
                .findFirst()
                .orElseThrow();
    }

    /** Adds a key to the JWKS the test server serves (a rotation as survey-service does it). */
    static synchronized void publish(String kid) {
        all();
        Set<String> published =
                new LinkedHashSet<>(List.of(System.getProperty(PUBLISHED).split(",")));
        published.add(kid);
        System.setProperty(PUBLISHED, String.join(",", published));
    }

    /** The public JWKS as survey-service serves it: only the published keys, without their private parts. */
    static String publicJwks() {
        JsonWebKeySet all = all();
        Set<String> published = Set.of(System.getProperty(PUBLISHED).split(","));
        List<JsonWebKey> keys = new ArrayList<>();
        for (JsonWebKey key : all.getJsonWebKeys()) {
            if (published.contains(key.getKeyId())) {
                keys.add(key);
            }
        }
        return new JsonWebKeySet(keys).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
    }
}
