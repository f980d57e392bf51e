package org.voc.kit.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed, stable pseudonyms: HMAC-SHA256 of the customer reference under a secret key, so the same customer always
 * gets the same pseudonym (analysts can still group and count per customer) while nobody without the key can
 * compute the pseudonym of a known reference or reverse one. 96 bits keep collisions out of reach for any number
 * of customers a programme has.
 */
public final class Pseudonyms {

    /** Marks a value as a pseudonym, so nobody mistakes it for a reference that a CRM would know. */
    public static final String PREFIX = "pn-";

    private static final String ALGORITHM = "HmacSHA256";
    private static final int BYTES = 12;
    private static final int MIN_KEY_LENGTH = 16;

    private final SecretKeySpec key;

    public Pseudonyms(String secret) {
        if (secret == null || secret.length() < MIN_KEY_LENGTH) {
            throw new IllegalArgumentException(
                    "voc.pii.pseudonym-key must be at least " + MIN_KEY_LENGTH + " characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** The pseudonym of a customer reference; null stays null. */
    public String of(String customerRef) {
        if (customerRef == null) {
            return null;
        }
        try {
            // A Mac is not thread-safe; a fresh one per call costs less than a pool would.
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            byte[] digest = mac.doFinal(customerRef.getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().formatHex(digest, 0, BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
    }
}
