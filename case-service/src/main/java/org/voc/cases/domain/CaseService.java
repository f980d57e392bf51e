package org.voc.cases.domain;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.voc.cases.causes.domain.ResponseTally;
import org.voc.cases.config.CaseConfig;
import org.voc.cases.persistence.CaseHistoryRepository;
import org.voc.cases.persistence.CaseRepository;
import org.voc.cases.persistence.TouchpointReplicaRepository;
import org.voc.cases.recovery.domain.RecoverySurveys;
import org.voc.cases.rules.domain.RuleBook;
import org.voc.cases.rules.domain.RuleSet;
import org.voc.cases.rules.domain.Verdict;
import org.voc.cases.sla.BusinessCalendar;
import org.voc.cases.sla.TeamSchedule;
import org.voc.events.CaseOpened;
import org.voc.events.CaseRouted;
import org.voc.events.ResponseSubmitted;
import org.voc.kit.outbox.Outbox;
import org.voc.kit.problem.NotFound;

/**
 * Opens one case per response that matches the case rules, routed to the touchpoint's owner team unless a rule
 * names a team, and reads cases.
 */
@ApplicationScoped
public class CaseService {

    private static final String TEXT_ANSWER = "TEXT";

    /** Who the history names for what the service does by itself (opening, routing). */
    static final String SERVICE_ACTOR = "case-service";

    private final CaseRepository cases;
    private final CaseHistoryRepository history;
    private final TouchpointReplicaRepository touchpoints;
    private final TeamReplicaService teams;
    private final RuleBook rules;
    private final ResponseTally tally;
    private final CaseConfig config;
    private final Outbox outbox;
    private final RecoverySurveys recoveries;
    private final Clock clock;
    private final Counter opened;

    public CaseService(
            CaseRepository cases,
            CaseHistoryRepository history,
            TouchpointReplicaRepository touchpoints,
            TeamReplicaService teams,
            RuleBook rules,
            ResponseTally tally,
            CaseConfig config,
            Outbox outbox,
            RecoverySurveys recoveries,
            Clock clock,
            MeterRegistry registry) {
        this.cases = cases;
        this.history = history;
        this.touchpoints = touchpoints;
        this.teams = teams;
        this.rules = rules;
        this.tally = tally;
        this.config = config;
        this.outbox = outbox;
        this.recoveries = recoveries;
        this.clock = clock;
        this.opened = registry.counter("voc.cases.opened");
    }

