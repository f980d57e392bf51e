package org.voc.events;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code voc.touchpoint.state.v1} on {@value Topics#TOUCHPOINTS}: the whole current state of one touchpoint.
 * Consumers keep the state with the highest {@code revision} and ignore older ones.
 * <p>
 * {@code description}, {@code raci}, {@code tags} and {@code externalRefs} were added later and are optional: a
 * state written before them, or by an older producer, has them null.
 */
public record TouchpointState(
        @NotNull UUID id,
        @NotBlank String key,
        @NotNull String name,
        String channel,
        String journeyStage,
        String signalKind,
        List<String> segments,
        String product,
        String ownerTeam,
        @NotNull String status,
        long revision,
        Instant updatedAt,
        String description,
        Raci raci,
        List<String> tags,
        List<ExternalRef> externalRefs) {

    /** The type of this event: topic, {@code ce_type} and record key. */
    public static final EventType<TouchpointState> TYPE =
            EventType.of(Topics.TOUCHPOINTS, "voc.touchpoint.state.v1", TouchpointState.class, s -> s.id().toString());

    /** The first shape of the event, without the optional fields. */
    public TouchpointState(
            UUID id,
            String key,
            String name,
            String channel,
            String journeyStage,
            String signalKind,
            List<String> segments,
            String product,
            String ownerTeam,
            String status,
            long revision,
            Instant updatedAt) {
        this(
                id,
                key,
                name,
                channel,
                journeyStage,
                signalKind,
                segments,
                product,
                ownerTeam,
                status,
                revision,
                updatedAt,
                null,
                null,
                null,
                null);
    }

    /** Team keys per RACI role (responsible, accountable, consulted, informed). */
    public record Raci(
            List<String> responsible, List<String> accountable, List<String> consulted, List<String> informed) {}

    /**
     * An event of an external system that means "this touchpoint happened", e.g. system {@code crm}, ref {@code
     * card.delivered}.
     */
    public record ExternalRef(String system, String ref) {}
}
