package org.voc.kit.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256, the one keyed hash of the suite: pseudonyms, the hash kept of erased customers and the keys derived
 * from a configured secret (one HMAC step under a label separates each use of the same secret).
 */
public final class Hmac {

    private static final String ALGORITHM = "HmacSHA256";

    private Hmac() {}

    /** The HMAC-SHA256 of {@code text} (UTF-8) under {@code key}. */
    public static byte[] sha256(byte[] key, String text) {
        try {
            // A Mac is not thread-safe; a fresh one per call costs less than a pool would.
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }

    /** The HMAC-SHA256 of {@code text} under a secret given as text (UTF-8). */
    public static byte[] sha256(String secret, String text) {
        return sha256(secret.getBytes(StandardCharsets.UTF_8), text);
    }
}
