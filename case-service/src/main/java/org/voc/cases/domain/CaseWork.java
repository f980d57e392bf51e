package org.voc.cases.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.voc.cases.causes.domain.CaseCauses;
import org.voc.cases.causes.domain.CauseRef;
import org.voc.cases.config.CaseConfig;
import org.voc.cases.persistence.CaseEntity;
import org.voc.cases.persistence.CaseHistoryRepository;
import org.voc.cases.persistence.CaseRepository;
import org.voc.cases.persistence.CaseWorkRepository;
import org.voc.cases.recovery.domain.RecoverySurveys;
import org.voc.cases.sla.BusinessCalendar;
import org.voc.events.CaseAssigned;
import org.voc.events.CaseClosed;
import org.voc.events.CaseContacted;
import org.voc.events.CaseReopened;
import org.voc.events.CaseResolved;
import org.voc.kit.outbox.Outbox;
import org.voc.kit.problem.Conflict;
import org.voc.kit.problem.NotFound;
import org.voc.kit.problem.Revisions;

/**
 * Working a case (docs/cases.md, "Working a case"): every action locks the case, checks the caller's ETag and the
 * transition table ({@link CaseWorkflow}), changes the case, raises its version, appends its history and publishes
 * its event, all in one transaction. The row lock makes concurrent changes of one case take turns, so of two
 * changes based on the same version exactly one applies and the other is a 412.
 */
@ApplicationScoped
public class CaseWork {

    private final CaseRepository cases;
    private final CaseHistoryRepository history;
    private final CaseWorkRepository work;
    private final TeamReplicaService teams;
    private final CaseCauses causes;
    private final CaseConfig config;
    private final Outbox outbox;
    private final RecoverySurveys recoveries;
    private final Clock clock;

    public CaseWork(
            CaseRepository cases,
            CaseHistoryRepository history,
            CaseWorkRepository work,
            TeamReplicaService teams,
            CaseCauses causes,
            CaseConfig config,
            Outbox outbox,
            RecoverySurveys recoveries,
            Clock clock) {
        this.cases = cases;
        this.history = history;
        this.work = work;
        this.teams = teams;
        this.causes = causes;
        this.config = config;
        this.outbox = outbox;
        this.recoveries = recoveries;
        this.clock = clock;
    }

    /** What happened at first contact with the customer; the note stays in the case's history only. */
    public record Contact(String channel, String outcome, String note) {}

    /** How a case was resolved, and why the customer was unhappy: the ids of its root causes (maybe none). */
    public record Resolution(String code, String note, Case.Gesture gesture, List<UUID> rootCauses) {}

    /** Gives the case to {@code assignee}, who must be a member of the case's team (a reassignment as well). */
    @Transactional
    public Case assign(CaseScope scope, UUID id, long expected, String actor, String assignee) {
        return assignTo(scope, id, expected, actor, CaseAction.ASSIGN, (e, members) -> assignee);
    }

    /** The caller takes the case; they must be a member of its team. */
    @Transactional
    public Case claim(CaseScope scope, UUID id, long expected, String actor) {
        return assignTo(scope, id, expected, actor, CaseAction.CLAIM, (e, members) -> actor);
    }

    /** Gives the case to the next member of its team in turn. */
    @Transactional
    public Case roundRobin(CaseScope scope, UUID id, long expected, String actor) {
        return assignTo(scope, id, expected, actor, CaseAction.ROUND_ROBIN, (e, members) -> {
            if (members.isEmpty()) {
                throw new Conflict(
                        "no-members",
                        "Team has no members",
                        "team '" + e.team + "' has no members to take turns",
                        "team");
            }
            return work.nextTurn(e.team, members);
        });
    }

    /**
     * Records a contact with the customer. The first one stops the first-contact clock: its time and the business
     * time it took are kept, as is its due time.
     */
    @Transactional
    public Case contact(CaseScope scope, UUID id, long expected, String actor, Contact contact) {
        return change(scope, id, expected, actor, CaseAction.CONTACT, (e, now) -> {
            boolean first = e.firstContactAt == null;
            if (first) {
                e.firstContactAt = now;
                e.firstContactBusinessSeconds =
                        calendar(e).elapsed(e.openedAt, now).getSeconds();
            }
            e.contactChannel = contact.channel();
            e.contactOutcome = contact.outcome();
            Map<String, Object> details = details("channel", contact.channel(), "outcome", contact.outcome());
            details.put("first", first);
            if (contact.note() != null) {
                details.put("note", contact.note());
            }
            outbox.publish(CaseContacted.TYPE.of(new CaseContacted(
                    e.id,
                    e.team,
                    e.assignee,
                    contact.channel(),
                    contact.outcome(),
                    now,
                    e.firstContactBusinessSeconds,
                    e.firstContactDueAt == null || !e.firstContactAt.isAfter(e.firstContactDueAt))));
            return details;
        });
    }

