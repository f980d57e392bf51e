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
 * {@code holidays} (local dates in {@code timeZone} when the team does not work) and {@code escalationLadder} came
 * later still: a state without them reads as "no holidays, no ladder".
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
        @Size(max = MAX_MEMBERS) List<String> members,
        @Size(max = MAX_HOLIDAYS) List<Holiday> holidays,
        @Size(max = MAX_LADDER_STEPS) List<EscalationStep> escalationLadder) {

    /** Most members a team may have: enough for a contact-centre floor, small enough for every event. */
    public static final int MAX_MEMBERS = 500;

    /** Most holidays a team may list: a few years of public holidays and closures. */
    public static final int MAX_HOLIDAYS = 400;

    /** Most steps of an escalation ladder (team lead, escalation contact, head of CX... ). */
    public static final int MAX_LADDER_STEPS = 10;

    /** Most recipients one escalation step notifies. */
    public static final int MAX_NOTIFY = 20;

    /** The type of this event: topic, {@code ce_type} and record key. */
    public static final EventType<TeamState> TYPE =
            EventType.of(Topics.TEAMS, "voc.team.state.v1", TeamState.class, s -> s.id().toString());

    public TeamState {
        members = members == null ? List.of() : List.copyOf(members);
        holidays = holidays == null ? List.of() : List.copyOf(holidays);
        escalationLadder = escalationLadder == null ? List.of() : List.copyOf(escalationLadder);
    }

    /** A day off: {@code date} is an ISO local date ({@code 2027-01-01}) in the team's time zone. */
    public record Holiday(String date, String name) {}

    /**
     * One step of the ladder: {@code after} (an ISO-8601 duration, {@code PT2H}) of business time past a breach it
     * notifies {@code recipients} (Keycloak user names or e-mail addresses). Steps come in order of {@code after}.
     */
    public record EscalationStep(String after, List<String> recipients, String label) {

        public EscalationStep {
            recipients = recipients == null ? List.of() : List.copyOf(recipients);
        }
    }
}