    /**
     * Opens a case for every response that matches at least one enabled rule, in one transaction and one insert for
     * the batch; a response matching several rules opens one case (see {@link Verdict}). A response that already has
     * a case (a redelivery or a replay) opens nothing. Each case gets its business-hours due times from its team's
     * calendar (read once per team and batch), a history entry and a {@code voc.case.opened.v1} naming the
     * touchpoint's RACI informed teams, in the same transaction, as is the responses' tally per touchpoint and day
     * (every response, case or not: {@link ResponseTally}). Recovery answers among the responses are recorded on
     * their cases first (they may open a case of their own, like any response). Returns how many were opened.
     */
    @Transactional
    public int open(List<ResponseSubmitted> responses) {
        tally.count(responses);
        Set<UUID> recovered = recoveries.record(responses);
        history.appendAll(
                recovered,
                clock.instant().truncatedTo(ChronoUnit.MICROS),
                SERVICE_ACTOR,
                "RECOVERY_ANSWER",
                null,
                null);
        RuleSet ruleSet = rules.current();
        Map<UUID, ResponseSubmitted> matching = new LinkedHashMap<>();
        Map<UUID, Verdict> verdicts = new HashMap<>();
        for (ResponseSubmitted response : responses) {
            if (matching.containsKey(response.responseId())) {
                continue;
            }
            Verdict verdict = ruleSet.evaluate(response);
            if (verdict != null) {
                matching.put(response.responseId(), response);
                verdicts.put(response.responseId(), verdict);
            }
        }
        if (matching.isEmpty()) {
            return 0;
        }
        Set<String> keys = matching.values().stream()
                .map(ResponseSubmitted::touchpointKey)
                .filter(Objects::nonNull)
                .collect(Collectors.toSet());
        touchpoints.lockRouting(keys);
        Map<String, String> owners = touchpoints.ownerTeams(keys);
        Map<String, List<String>> informed = touchpoints.informedTeams(keys);

        // Postgres keeps microseconds: truncating keeps opened_at, due_at and the listing cursor exact.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Map<UUID, String> teamOf = new HashMap<>();
        for (ResponseSubmitted r : matching.values()) {
            Verdict verdict = verdicts.get(r.responseId());
            teamOf.put(
                    r.responseId(),
                    verdict.team() != null
                            ? verdict.team()
                            : r.touchpointKey() == null ? null : owners.get(r.touchpointKey()));
        }
        Map<String, TeamSchedule> schedules = teams.schedulesOf(new HashSet<>(teamOf.values()));
        List<Case> batch = new ArrayList<>(matching.size());
        for (ResponseSubmitted r : matching.values()) {
            Verdict verdict = verdicts.get(r.responseId());
            CasePriority priority = verdict.priority();
            String team = teamOf.get(r.responseId());
            BusinessCalendar calendar = calendarOf(schedules, team);
            SlaTargets targets =
                    SlaTargets.of(priority, verdict.firstContactTarget(), verdict.resolutionTarget(), config);
            Instant firstContactDue = calendar.dueAt(now, targets.firstContact());
            batch.add(new Case(
                    UUID.randomUUID(),
                    r.responseId(),
                    r.surveyId(),
                    r.touchpointKey(),
                    team,
                    r.customerRef(),
                    r.nps(),
                    comment(r),
                    priority,
                    CaseStatus.OPEN,
                    now,
                    r.respondedAt(),
                    firstContactDue,
                    verdict.rules(),
                    verdict.firstContactTarget(),
                    verdict.resolutionTarget(),
                    Case.Work.opened(firstContactDue, calendar.dueAt(now, targets.resolution()), now)));
        }
        Set<UUID> inserted = cases.insertNew(batch);
        if (inserted.isEmpty()) {
            return 0;
        }
        history.appendAll(inserted, now, SERVICE_ACTOR, "OPEN", null, CaseStatus.OPEN);
        List<CaseOpened> events = new ArrayList<>(inserted.size());
        for (Case c : batch) {
            if (inserted.contains(c.id())) {
                events.add(new CaseOpened(
                        c.id(),
                        c.responseId(),
                        c.surveyId(),
                        c.touchpointKey(),
                        c.team(),
                        c.touchpointKey() == null ? List.of() : informed.getOrDefault(c.touchpointKey(), List.of()),
                        c.priority().name(),
                        c.nps(),
                        c.openedAt(),
                        c.work().firstContactDueAt(),
                        c.work().resolutionDueAt()));
            }
        }
        outbox.publishAll(events.stream().map(CaseOpened.TYPE::of).toList());
        opened.increment(inserted.size());
        return inserted.size();
    }

