package org.voc.events;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code voc.team.state.v1} on {@value Topics#TEAMS}: the whole current state of one team that owns
 * touchpoints. {@code workingDays} are {@code java.time.DayOfWeek} names, {@code workStart}/{@code workEnd} local
 * times ({@code 08:00}) in {@code timeZone} (an IANA zone id). Consumers keep the highest {@code revision}.
 * {@code members} are the Keycloak user names (lower case) of the team's case agents, at most
 * {@value #MAX_MEMBERS}; events published before members existed have none, and read as an empty list.
 */
public record TeamState(
        @NotNull UUID id,
        @NotBlank String key,
        String name,
        String escalationContact,
        List<String> workingDays,
        String workStart,
        String workEnd,
        String timeZone,
        long revision,
        Instant updatedAt,
        @Size(max = MAX_MEMBERS) List<String> members) {

    /** Most members a team may have: enough for a contact-centre floor, small enough for every event. */
    public static final int MAX_MEMBERS = 500;

    /** The type of this event: topic, {@code ce_type} and record key. */
    public static final EventType<TeamState> TYPE =
            EventType.of(Topics.TEAMS, "voc.team.state.v1", TeamState.class, s -> s.id().toString());

    public TeamState {
        members = members == null ? List.of() : List.copyOf(members);
    }
}
