package org.voc.events;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;

/**
 * {@code voc.erasure.requested.v1} on {@value Topics#ERASURES}, keyed by erasure id: erase or anonymise everything
 * held about {@code customerRef} (GDPR art. 17). Every service holding customer data applies it idempotently and
 * answers with an {@link ErasureCompleted}; the same erasure may arrive again (the coordinator re-sends it while it
 * is pending), and applying it again is harmless.
 */
public record ErasureRequested(
        @NotNull UUID erasureId,
        @NotBlank @Size(max = 200) String customerRef,
        @NotNull Instant requestedAt) {

    /** The type of this event: topic, {@code ce_type} and record key. */
    public static final EventType<ErasureRequested> TYPE = EventType.of(
            Topics.ERASURES,
            "voc.erasure.requested.v1",
            ErasureRequested.class,
            e -> e.erasureId().toString());
}
