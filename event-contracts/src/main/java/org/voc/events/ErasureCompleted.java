package org.voc.events;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * {@code voc.erasure.completed.v1} on {@value Topics#ERASURE_REPORTS}, keyed by erasure id: {@code service} has
 * erased the customer of {@code erasureId}. {@code counts} says how many rows of each kind it erased or anonymised
 * (e.g. {@code responses: 3}), zero when it held nothing; a service that applies the request again reports again,
 * with zeros. The report carries no customer reference.
 */
public record ErasureCompleted(
        @NotNull UUID erasureId,
        @NotBlank @Size(max = 80) String service,
        @NotNull Map<@NotBlank String, @NotNull @PositiveOrZero Long> counts,
        @NotNull Instant completedAt) {

    /** The type of this event: topic, {@code ce_type} and record key. */
    public static final EventType<ErasureCompleted> TYPE = EventType.of(
            Topics.ERASURE_REPORTS,
            "voc.erasure.completed.v1",
            ErasureCompleted.class,
            e -> e.erasureId().toString());
}