    /**
     * The case waits on the customer: its running clock (resolution; a case waits only once in contact, so the
     * first-contact clock has stopped) stands still and has no due time until resumed.
     */
    @Transactional
    public Case waitOnCustomer(CaseScope scope, UUID id, long expected, String actor) {
        return change(scope, id, expected, actor, CaseAction.WAIT, (e, now) -> {
            work.pause(e.id, now);
            e.resolutionDueAt = null;
            return details();
        });
    }

    /** The customer answered: the pause ends and the resolution due time moves by the business time it lasted. */
    @Transactional
    public Case resume(CaseScope scope, UUID id, long expected, String actor) {
        return change(scope, id, expected, actor, CaseAction.RESUME, (e, now) -> {
            work.resume(e.id, now);
            Instant from = resolutionClockFrom(e);
            e.resolutionDueAt = calendar(e)
                    .dueAt(from, targets(e).resolution(), work.pausesSince(e.id, from))
                    .orElse(null);
            return details("resolutionDueAt", e.resolutionDueAt == null ? null : e.resolutionDueAt.toString());
        });
    }

    /**
     * Resolves the case: the resolution clock stops; the business time it took, waits excluded, is kept. Its root
     * causes, if given, are stored, written in the history entry and named by code in the event.
     */
    @Transactional
    public Case resolve(CaseScope scope, UUID id, long expected, String actor, Resolution resolution) {
        return change(scope, id, expected, actor, CaseAction.RESOLVE, (e, now) -> {
            Instant from = resolutionClockFrom(e);
            e.resolvedAt = now;
            e.resolutionBusinessSeconds =
                    calendar(e).elapsed(from, now, work.pausesSince(e.id, from)).getSeconds();
            e.resolutionCode = resolution.code();
            e.resolutionNote = resolution.note();
            Case.Gesture gesture = resolution.gesture();
            e.gestureType = gesture == null ? null : gesture.type();
            e.gestureAmount = gesture == null ? null : gesture.amount();
            e.gestureCurrency = gesture == null ? null : gesture.currency();
            List<CauseRef> rootCauses = causes.set(e.id, resolution.rootCauses());
            Map<String, Object> details = details("code", resolution.code());
            if (resolution.note() != null) {
                details.put("note", resolution.note());
            }
            if (gesture != null) {
                details.put("gesture", gesture);
            }
            if (!rootCauses.isEmpty()) {
                details.put("rootCauses", rootCauses);
            }
            outbox.publish(CaseResolved.TYPE.of(new CaseResolved(
                    e.id,
                    e.team,
                    e.assignee,
                    resolution.code(),
                    gesture == null
                            ? null
                            : new CaseResolved.Gesture(gesture.type(), gesture.amount(), gesture.currency()),
                    now,
                    e.resolutionBusinessSeconds,
                    e.resolutionDueAt == null || !now.isAfter(e.resolutionDueAt),
                    rootCauses.stream().map(CauseRef::code).toList())));
            return details;
        });
    }

    /**
     * Gives a resolved or closed case other root causes (found out after resolving); a history entry {@code
     * ROOT_CAUSES} names them and those they replace. No event: the Pareto reads the cases themselves.
     */
    @Transactional
    public Case setRootCauses(CaseScope scope, UUID id, long expected, String actor, List<UUID> rootCauses) {
        return change(scope, id, expected, actor, CaseAction.ROOT_CAUSES, (e, now) -> {
            List<CauseRef> previous = causes.of(e.id);
            List<CauseRef> set = causes.set(e.id, rootCauses);
            if (set.isEmpty() && e.status == CaseStatus.CLOSED && config.rootCauseRequired()) {
                throw rootCauseRequired(e);
            }
            Map<String, Object> details = details("rootCauses", set);
            details.put("previousRootCauses", previous);
            return details;
        });
    }

    /** Closes a resolved case; with {@code voc.cases.root-cause-required} only one that has a root cause. */
    @Transactional
    public Case close(CaseScope scope, UUID id, long expected, String actor) {
        return change(scope, id, expected, actor, CaseAction.CLOSE, (e, now) -> {
            if (config.rootCauseRequired() && causes.of(e.id).isEmpty()) {
                throw rootCauseRequired(e);
            }
            e.closedAt = now;
            outbox.publish(CaseClosed.TYPE.of(new CaseClosed(e.id, e.team, e.assignee, now)));
            return recoveries.requestOnClose(e, now) ? details("recoverySurvey", true) : details();
        });
    }

