package org.voc.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code voc.team.state.v1} on {@value Topics#TEAMS}: the whole current state of one team that owns
 * touchpoints. {@code workingDays} are {@code java.time.DayOfWeek} names, {@code workStart}/{@code workEnd} local
 * times ({@code 08:00}) in {@code timeZone} (an IANA zone id). Consumers keep the highest {@code revision}.
 */
public record TeamState(
        UUID id,
        String key,
        String name,
        String escalationContact,
        List<String> workingDays,
        String workStart,
        String workEnd,
        String timeZone,
        long revision,
        Instant updatedAt) {

    /** The type of this event: topic, {@code ce_type} and record key. */
    public static final EventType<TeamState> TYPE =
            EventType.of(Topics.TEAMS, "voc.team.state.v1", TeamState.class, s -> s.id().toString());
}