    /**
     * Gives cases routed late (their touchpoint's owner arrived after them) their team's due times, counted from
     * their opening, and publishes a {@code voc.case.routed.v1} for each, so the owner and the informed teams hear of
     * a case whose opened event named no team; part of the routing transaction. Cases somebody already works keep
     * their due times.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void routed(List<CaseRepository.Routed> routed) {
        if (routed.isEmpty()) {
            return;
        }
        Map<String, TeamSchedule> schedules = teams.schedulesOf(
                routed.stream().map(CaseRepository.Routed::team).collect(Collectors.toSet()));
        Map<String, List<String>> informed = touchpoints.informedTeams(
                routed.stream().map(CaseRepository.Routed::touchpointKey).collect(Collectors.toSet()));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<UUID> ids = new ArrayList<>();
        List<Instant> firstContact = new ArrayList<>();
        List<Instant> resolution = new ArrayList<>();
        List<CaseRouted> events = new ArrayList<>(routed.size());
        for (CaseRepository.Routed c : routed) {
            Instant firstContactDue = null;
            Instant resolutionDue = null;
            if (c.status() == CaseStatus.OPEN) {
                BusinessCalendar calendar = calendarOf(schedules, c.team());
                SlaTargets targets = SlaTargets.of(c.priority(), c.firstContactTarget(), c.resolutionTarget(), config);
                firstContactDue = calendar.dueAt(c.openedAt(), targets.firstContact());
                resolutionDue = calendar.dueAt(c.openedAt(), targets.resolution());
                ids.add(c.id());
                firstContact.add(firstContactDue);
                resolution.add(resolutionDue);
            }
            events.add(new CaseRouted(
                    c.id(),
                    c.touchpointKey(),
                    c.team(),
                    informed.getOrDefault(c.touchpointKey(), List.of()),
                    now,
                    firstContactDue,
                    resolutionDue));
        }
        cases.setDueTimes(ids, firstContact, resolution);
        history.appendAll(
                routed.stream().map(CaseRepository.Routed::id).toList(), now, SERVICE_ACTOR, "ROUTE", null, null);
        outbox.publishAll(events.stream().map(CaseRouted.TYPE::of).toList());
    }

    private static BusinessCalendar calendarOf(Map<String, TeamSchedule> schedules, String team) {
        TeamSchedule schedule = team == null ? null : schedules.get(team);
        return schedule == null ? BusinessCalendar.wallClock() : schedule.calendar();
    }

    /** The case, if it is in scope: a case out of scope is not found, so its existence does not leak. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Case get(CaseScope scope, UUID id) {
        return cases.find(id).filter(c -> scope.covers(c.team())).orElseThrow(() -> NotFound.of("case", id.toString()));
    }

    /** One page of the cases in scope that pass the filter. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Case> list(CaseScope scope, CaseFilter filter, CaseCursor after, int limit) {
        if (!scope.isAll() && scope.teams().isEmpty()) {
            return List.of();
        }
        return cases.list(scope, filter, after, limit);
    }

    /**
     * One page of a queue, within the caller's scope and the filter: {@code MINE} the cases the caller holds, {@code
     * TEAM} those of the teams that name the caller as a member, {@code UNASSIGNED} the OPEN cases nobody holds.
     * A caller without a user name has no queue of their own.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Case> queue(
            CaseQueue queue, String username, CaseScope scope, CaseFilter filter, CaseCursor after, int limit) {
        return switch (queue) {
            case MINE -> username == null ? List.of() : list(scope, filter.withAssignee(username), after, limit);
            case TEAM -> list(narrowed(scope, teams.scopeOf(username)), filter, after, limit);
            case UNASSIGNED -> list(scope, filter.onlyAwaitingAssignee(), after, limit);
        };
    }

    /** The history of a case in scope, oldest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<HistoryEntry> history(CaseScope scope, UUID id, int limit) {
        get(scope, id);
        return history.of(id, limit);
    }

    private static CaseScope narrowed(CaseScope scope, CaseScope own) {
        if (scope.isAll()) {
            return own;
        }
        Set<String> both = new HashSet<>(scope.teams());
        both.retainAll(own.teams());
        return CaseScope.teams(both);
    }

    /** What the customer wrote: the first free-text answer that says something. */
    private static String comment(ResponseSubmitted response) {
        if (response.answers() == null) {
            return null;
        }
        return response.answers().stream()
                .filter(a -> a != null
                        && TEXT_ANSWER.equalsIgnoreCase(a.type())
                        && a.text() != null
                        && !a.text().isBlank())
                .map(ResponseSubmitted.Answer::text)
                .findFirst()
                .orElse(null);
    }
}