    /**
     * Reopens a resolved or closed case: back to its assignee (ASSIGNED), with its whole resolution target again
     * from now. The previous resolution leaves the case for its history; the first contact stays made.
     */
    @Transactional
    public Case reopen(CaseScope scope, UUID id, long expected, String actor, String reason) {
        return change(scope, id, expected, actor, CaseAction.REOPEN, (e, now) -> {
            Map<String, Object> details = details("reason", reason, "previousResolutionCode", e.resolutionCode);
            if (e.resolutionNote != null) {
                details.put("note", e.resolutionNote);
            }
            // The causes belong to the resolution: the next one names them again.
            List<CauseRef> previous = causes.of(e.id);
            if (!previous.isEmpty()) {
                details.put("previousRootCauses", previous);
                causes.set(e.id, List.of());
            }
            e.reopenedCount++;
            e.resolutionClockFrom = now;
            e.resolutionDueAt = calendar(e).dueAt(now, targets(e).resolution());
            e.resolvedAt = null;
            e.resolutionBusinessSeconds = null;
            e.resolutionCode = null;
            e.resolutionNote = null;
            e.gestureType = null;
            e.gestureAmount = null;
            e.gestureCurrency = null;
            e.closedAt = null;
            outbox.publish(CaseReopened.TYPE.of(new CaseReopened(
                    e.id, e.team, e.assignee, CaseStatus.ASSIGNED.name(), e.reopenedCount, now, e.resolutionDueAt)));
            return details;
        });
    }

    private static Conflict rootCauseRequired(CaseEntity e) {
        return new Conflict(
                "root-cause-required",
                "Root cause required",
                "case '" + e.id + "' has no root cause: set one (PUT /api/cases/{id}/root-causes) before closing it",
                "rootCauses");
    }

    /** What an action does to the locked case, at {@code now}; returns the history entry's details. */
    @FunctionalInterface
    private interface Step {
        Map<String, Object> apply(CaseEntity e, Instant now);
    }

    /** Whom an assignment gives the locked case to, among its team's members. */
    @FunctionalInterface
    private interface Chooser {
        String assignee(CaseEntity e, List<String> members);
    }

    private Case assignTo(CaseScope scope, UUID id, long expected, String actor, CaseAction action, Chooser chooser) {
        return change(scope, id, expected, actor, action, (e, now) -> {
            if (e.team == null) {
                throw new Conflict(
                        "not-routed",
                        "Case has no team",
                        "case '" + e.id + "' has no team yet: it is assigned within its team once it is routed",
                        "team");
            }
            List<String> members = teams.membersOf(e.team);
            String assignee = chooser.assignee(e, members);
            if (assignee == null || !members.contains(assignee)) {
                throw new Conflict(
                        "not-a-member",
                        "Not a member of the team",
                        "'" + assignee + "' is not a member of team '" + e.team + "'",
                        "assignee");
            }
            String previous = e.assignee;
            e.assignee = assignee;
            e.assignedAt = now;
            CaseStatus to = CaseWorkflow.next(e.status, action);
            outbox.publish(CaseAssigned.TYPE.of(
                    new CaseAssigned(e.id, e.team, assignee, previous, action.name(), to.name(), now)));
            Map<String, Object> details = details("assignee", assignee);
            details.put("previousAssignee", previous);
            return details;
        });
    }

    private Case change(CaseScope scope, UUID id, long expected, String actor, CaseAction action, Step step) {
        CaseEntity e = cases.lockForChange(id)
                .filter(c -> scope.covers(c.team))
                .orElseThrow(() -> NotFound.of("case", id.toString()));
        if (e.version != expected) {
            throw Revisions.stale("case", id, e.version, expected);
        }
        CaseStatus from = e.status;
        CaseStatus to = CaseWorkflow.next(from, action);
        // Postgres keeps microseconds: truncating keeps what is returned equal to what is read back.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Map<String, Object> details = step.apply(e, now);
        e.status = to;
        e.version++;
        e.updatedAt = now;
        history.append(e.id, now, actor, action.name(), from, to, details);
        return cases.toDomain(e);
    }

    private BusinessCalendar calendar(CaseEntity e) {
        return e.team == null
                ? BusinessCalendar.wallClock()
                : teams.scheduleOf(e.team).calendar();
    }

    private SlaTargets targets(CaseEntity e) {
        return SlaTargets.of(
                e.priority,
                e.firstContactTarget == null ? null : java.time.Duration.parse(e.firstContactTarget),
                e.resolutionTarget == null ? null : java.time.Duration.parse(e.resolutionTarget),
                config);
    }

    private static Instant resolutionClockFrom(CaseEntity e) {
        return e.resolutionClockFrom != null ? e.resolutionClockFrom : e.openedAt;
    }

    private static Map<String, Object> details(Object... pairs) {
        Map<String, Object> details = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            details.put((String) pairs[i], pairs[i + 1]);
        }
        return details;
    }
}
