package org.voc.events;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code voc.action.announced.v1} on {@value Topics#ANNOUNCEMENTS}, keyed by action id: "you said, we did". One part
 * of a verified improvement action's {@link ActionVerified}, with the customers a delivery adapter may tell what was
 * fixed: {@code customerRefs} are those of the part that have not opted out of contact and were not erased
 * ({@code excluded} counts the others). survey-service, which owns contact governance, publishes it once per
 * (action, verifiedAt, part).
 */
public record ActionAnnounced(
        @NotNull UUID actionId,
        @NotBlank String title,
        @NotEmpty List<@NotBlank String> touchpointKeys,
        @NotNull @Size(max = ActionVerified.MAX_CUSTOMERS) List<@NotBlank String> customerRefs,
        @PositiveOrZero int excluded,
        @Positive int part,
        @Positive int parts,
        @NotNull Instant verifiedAt,
        @NotNull Instant announcedAt) {

    /** The type of this event: topic, {@code ce_type} and record key. */
    public static final EventType<ActionAnnounced> TYPE = EventType.of(
            Topics.ANNOUNCEMENTS,
            "voc.action.announced.v1",
            ActionAnnounced.class,
            e -> e.actionId().toString());
}
