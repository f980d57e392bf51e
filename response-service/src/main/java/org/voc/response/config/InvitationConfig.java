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

    /**
     * How long a fetched JWKS is fresh when its answer sets no Cache-Control max-age, and the most a max-age may
     * set. After it the keys are fetched again in the background and still used, for as long again, while
     * survey-service cannot be reached. Also how long a verified token is reused before it is verified again.
     */
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

    /**
     * Pause after a failed JWKS fetch before the next one may start, doubled after each further failure up to
     * {@link #jwksBackoffMax()}; meanwhile tokens whose key is not at hand are answered 503 with Retry-After at once.
     */
    @WithDefault("1s")
    Duration jwksBackoff();

    /** Longest pause between failed JWKS fetches while survey-service stays unreachable. */
    @WithDefault("1m")
    Duration jwksBackoffMax();

    /**
     * How long this replica reuses its copy of the revoked invitations and retired keys before reading them again.
     * The replica whose consumer stores a revocation applies it at once; the others within this time.
     */
    @WithDefault("10s")
    Duration revocationRefresh();

    /** Tolerance for clocks that drift between survey-service and this service, on {@code exp} and {@code iat}. */
    @WithDefault("30s")
    Duration clockSkew();

    /**
     * Already-verified tokens kept in memory, so a respondent's page views and submit do not verify an ECDSA
     * signature each time. Beyond it the cache starts afresh rather than grows.
     */
    @WithDefault("10000")
    int verifiedCacheSize();

    /**
     * Invitations this replica knows were opened, so a respondent's later page views cost no insert. Beyond it the
     * memory starts afresh: a view then costs one insert that changes nothing.
     */
    @WithDefault("10000")
    int openedCacheSize();
}
