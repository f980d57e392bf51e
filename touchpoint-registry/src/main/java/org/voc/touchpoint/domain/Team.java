package org.voc.touchpoint.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/** A registered team as the domain hands it out; {@code revision} is the optimistic-concurrency version. */
public record Team(
        UUID id,
        String key,
        String name,
        String escalationContact,
        List<DayOfWeek> workingDays,
        LocalTime workStart,
        LocalTime workEnd,
        String timeZone,
        List<String> members,
        List<TeamHoliday> holidays,
        List<EscalationStep> escalationLadder,
        long revision,
        Instant createdAt,
        Instant updatedAt) {}
