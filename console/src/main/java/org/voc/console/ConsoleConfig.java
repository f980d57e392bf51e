package org.voc.console;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;

/** Settings of the console: where the services it shows live. */
@ConfigMapping(prefix = "voc.console")
public interface ConsoleConfig {

    /** Base URLs of the services the console calls with the user's access token. */
    Services services();

    /**
     * The secret of the Keycloak client voc-console ({@code VOC_CONSOLE_CLIENT_SECRET}), which OIDC reads from here:
     * required, with no default, because it authenticates the code exchange and keys the session cookies'
     * encryption; a console started without it stops at start instead of failing every login.
     */
    String clientSecret();

    /** The language of a browser that asks for none the console speaks (en or ru). */
    @WithDefault("en")
    String defaultLanguage();

    /** Base URLs of the services; the REST clients ({@code quarkus.rest-client.*.url}) read them from here. */
    interface Services {

        /** case-service: cases, their history and work, root causes ({@code VOC_CONSOLE_CASES_URL}). */
        @WithDefault("http://localhost:18085")
        URI cases();

        /** metrics-service: scores, the funnel and alerts ({@code VOC_CONSOLE_METRICS_URL}). */
        @WithDefault("http://localhost:18084")
        URI metrics();

        /** touchpoint-registry: touchpoints, journeys and teams ({@code VOC_CONSOLE_TOUCHPOINTS_URL}). */
        @WithDefault("http://localhost:18081")
        URI touchpoints();
    }
}
