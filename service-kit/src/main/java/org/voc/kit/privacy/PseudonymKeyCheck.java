package org.voc.kit.privacy;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Stops a service at start-up when it declares a pseudonym key that does not resolve: production sets
 * {@code voc.pii.pseudonym-key=${VOC_PII_PSEUDONYM_KEY}} without a default, and an unresolvable expression reads as
 * an empty Optional, which would otherwise surface only as a failure of the first request showing a customer.
 * Services that show no customer data do not declare the key and are not affected.
 */
@ApplicationScoped
public class PseudonymKeyCheck {

    static final String PROPERTY = "voc.pii.pseudonym-key";

    private final PrivacyConfig privacy;
    private final Config config;

    public PseudonymKeyCheck(PrivacyConfig privacy, Config config) {
        this.privacy = privacy;
        this.config = config;
    }

    void check(@Observes StartupEvent event) {
        if (privacy.pseudonymKey().isPresent()) {
            new Pseudonyms(privacy.pseudonymKey().get());
            return;
        }
        for (ConfigSource source : config.getConfigSources()) {
            String raw = source.getValue(PROPERTY);
            if (raw != null) {
                throw new IllegalStateException(PROPERTY + " is declared (" + raw + " in " + source.getName()
                        + ") but has no value: set VOC_PII_PSEUDONYM_KEY (docs/security.md, \"Personal data\")");
            }
        }
    }
}
