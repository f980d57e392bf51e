package org.voc.touchpoint.api;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

import org.voc.touchpoint.persistence.TeamEntity;

/** A team as the API shows it; {@code revision} is also the ETag. */
public record TeamView(UUID id, String key, String name, String escalationContact,
        TeamRequest.WorkingHours workingHours, String timeZone, long revision, Instant createdAt, Instant updatedAt) {

    static TeamView of(TeamEntity e) {
        return new TeamView(e.id, e.key, e.name, e.escalationContact,
                new TeamRequest.WorkingHours(Arrays.stream(e.workingDays).map(DayOfWeek::valueOf).toList(),
                        e.workStart, e.workEnd),
                e.timeZone, e.version, e.createdAt, e.updatedAt);
    }
}
