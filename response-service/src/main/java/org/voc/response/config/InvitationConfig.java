package org.voc.response.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How invitation tokens signed by survey-service are verified (docs/respondents.md). */
@ConfigMapping(prefix = "voc.invitations")
public interface InvitationConfig {

    /** survey-service's JWKS with the public invitation keys (several at once while keys rotate). */
    @WithDefault("http://localhost:8082/api/invitation-keys/jwks")
    String jwksUrl();

    /** The {@code iss} every invitation token must carry. */
    @WithDefault("urn:voc:survey-service")
    String issuer();

    /** The {@code aud} every invitation token must carry. */
    @WithDefault("urn:voc:respondent")
    String audience();

    /** How long the JWKS is kept when its answer sets no Cache-Control max-age. */
    @WithDefault("10m")
    Duration jwksCacheDuration();

    /**
     * Least time between two refreshes forced by a token whose {@code kid} is not in the cached JWKS: a new key is
     * picked up on its first use, but tokens with made-up key ids cannot make this service hammer survey-service.
     */
    @WithDefault("30s")
    Duration jwksRefreshInterval();

    /** Longest wait to connect to, and then to read, the JWKS; a slow survey-service must not hold respondents long. */
    @WithDefault("2s")
    Duration jwksTimeout();

    /** Tolerance for clocks that drift between survey-service and this service, on {@code exp} and {@code iat}. */
    @WithDefault("30s")
    Duration clockSkew();

    /**
     * Already-verified tokens kept in memory, so a respondent's page views and submit do not verify an ECDSA
     * signature each time. Beyond it the cache starts afresh rather than grows.
     */
    @WithDefault("10000")
    int verifiedCacheSize();
}
