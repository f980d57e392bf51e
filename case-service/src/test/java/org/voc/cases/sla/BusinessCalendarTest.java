package org.voc.cases.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The business-time arithmetic at its edges; 2026-12-04 is a Friday, 2026-12-25 and 2027-01-01 too. */
class BusinessCalendarTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
    private static final Set<DayOfWeek> EVERY_DAY = EnumSet.allOf(DayOfWeek.class);

    private static final BusinessCalendar NINE_TO_SIX =
            BusinessCalendar.of(WEEKDAYS, LocalTime.of(9, 0), LocalTime.of(18, 0), PARIS, List.of());

    @Test
    void theIssuesExampleFridayAt1755PlusFourHoursIsMondayAt1255() {
        assertEquals(
                at(PARIS, "2026-12-07T12:55"), NINE_TO_SIX.dueAt(at(PARIS, "2026-12-04T17:55"), Duration.ofHours(4)));
        assertEquals(
                Duration.ofHours(4), NINE_TO_SIX.elapsed(at(PARIS, "2026-12-04T17:55"), at(PARIS, "2026-12-07T12:55")));
    }

    @Test
    void aWeekendDoesNotCount() {
        assertEquals(
                at(PARIS, "2026-12-07T11:00"), NINE_TO_SIX.dueAt(at(PARIS, "2026-12-05T10:00"), Duration.ofHours(2)));
        assertEquals(Duration.ZERO, NINE_TO_SIX.elapsed(at(PARIS, "2026-12-05T00:00"), at(PARIS, "2026-12-07T09:00")));
        assertFalse(NINE_TO_SIX.isOpen(at(PARIS, "2026-12-05T12:00")));
    }

    @Test
    void aHolidayDoesNotCountNorAFridayHolidayBeforeTheWeekend() {
        BusinessCalendar withHolidays = BusinessCalendar.of(
                WEEKDAYS,
                LocalTime.of(9, 0),
                LocalTime.of(18, 0),
                PARIS,
                List.of(LocalDate.parse("2026-12-09"), LocalDate.parse("2026-12-25")));
        // Tuesday 16:00, two hours that day, Wednesday off, two more on Thursday.
        assertEquals(
                at(PARIS, "2026-12-10T11:00"), withHolidays.dueAt(at(PARIS, "2026-12-08T16:00"), Duration.ofHours(4)));
        // Thursday 17:00 before Christmas on a Friday: one hour, then nothing until Monday.
        assertEquals(
                at(PARIS, "2026-12-28T10:00"), withHolidays.dueAt(at(PARIS, "2026-12-24T17:00"), Duration.ofHours(2)));
        assertEquals(
                Duration.ofHours(1),
                withHolidays.elapsed(at(PARIS, "2026-12-24T17:00"), at(PARIS, "2026-12-28T09:00")));
        assertFalse(withHolidays.isOpen(at(PARIS, "2026-12-25T10:00")));
        assertTrue(NINE_TO_SIX.isOpen(at(PARIS, "2026-12-25T10:00")), "a team without the holiday works");
    }

    @Test
    void berlinOverTheSpringChangeKeepsLocalHours() {
        BusinessCalendar berlin =
                BusinessCalendar.of(WEEKDAYS, LocalTime.of(9, 0), LocalTime.of(18, 0), BERLIN, List.of());
        Instant friday = at(BERLIN, "2026-03-27T17:00"); // 16:00Z, UTC+1
        Instant due = berlin.dueAt(friday, Duration.ofHours(2));
        assertEquals(at(BERLIN, "2026-03-30T10:00"), due);
        assertEquals(Instant.parse("2026-03-30T08:00:00Z"), due, "Monday 10:00 is UTC+2");
        assertEquals(Duration.ofHours(2), berlin.elapsed(friday, due));

        BusinessCalendar weekends =
                BusinessCalendar.of(EVERY_DAY, LocalTime.of(9, 0), LocalTime.of(18, 0), BERLIN, List.of());
        assertEquals(
                Instant.parse("2026-03-29T08:00:00Z"),
                weekends.dueAt(at(BERLIN, "2026-03-28T17:00"), Duration.ofHours(2)),
                "Sunday 10:00 CEST, although only 16 wall-clock hours after Saturday 17:00 CET");
    }

    @Test
    void berlinOverTheAutumnChangeKeepsLocalHours() {
        BusinessCalendar weekends =
                BusinessCalendar.of(EVERY_DAY, LocalTime.of(9, 0), LocalTime.of(18, 0), BERLIN, List.of());
        Instant saturday = at(BERLIN, "2026-10-24T17:00"); // 15:00Z, UTC+2
        Instant due = weekends.dueAt(saturday, Duration.ofHours(2));
        assertEquals(Instant.parse("2026-10-25T09:00:00Z"), due, "Sunday 10:00 CET, 18 wall-clock hours later");
        assertEquals(Duration.ofHours(2), weekends.elapsed(saturday, due));
    }

    @Test
    void aTeamWorkingThroughTheNightOfAChangeLosesOrGainsTheHour() {
        BusinessCalendar nights =
                BusinessCalendar.of(EVERY_DAY, LocalTime.of(1, 0), LocalTime.of(5, 0), BERLIN, List.of());
        assertEquals(
                Duration.ofHours(3),
                nights.elapsed(at(BERLIN, "2026-03-29T00:00"), at(BERLIN, "2026-03-29T12:00")),
                "02:00-03:00 does not exist that night");
        assertEquals(
                Duration.ofHours(5),
                nights.elapsed(at(BERLIN, "2026-10-25T00:00"), at(BERLIN, "2026-10-25T12:00")),
                "02:00-03:00 happens twice that night");
        assertEquals(at(BERLIN, "2026-03-29T04:00"), nights.dueAt(at(BERLIN, "2026-03-29T01:00"), Duration.ofHours(2)));
    }

    @Test
    void aStartExactlyAtTheOpeningOrTheClose() {
        assertTrue(NINE_TO_SIX.isOpen(at(PARIS, "2026-12-07T09:00")));
        assertFalse(NINE_TO_SIX.isOpen(at(PARIS, "2026-12-07T18:00")));
        assertEquals(
                at(PARIS, "2026-12-07T18:00"),
                NINE_TO_SIX.dueAt(at(PARIS, "2026-12-07T09:00"), Duration.ofHours(9)),
                "a whole day's target started at the opening ends at that day's close");
        assertEquals(
                at(PARIS, "2026-12-08T10:00"), NINE_TO_SIX.dueAt(at(PARIS, "2026-12-07T18:00"), Duration.ofHours(1)));
        assertEquals(
                at(PARIS, "2026-12-08T09:01"), NINE_TO_SIX.dueAt(at(PARIS, "2026-12-07T17:59"), Duration.ofMinutes(2)));
        assertEquals(
                Duration.ofHours(9), NINE_TO_SIX.elapsed(at(PARIS, "2026-12-07T09:00"), at(PARIS, "2026-12-07T18:00")));
    }

    @Test
    void aTargetOfSeveralDays() {
        assertEquals(
                at(PARIS, "2026-12-10T10:00"), NINE_TO_SIX.dueAt(at(PARIS, "2026-12-07T10:00"), Duration.ofHours(27)));
        // 48 business hours: five whole days (45 h) and three hours of the next Monday.
        assertEquals(
                at(PARIS, "2026-12-14T12:00"), NINE_TO_SIX.dueAt(at(PARIS, "2026-12-07T09:00"), Duration.ofDays(2)));
        for (String start : List.of("2026-12-04T17:55", "2026-12-05T03:00", "2026-12-07T09:00", "2026-12-07T18:00")) {
            for (Duration target : List.of(Duration.ofMinutes(1), Duration.ofHours(9), Duration.ofHours(100))) {
                Instant from = at(PARIS, start);
                assertEquals(target, NINE_TO_SIX.elapsed(from, NINE_TO_SIX.dueAt(from, target)), start + " " + target);
            }
        }
    }

    @Test
    void aZeroTargetIsDueAtOnceAndANegativeOneIsRefused() {
        assertEquals(at(PARIS, "2026-12-05T10:00"), NINE_TO_SIX.dueAt(at(PARIS, "2026-12-05T10:00"), Duration.ZERO));
        assertEquals(at(PARIS, "2026-12-07T10:00"), NINE_TO_SIX.dueAt(at(PARIS, "2026-12-07T10:00"), Duration.ZERO));
        assertThrows(
                IllegalArgumentException.class,
                () -> NINE_TO_SIX.dueAt(at(PARIS, "2026-12-07T10:00"), Duration.ofMinutes(-1)));
        assertEquals(Duration.ZERO, NINE_TO_SIX.elapsed(at(PARIS, "2026-12-07T12:00"), at(PARIS, "2026-12-07T10:00")));
    }

    @Test
    void aPauseOverANightStopsTheClock() {
        Instant opened = at(PARIS, "2026-12-07T16:00");
        List<Pause> overNight = List.of(new Pause(at(PARIS, "2026-12-07T17:00"), at(PARIS, "2026-12-08T10:00")));
        assertEquals(at(PARIS, "2026-12-08T11:00"), NINE_TO_SIX.dueAt(opened, Duration.ofHours(4)));
        // One hour before the pause; the pause holds Monday 17-18 and Tuesday 9-10; three hours after it.
        assertEquals(
                Optional.of(at(PARIS, "2026-12-08T13:00")), NINE_TO_SIX.dueAt(opened, Duration.ofHours(4), overNight));
        assertEquals(Duration.ofHours(4), NINE_TO_SIX.elapsed(opened, at(PARIS, "2026-12-08T13:00"), overNight));
        assertEquals(
                Optional.of(at(PARIS, "2026-12-07T16:30")),
                NINE_TO_SIX.dueAt(opened, Duration.ofMinutes(30), overNight),
                "a target reached before the pause is not moved by it");
    }

    @Test
    void aPauseStillRunningHoldsTheClockAndOverlappingPausesCountOnce() {
        Instant opened = at(PARIS, "2026-12-07T16:00");
        List<Pause> waiting = List.of(new Pause(at(PARIS, "2026-12-07T17:00"), null));
        assertEquals(Optional.empty(), NINE_TO_SIX.dueAt(opened, Duration.ofHours(4), waiting));
        assertEquals(Duration.ofHours(1), NINE_TO_SIX.elapsed(opened, at(PARIS, "2026-12-09T12:00"), waiting));

        List<Pause> overlapping = List.of(
                new Pause(at(PARIS, "2026-12-08T09:30"), at(PARIS, "2026-12-08T11:00")),
                new Pause(at(PARIS, "2026-12-08T09:00"), at(PARIS, "2026-12-08T10:00")));
        assertEquals(Duration.ofHours(2), NINE_TO_SIX.elapsed(opened, at(PARIS, "2026-12-08T11:00"), overlapping));
        assertEquals(
                Optional.of(at(PARIS, "2026-12-08T13:00")),
                NINE_TO_SIX.dueAt(opened, Duration.ofHours(4), overlapping));
    }

    @Test
    void aTeamWithoutWorkingHoursCountsWallClockTime() {
        BusinessCalendar none = BusinessCalendar.of(List.of(), null, null, PARIS, List.of());
        assertTrue(none.isWallClock());
        assertEquals(
                at(PARIS, "2026-12-04T21:55"),
                BusinessCalendar.wallClock().dueAt(at(PARIS, "2026-12-04T17:55"), Duration.ofHours(4)));
        assertEquals(Duration.ofHours(51), none.elapsed(at(PARIS, "2026-12-04T18:00"), at(PARIS, "2026-12-06T21:00")));
        assertEquals(
                Duration.ofHours(23),
                none.elapsed(at(BERLIN, "2026-03-29T00:00"), at(BERLIN, "2026-03-30T00:00")),
                "wall-clock time is real time: the spring-forward day has 23 hours");
    }

    private static Instant at(ZoneId zone, String local) {
        return LocalDateTime.parse(local).atZone(zone).toInstant();
    }
}
