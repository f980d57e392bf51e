package org.voc.events;

import java.time.Instant;

/**
 * {@code voc.interaction.v1} on {@value Topics#INTERACTIONS}, keyed by customer reference: one interaction
 * of a customer with the company, streamed by a source system (CRM, contact centre, core banking). survey-service
 * decides for each one whether to invite the customer; {@code interactionId} is the idempotency key (the same id
 * twice gives one decision).
 * <p>
 * The touchpoint is named either by its registry {@code touchpointKey} or by the source system's own event
 * ({@code touchpointSystem} + {@code touchpointRef}, an external reference registered on the touchpoint).
 * {@code employeeRef}, {@code processRef} and {@code locale} are optional.
 */
public record Interaction(
        String interactionId,
        String customerRef,
        String touchpointKey,
        String touchpointSystem,
        String touchpointRef,
        String channel,
        String segment,
        Instant occurredAt,
        String employeeRef,
        String processRef,
        String locale) {

    /** The type of this event: topic, {@code ce_type} and record key. */
    public static final EventType<Interaction> TYPE =
            EventType.of(Topics.INTERACTIONS, "voc.interaction.v1", Interaction.class, Interaction::customerRef);
}
