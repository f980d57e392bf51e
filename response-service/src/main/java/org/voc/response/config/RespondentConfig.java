package org.voc.response.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The public respondent endpoints: the hosted survey page ({@code /s/*}) and the JSON API ({@code /api/respond/*}). */
@ConfigMapping(prefix = "voc.respondent")
public interface RespondentConfig {

    /**
     * CSP {@code frame-ancestors} of the hosted page: {@code 'none'} forbids framing; list the origins of the sites
     * that embed the survey as a widget (e.g. {@code 'self' https://www.example-bank.com}).
     */
    @WithDefault("'none'")
    String frameAncestors();

    /**
     * Largest body, in bytes, a public endpoint reads; a larger one is refused with 413 before it is read. A full
     * answer to a long survey is a few kilobytes.
     */
    @WithDefault("65536")
    @jakarta.validation.constraints.Positive
    int maxBodyBytes();

    /** Token-bucket limit per client address on the public endpoints. */
    RateLimit rateLimit();

    interface RateLimit {

        /** Whether the public endpoints are rate-limited at all. */
        @WithDefault("true")
        boolean enabled();

        /** Sustained requests per minute a client address may make. */
        @WithDefault("60")
        int requestsPerMinute();

        /** Requests a client address may make at once, on top of the sustained rate (the bucket's size). */
        @WithDefault("20")
        int burst();

        /**
         * Client addresses tracked at once. Idle clients are dropped first; if that is not enough the table starts
         * afresh, so memory stays bounded under an attack from many addresses.
         */
        @WithDefault("100000")
        int maxClients();
    }
}
