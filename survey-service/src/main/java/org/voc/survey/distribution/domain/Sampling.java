package org.voc.survey.distribution.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Deterministic sampling: the draw of an interaction for a survey is SHA-256 of
 * {@code surveyId|customerRef|interactionId} mapped to [0, 1), so deciding the same interaction again (a replay,
 * another replica) gives the same answer, and draws of distinct interactions are spread evenly.
 */
public final class Sampling {

    private static final double TWO_TO_53 = 0x1p53;

    private Sampling() {}

    public static double draw(UUID surveyId, String customerRef, String interactionId) {
        byte[] hash =
                sha256().digest((surveyId + "|" + customerRef + "|" + interactionId).getBytes(StandardCharsets.UTF_8));
        long bits = 0;
        for (int i = 0; i < 8; i++) {
            bits = (bits << 8) | (hash[i] & 0xff);
        }
        // The top 53 bits fill a double's mantissa exactly: uniform on [0, 1) and never 1.
        return (bits >>> 11) / TWO_TO_53;
    }

    /** Invited when the draw is below the rate: rate 0 never samples, rate 1 always does. */
    public static boolean sampled(double draw, double rate) {
        return draw < rate;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
