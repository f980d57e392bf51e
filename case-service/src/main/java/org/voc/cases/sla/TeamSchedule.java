package org.voc.cases.sla;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.voc.events.TeamState;

/**
 * What a team's case SLAs count with: its business calendar and its escalation ladder, read from the replicated
 * {@code voc.team.state.v1}. The registry validates every field before publishing, so a value that does not parse
 * here is a foreign or damaged state: the part it spoils falls back (wall-clock time for unreadable hours, the
 * entry left out for a holiday or a step) rather than holding up the team's cases.
 */
public record TeamSchedule(String teamKey, BusinessCalendar calendar, EscalationLadder ladder) {

    /** A team the replica does not know (yet): wall-clock SLAs, nobody to escalate to. */
    public static TeamSchedule unknown(String teamKey) {
        return new TeamSchedule(teamKey, BusinessCalendar.wallClock(), EscalationLadder.NONE);
    }

    public static TeamSchedule of(TeamState state) {
        return new TeamSchedule(state.key(), calendar(state), ladder(state));
    }

    private static BusinessCalendar calendar(TeamState state) {
        try {
            List<DayOfWeek> days = state.workingDays() == null
                    ? List.of()
                    : state.workingDays().stream().map(DayOfWeek::valueOf).toList();
            List<LocalDate> holidays = new ArrayList<>();
            for (TeamState.Holiday holiday : state.holidays()) {
                try {
                    holidays.add(LocalDate.parse(holiday.date()));
                } catch (DateTimeException | NullPointerException e) {
                    // left out: one bad date must not cost the team its calendar
                }
            }
            return BusinessCalendar.of(
                    days,
                    state.workStart() == null ? null : LocalTime.parse(state.workStart()),
                    state.workEnd() == null ? null : LocalTime.parse(state.workEnd()),
                    state.timeZone() == null ? null : ZoneId.of(state.timeZone()),
                    holidays);
        } catch (DateTimeException | IllegalArgumentException e) {
            return BusinessCalendar.wallClock();
        }
    }

    private static EscalationLadder ladder(TeamState state) {
        List<EscalationLadder.Step> steps = new ArrayList<>();
        for (TeamState.EscalationStep step : state.escalationLadder()) {
            try {
                Duration after = Duration.parse(step.after());
                if (!after.isNegative() && !step.recipients().isEmpty()) {
                    steps.add(new EscalationLadder.Step(after, step.recipients(), step.label()));
                }
            } catch (DateTimeException | NullPointerException e) {
                // left out, as a bad holiday is
            }
        }
        steps.sort(Comparator.comparing(EscalationLadder.Step::after));
        return EscalationLadder.of(steps, state.escalationContact());
    }
}
