package org.voc.cases.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Business-time arithmetic of one team: its working days, the local start and end of its working day, its time zone
 * and its holidays. Case SLAs count with it, so a 4-hour target opened on Friday at 17:55 for a 9–18 team falls due
 * on Monday at 12:55.
 *
 * <p>Working hours are local times in the team's zone, resolved day by day, never a fixed offset: over a daylight
 * saving change the team still opens at 09:00 on its wall clock. Inside the hours business time is real elapsed time
 * (a team that works through the night of a change gains or loses the hour, as its people do). Time outside the hours,
 * on days off and on holidays does not count, so a start outside the hours counts from the next opening.
 *
 * <p>A team without working hours (none configured, or not replicated yet) counts wall-clock time: a case must not
 * become due later because its team is unknown. Pure and immutable, safe to share.
 */
public final class BusinessCalendar {

    /** Guards a loop over days against a calendar that never opens (every working day a holiday, forever). */
    private static final int MAX_DAYS = 366 * 50;

    private static final BusinessCalendar WALL_CLOCK = new BusinessCalendar(
            ZoneOffset.UTC, EnumSet.allOf(DayOfWeek.class), LocalTime.MIDNIGHT, null, Set.of(), true);

    private final ZoneId zone;
    private final Set<DayOfWeek> days;
    private final LocalTime open;
    /** Null: the day runs to the next midnight (the wall clock). */
    private final LocalTime close;

    private final Set<LocalDate> holidays;
    private final boolean wallClock;

    private BusinessCalendar(
            ZoneId zone,
            Set<DayOfWeek> days,
            LocalTime open,
            LocalTime close,
            Set<LocalDate> holidays,
            boolean wallClock) {
        this.zone = zone;
        this.days = days;
        this.open = open;
        this.close = close;
        this.holidays = holidays;
        this.wallClock = wallClock;
    }

    /** Every moment counts. */
    public static BusinessCalendar wallClock() {
        return WALL_CLOCK;
    }

    /**
     * A team's calendar. The team works on {@code days} from {@code open} to {@code close} (local times in
     * {@code zone}, {@code close} after {@code open}), except on {@code holidays} (local dates in {@code zone}).
     * No working day at all gives the wall clock.
     */
    public static BusinessCalendar of(
            Collection<DayOfWeek> days, LocalTime open, LocalTime close, ZoneId zone, Collection<LocalDate> holidays) {
        if (days == null || days.isEmpty() || open == null || close == null || zone == null) {
            return WALL_CLOCK;
        }
        if (!close.isAfter(open)) {
            throw new IllegalArgumentException("the working day must end after it starts: " + open + "–" + close);
        }
        return new BusinessCalendar(
                zone, EnumSet.copyOf(days), open, close, holidays == null ? Set.of() : Set.copyOf(holidays), false);
    }

    public boolean isWallClock() {
        return wallClock;
    }

    /** Whether the team works at this moment. */
    public boolean isOpen(Instant at) {
        LocalDate day = at.atZone(zone).toLocalDate();
        return works(day) && !at.isBefore(opening(day)) && at.isBefore(closing(day));
    }

    /**
     * The moment {@code target} of business time after {@code start}. A zero target is due at {@code start} itself,
     * even outside the hours (nothing is left to count); otherwise the count begins at the next opening.
     */
    public Instant dueAt(Instant start, Duration target) {
        if (target.isNegative()) {
            throw new IllegalArgumentException("a target cannot be negative: " + target);
        }
        if (target.isZero()) {
            return start;
        }
        Duration remaining = target;
        LocalDate day = start.atZone(zone).toLocalDate();
        for (int i = 0; i < MAX_DAYS; i++, day = day.plusDays(1)) {
            if (!works(day)) {
                continue;
            }
            Instant from = later(start, opening(day));
            Instant to = closing(day);
            if (!from.isBefore(to)) {
                continue;
            }
            Duration available = Duration.between(from, to);
            if (remaining.compareTo(available) <= 0) {
                return from.plus(remaining);
            }
            remaining = remaining.minus(available);
        }
        throw new IllegalStateException("the calendar does not open within " + MAX_DAYS + " days");
    }

