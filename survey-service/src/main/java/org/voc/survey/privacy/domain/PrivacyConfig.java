package org.voc.survey.privacy.domain;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Settings of erasures (docs/security.md, "Privacy"). */
@ConfigMapping(prefix = "voc.privacy")
public interface PrivacyConfig {

    /**
     * Secret of the HMAC-SHA256 that replaces a customer reference where one must outlive an erasure (an opt-out, the
     * erasure's own record); the key is derived from it. Defaults to the invitation key secret. Changing it makes
     * every hashed opt-out unrecognisable: keep it like the database.
     */
    @Size(min = 16)
    String hashSecret();

    /**
     * Services that must report before an erasure is complete. survey-service erases its own data when the
     * request is made; the others answer {@code voc.erasures} on {@code voc.erasure-reports}.
     */
    @WithDefault("survey-service,response-service,case-service")
    @NotEmpty
    List<String> services();
}
