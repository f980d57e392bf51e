package org.voc.survey.distribution.api;

import java.time.Duration;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The contact policy as sent. */
public record ContactPolicyRequest(
        @Schema(
                description = "Most invitations per customer within the window, 1 to 100",
                example = "3",
                required = true)
        Integer maxInvitations,

        @Schema(
                description = "Window around each interaction (ISO 8601, PT1H to P365D)",
                example = "P30D",
                implementation = String.class,
                maxLength = 40,
                required = true)
        Duration window) {}
