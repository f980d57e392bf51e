package org.voc.survey.privacy.domain;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.HexFormat;
import org.voc.kit.crypto.Hmac;

/**
 * The keyed hash (HMAC-SHA256) of a customer reference: what survey-service keeps of an erased customer. Keyed, so
 * that whoever reads the database cannot confirm a guessed reference without the secret. The key is derived from
 * the configured secret with a label, so sharing the invitation key secret never reuses a key for two purposes.
 */
@ApplicationScoped
public class CustomerHash {

    private static final String LABEL = "voc.privacy.customer-hash.v1";

    private final byte[] key;

    public CustomerHash(PrivacyConfig config) {
        this.key = Hmac.sha256(config.hashSecret(), LABEL);
    }

    public String of(String customerRef) {
        return HexFormat.of().formatHex(Hmac.sha256(key, customerRef));
    }
}
