package org.voc.kit.privacy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.voc.kit.crypto.Hmac;

/**
 * Keyed, stable pseudonyms: HMAC-SHA256 of the customer reference under a secret key, so the same customer always
 * gets the same pseudonym (analysts can still group and count per customer) while nobody without the key can
 * compute the pseudonym of a known reference or reverse one. 96 bits keep collisions out of reach for any number
 * of customers a programme has.
 */
public final class Pseudonyms {

    /** Marks a value as a pseudonym, so nobody mistakes it for a reference that a CRM would know. */
    public static final String PREFIX = "pn-";

    private static final int BYTES = 12;
    private static final int MIN_KEY_LENGTH = 16;

    private final byte[] key;

    public Pseudonyms(String secret) {
        if (secret == null || secret.length() < MIN_KEY_LENGTH) {
            throw new IllegalArgumentException(
                    "voc.pii.pseudonym-key must be at least " + MIN_KEY_LENGTH + " characters");
        }
        this.key = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** The pseudonym of a customer reference; null stays null. */
    public String of(String customerRef) {
        if (customerRef == null) {
            return null;
        }
        return PREFIX + HexFormat.of().formatHex(Hmac.sha256(key, customerRef), 0, BYTES);
    }
}
