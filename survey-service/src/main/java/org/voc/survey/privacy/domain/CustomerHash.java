package org.voc.survey.privacy.domain;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keyed hash (HMAC-SHA256) of a customer reference: what survey-service keeps of an erased customer. Keyed, so
 * that whoever reads the database cannot confirm a guessed reference without the secret. The key is derived from
 * the configured secret with a label, so sharing the invitation key secret never reuses a key for two purposes.
 */
@ApplicationScoped
public class CustomerHash {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    private static final String LABEL = "voc.privacy.customer-hash.v1";

    public CustomerHash(PrivacyConfig config) {
        SecretKeySpec secret = new SecretKeySpec(config.hashSecret().getBytes(StandardCharsets.UTF_8), ALGORITHM);
        this.key = new SecretKeySpec(mac(secret, LABEL), ALGORITHM);
    }

    public String of(String customerRef) {
        return HexFormat.of().formatHex(mac(key, customerRef));
    }

    private static byte[] mac(SecretKeySpec key, String text) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }
}
