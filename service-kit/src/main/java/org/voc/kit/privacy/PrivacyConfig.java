package org.voc.kit.privacy;

import io.smallrye.config.ConfigMapping;
import jakarta.validation.constraints.Size;
import java.util.Optional;

/** Settings of the pseudonyms that stand for customers in the views of callers without the PII role. */
@ConfigMapping(prefix = "voc.pii")
public interface PrivacyConfig {

    /**
     * Secret key of the HMAC that turns a customer reference into its pseudonym, at least 16 characters. A service
     * that shows customer data requires it (its application.properties has no production default; the chart sets it
     * from a Secret). Every service must use the same key, or one customer gets different pseudonyms; changing it
     * changes every pseudonym.
     */
    Optional<@Size(min = 16, message = "must be at least 16 characters") String> pseudonymKey();
}
