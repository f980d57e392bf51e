package org.voc.touchpoint.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.voc.touchpoint.domain.Team;

/** A team as the API shows it; {@code revision} is also the ETag. */
public record TeamView(
        UUID id,
        String key,
        String name,
        String escalationContact,
        TeamRequest.WorkingHours workingHours,
        String timeZone,
        List<String> members,
        List<TeamRequest.Holiday> holidays,
        List<TeamRequest.EscalationStep> escalationLadder,
        long revision,
        Instant createdAt,
        Instant updatedAt) {

    static TeamView of(Team t) {
        return new TeamView(
                t.id(),
                t.key(),
                t.name(),
                t.escalationContact(),
                new TeamRequest.WorkingHours(t.workingDays(), t.workStart(), t.workEnd()),
                t.timeZone(),
                t.members(),
                t.holidays().stream()
                        .map(h -> new TeamRequest.Holiday(h.date(), h.name()))
                        .toList(),
                t.escalationLadder().stream()
                        .map(s -> new TeamRequest.EscalationStep(s.after().toString(), s.recipients(), s.label()))
                        .toList(),
                t.revision(),
                t.createdAt(),
                t.updatedAt());
    }
}