    /**
     * When {@code target} of business time after {@code start} is used up, with the clock stopped during
     * {@code pauses} (a case waiting on the customer). Empty while a pause that has not ended holds the clock
     * before the target is reached: the case has no due time until it resumes.
     */
    public Optional<Instant> dueAt(Instant start, Duration target, List<Pause> pauses) {
        Instant cursor = start;
        Duration remaining = target;
        for (Pause pause : merged(pauses)) {
            if (pause.resumedAt() != null && !pause.resumedAt().isAfter(cursor)) {
                continue;
            }
            Instant pausedFrom = later(cursor, pause.pausedAt());
            Instant due = dueAt(cursor, remaining);
            if (!due.isAfter(pausedFrom)) {
                return Optional.of(due);
            }
            remaining = remaining.minus(elapsed(cursor, pausedFrom));
            if (pause.resumedAt() == null) {
                return Optional.empty();
            }
            cursor = pause.resumedAt();
        }
        return Optional.of(dueAt(cursor, remaining));
    }

    /** Business time between two moments (zero when {@code to} is not after {@code from}). */
    public Duration elapsed(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        Duration total = Duration.ZERO;
        LocalDate last = to.atZone(zone).toLocalDate();
        for (LocalDate day = from.atZone(zone).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
            if (!works(day)) {
                continue;
            }
            Instant start = later(from, opening(day));
            Instant end = earlier(to, closing(day));
            if (start.isBefore(end)) {
                total = total.plus(Duration.between(start, end));
            }
        }
        return total;
    }

    /**
     * Business time between two moments, less the business time spent in {@code pauses}; a pause that has not
     * ended holds the clock until {@code to}. Overlapping pauses count once.
     */
    public Duration elapsed(Instant from, Instant to, List<Pause> pauses) {
        Duration total = elapsed(from, to);
        for (Pause pause : merged(pauses)) {
            Instant end = pause.resumedAt() == null ? to : pause.resumedAt();
            total = total.minus(elapsed(later(from, pause.pausedAt()), earlier(to, end)));
        }
        return total;
    }

    private boolean works(LocalDate day) {
        return days.contains(day.getDayOfWeek()) && !holidays.contains(day);
    }

    /** The day's opening as an instant: a local time inside a DST gap moves forward by the gap's length. */
    private Instant opening(LocalDate day) {
        return ZonedDateTime.of(day, open, zone).toInstant();
    }

    private Instant closing(LocalDate day) {
        return close == null
                ? day.plusDays(1).atStartOfDay(zone).toInstant()
                : ZonedDateTime.of(day, close, zone).toInstant();
    }

    /** Pauses in order, overlapping ones joined, so no paused moment is subtracted twice. */
    private static List<Pause> merged(List<Pause> pauses) {
        List<Pause> sorted = new ArrayList<>(pauses == null ? List.of() : pauses);
        sorted.sort(Comparator.comparing(Pause::pausedAt));
        List<Pause> merged = new ArrayList<>();
        for (Pause pause : sorted) {
            Pause previous = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (previous != null
                    && (previous.resumedAt() == null || !pause.pausedAt().isAfter(previous.resumedAt()))) {
                Instant resumed = previous.resumedAt() == null || pause.resumedAt() == null
                        ? null
                        : later(previous.resumedAt(), pause.resumedAt());
                merged.set(merged.size() - 1, new Pause(previous.pausedAt(), resumed));
            } else {
                merged.add(pause);
            }
        }
        return merged;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    @Override
    public String toString() {
        return wallClock
                ? "wall clock"
                : days + " " + open + "–" + close + " " + zone + ", " + holidays.size() + " holidays";
    }
}
