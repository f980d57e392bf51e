package org.voc.events;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code voc.action.verified.v1} on {@value Topics#ACTIONS}, keyed by action id: an improvement action was marked
 * VERIFIED ("you said, we did"). {@code customerRefs} are the customers whose cases the action is linked to (erased
 * ones left out), at most {@value #MAX_CUSTOMERS} per event: a longer list travels as {@code parts} events numbered
 * from 1 by {@code part}. survey-service reads them, leaves out whoever opted out of contact or was erased since, and
 * publishes {@link ActionAnnounced} for delivery adapters. An action verified again (after a reopening) is published
 * again with its new {@code verifiedAt}.
 */
public record ActionVerified(
        @NotNull UUID actionId,
        @NotBlank String title,
        @NotEmpty List<@NotBlank String> touchpointKeys,
        @NotNull @Size(max = MAX_CUSTOMERS) List<@NotBlank String> customerRefs,
        @Positive int part,
        @Positive int parts,
        @NotNull Instant verifiedAt) {

    /** Customers per event, so one record stays far below the broker's message size with long references. */
    public static final int MAX_CUSTOMERS = 1000;

    /** The type of this event: topic, {@code ce_type} and record key. */
    public static final EventType<ActionVerified> TYPE = EventType.of(
            Topics.ACTIONS,
            "voc.action.verified.v1",
            ActionVerified.class,
            e -> e.actionId().toString());
}
