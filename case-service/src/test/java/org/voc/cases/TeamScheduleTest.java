package org.voc.cases;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.voc.cases.domain.TeamReplicaService;
import org.voc.cases.sla.EscalationLadder;
import org.voc.cases.sla.TeamSchedule;
import org.voc.events.TeamState;
import org.voc.events.Topics;

/**
 * The team replica keeps what case SLAs count with: team states from voc.teams become the team's business calendar
 * (hours, zone, holidays) and escalation ladder; older states and unknown teams fall back as docs/cases.md says.
 */
@QuarkusTest
class TeamScheduleTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static Events events;

    @Inject
    TeamReplicaService teams;

    @BeforeAll
    static void connect() {
        events = new Events();
    }

    @AfterAll
    static void disconnect() {
        events.close();
    }

    @Test
    void aTeamsHoursHolidaysAndLadderAreReplicated() {
        UUID id = UUID.randomUUID();
        String key = "sla-" + Events.unique();
        events.publish(
                state(
                        id,
                        key,
                        0,
                        List.of(new TeamState.Holiday("2026-12-25", "Christmas"), new TeamState.Holiday("soon", null)),
                        List.of(
                                new TeamState.EscalationStep("PT4H", List.of("head.cx@example.com"), "head of CX"),
                                new TeamState.EscalationStep("PT0S", List.of("lead.cards"), "team lead"))),
                null);
        TeamSchedule schedule = awaitSchedule(key, s -> !s.calendar().isWallClock());

        // Thursday 17:00 before Christmas on a Friday: one hour, then nothing until Monday 09:00 in Berlin.
        assertEquals(at("2026-12-28T10:00"), schedule.calendar().dueAt(at("2026-12-24T17:00"), Duration.ofHours(2)));
        assertEquals(
                List.of("team lead", "head of CX"),
                schedule.ladder().steps().stream()
                        .map(EscalationLadder.Step::label)
                        .toList(),
                "in order of their delay; the unreadable holiday is left out, the rest is kept");
        assertEquals(1, schedule.ladder().dueBy(Duration.ofHours(3)).size());

        // A newer state replaces the whole schedule: no holiday and no ladder any more, the contact escalates.
        events.publish(state(id, key, 1, List.of(), List.of()), null);
        TeamSchedule changed = awaitSchedule(key, s -> s.ladder().steps().size() == 1);
        assertEquals(
                new EscalationLadder.Step(Duration.ZERO, List.of("lead@example.com"), EscalationLadder.CONTACT_LABEL),
                changed.ladder().steps().get(0));
        assertTrue(changed.calendar().isOpen(at("2026-12-25T10:00")), "the holiday is gone");
    }

    @Test
    void aStateFromBeforeHolidaysAndLaddersReadsAsHavingNone() {
        String key = "sla-old-" + Events.unique();
        UUID id = UUID.randomUUID();
        String old = """
                {"id": "%s", "key": "%s", "name": "Old", "escalationContact": "lead@example.com",
                 "workingDays": ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"],
                 "workStart": "09:00", "workEnd": "18:00", "timeZone": "Europe/Berlin", "revision": 0,
                 "updatedAt": "2026-11-25T09:00:00Z", "members": []}""".formatted(id, key);
        events.send(
                Topics.TEAMS,
                null,
                id.toString(),
                TeamState.TYPE.type(),
                old,
                UUID.randomUUID().toString());
        TeamSchedule schedule = awaitSchedule(key, s -> !s.calendar().isWallClock());

        assertTrue(schedule.calendar().isOpen(at("2026-12-25T10:00")), "no holidays");
        assertFalse(schedule.calendar().isOpen(at("2026-12-26T10:00")), "but its working days");
        assertEquals(
                List.of(new EscalationLadder.Step(
                        Duration.ZERO, List.of("lead@example.com"), EscalationLadder.CONTACT_LABEL)),
                schedule.ladder().steps());
    }

    @Test
    void aTeamNotReplicatedCountsWallClockTimeAndEscalatesToNobody() {
        TeamSchedule unknown = QuarkusTransaction.requiringNew().call(() -> teams.scheduleOf("no-such-team"));
        assertTrue(unknown.calendar().isWallClock());
        assertEquals(List.of(), unknown.ladder().steps());
        assertEquals(at("2026-12-05T21:55"), unknown.calendar().dueAt(at("2026-12-05T17:55"), Duration.ofHours(4)));
    }

    private TeamSchedule awaitSchedule(String key, Predicate<TeamSchedule> ready) {
        return await().atMost(TIMEOUT)
                .until(() -> QuarkusTransaction.requiringNew().call(() -> teams.scheduleOf(key)), ready::test);
    }

    private static TeamState state(
            UUID id,
            String key,
            long revision,
            List<TeamState.Holiday> holidays,
            List<TeamState.EscalationStep> ladder) {
        return new TeamState(
                id,
                key,
                "Team " + key,
                "lead@example.com",
                List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"),
                "09:00",
                "18:00",
                "Europe/Berlin",
                revision,
                Events.RESPONDED_AT,
                List.of(),
                holidays,
                ladder);
    }

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(BERLIN).toInstant();
    }
}
