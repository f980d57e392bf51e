package org.voc.cases.sla;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.voc.cases.config.SlaConfig;
import org.voc.cases.domain.TeamReplicaService;
import org.voc.cases.persistence.CaseHistoryRepository;
import org.voc.cases.persistence.SlaRepository;
import org.voc.cases.persistence.SlaRepository.Escalation;
import org.voc.events.CaseBreached;
import org.voc.events.CaseEscalated;
import org.voc.events.Event;
import org.voc.kit.outbox.Outbox;

/**
 * Marks SLA breaches and escalates them along the team's ladder (docs/cases.md, "Breaches and escalation"). Every
 * replica runs it: due cases and breaches are claimed {@code FOR UPDATE SKIP LOCKED}, so concurrent sweeps take
 * disjoint rows, and each mark is an insert under a primary key that refuses a second one, acted on only when it
 * went in; so a clock breaches once and a ladder step fires once, whatever the number of replicas. Each batch is one
 * transaction: the marks, their history rows and their events (through the outbox) commit together or not at all.
 */
@Startup
@ApplicationScoped
public class SlaScheduler {

    private static final Logger LOG = Logger.getLogger(SlaScheduler.class);
    private static final String WAITING = "WAITING_ON_CUSTOMER";
    private static final Set<String> FINISHED = Set.of("RESOLVED", "CLOSED");
    /** When a breach that could not be judged yet (the case waits) is looked at again. */
    private static final Duration RECHECK = Duration.ofMinutes(1);

    /** What one sweep did. */
    public record Sweep(int breaches, int escalations) {}

    private final SlaRepository repository;
    private final CaseHistoryRepository history;
    private final TeamReplicaService teams;
    private final Outbox outbox;
    private final Clock clock;
    private final SlaConfig config;
    private final MeterRegistry registry;

    public SlaScheduler(
            SlaRepository repository,
            CaseHistoryRepository history,
            TeamReplicaService teams,
            Outbox outbox,
            Clock clock,
            SlaConfig config,
            MeterRegistry registry) {
        this.repository = repository;
        this.history = history;
        this.teams = teams;
        this.outbox = outbox;
        this.clock = clock;
        this.config = config;
        this.registry = registry;
        // Both counters exist from the start, at zero: a dashboard or an alert on breaches sees a series, not none.
        for (CaseClock each : CaseClock.values()) {
            registry.counter("voc.cases.breaches", "clock", each.name());
            registry.counter("voc.cases.escalations", "clock", each.name());
        }
    }

    @Scheduled(
            identity = "case-sla",
            every = "${voc.cases.sla.interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            Sweep sweep = sweep();
            if (sweep.breaches() > 0 || sweep.escalations() > 0) {
                LOG.debugf("SLA sweep: %d breaches, %d escalations", sweep.breaches(), sweep.escalations());
            }
        } catch (RuntimeException e) {
            // Nothing was marked in a failed batch: the next run finds the same cases due.
            LOG.errorf(e, "the SLA sweep failed; the next run retries");
        }
    }

    /**
     * Marks every clock due by now, then fires every ladder step due by now (a step due at the breach fires in the
     * same sweep), a batch per transaction. Call it outside any transaction.
     */
    public Sweep sweep() {
        // Postgres keeps microseconds: what is stored and what is published stay equal.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        int breaches = 0;
        for (CaseClock caseClock : CaseClock.values()) {
            int batch;
            do {
                batch = QuarkusTransaction.requiringNew().call(() -> markBatch(caseClock, now));
                breaches += batch;
            } while (batch >= config.batch());
        }
        int escalations = 0;
        int claimed;
        do {
            int[] batch = QuarkusTransaction.requiringNew().call(() -> escalateBatch(now));
            claimed = batch[0];
            escalations += batch[1];
        } while (claimed >= config.batch());
        return new Sweep(breaches, escalations);
    }

    private int markBatch(CaseClock caseClock, Instant now) {
        List<Breach> marked = repository.markDue(caseClock, now, config.batch());
        Map<String, TeamSchedule> schedules = new HashMap<>();
        Map<UUID, Instant> firstStepAt = new HashMap<>();
        for (Breach breach : marked) {
            TeamSchedule schedule = schedule(schedules, breach.team());
            List<EscalationLadder.Step> steps = schedule.ladder().steps();
            if (!steps.isEmpty()) {
                firstStepAt.put(
                        breach.caseId(),
                        schedule.calendar()
                                .dueAt(breach.breachedAt(), steps.get(0).after()));
            }
        }
        Set<UUID> inserted = repository.insertBreaches(marked, firstStepAt);
        List<CaseHistoryRepository.Entry> history = new ArrayList<>();
        List<Event<?>> events = new ArrayList<>();
        for (Breach breach : marked) {
            if (!inserted.contains(breach.caseId())) {
                continue;
            }
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("clock", caseClock.name());
            details.put("dueAt", breach.dueAt().toString());
            history.add(new CaseHistoryRepository.Entry(breach.caseId(), now, "BREACHED", details));
            events.add(CaseBreached.TYPE.of(new CaseBreached(
                    breach.caseId(),
                    breach.team(),
                    breach.touchpointKey(),
                    breach.priority(),
                    caseClock.name(),
                    breach.dueAt(),
                    breach.breachedAt())));
        }
        this.history.appendEach(history, SlaRepository.SYSTEM);
        outbox.publishAll(events);
        registry.counter("voc.cases.breaches", "clock", caseClock.name()).increment(events.size());
        return marked.size();
    }

    /** Returns the breaches claimed and the steps fired. */
    private int[] escalateBatch(Instant now) {
        List<OpenBreach> claimed = repository.claimEscalations(now, config.batch());
        Map<UUID, List<Pause>> pauses = repository.pauses(
                claimed.stream().map(OpenBreach::caseId).distinct().toList());
        Map<String, TeamSchedule> schedules = new HashMap<>();
        List<Escalation> toFire = new ArrayList<>();
        List<SlaRepository.Reschedule> moves = new ArrayList<>(claimed.size());
        Map<String, EscalationLadder.Step> stepOf = new HashMap<>();
        for (OpenBreach breach : claimed) {
            if (breach.met() || FINISHED.contains(breach.status())) {
                // Met or finished since the breach: nobody needs telling any more.
                moves.add(new SlaRepository.Reschedule(breach.caseId(), breach.clock(), breach.nextStep(), null));
                continue;
            }
            if (WAITING.equals(breach.status())) {
                // The clock stands still while the case waits; looked at again a little later (not in this sweep,
                // which would otherwise claim the same breaches again and again).
                moves.add(new SlaRepository.Reschedule(
                        breach.caseId(), breach.clock(), breach.nextStep(), now.plus(RECHECK)));
                continue;
            }
            TeamSchedule schedule = schedule(schedules, breach.team());
            List<EscalationLadder.Step> steps = schedule.ladder().steps();
            List<Pause> paused = pauses.getOrDefault(breach.caseId(), List.of());
            Duration since = schedule.calendar().elapsed(breach.breachedAt(), now, paused);
            int next = breach.nextStep();
            while (next <= steps.size() && steps.get(next - 1).after().compareTo(since) <= 0) {
                EscalationLadder.Step step = steps.get(next - 1);
                toFire.add(new Escalation(breach.caseId(), breach.clock(), next, step.label(), step.recipients()));
                stepOf.put(SlaRepository.key(breach.caseId(), breach.clock(), next), step);
                next++;
            }
            Instant nextAt = next > steps.size()
                    ? null
                    : schedule.calendar()
                            .dueAt(breach.breachedAt(), steps.get(next - 1).after(), paused)
                            .orElse(now.plus(RECHECK));
            if (nextAt != null && !nextAt.isAfter(now)) {
                // Never due again within this sweep: each sweep claims a breach at most once.
                nextAt = now.plus(RECHECK);
            }
            moves.add(new SlaRepository.Reschedule(breach.caseId(), breach.clock(), next, nextAt));
        }
        repository.reschedule(moves);
        Set<String> fired = repository.insertEscalations(toFire, now);
        Map<String, OpenBreach> byClock = new HashMap<>();
        claimed.forEach(b -> byClock.put(b.caseId() + "/" + b.clock(), b));
        List<CaseHistoryRepository.Entry> history = new ArrayList<>();
        List<Event<?>> events = new ArrayList<>();
        for (Escalation escalation : toFire) {
            String key = SlaRepository.key(escalation.caseId(), escalation.clock(), escalation.step());
            if (!fired.contains(key)) {
                continue;
            }
            OpenBreach breach = byClock.get(escalation.caseId() + "/" + escalation.clock());
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("clock", escalation.clock().name());
            details.put("step", escalation.step());
            details.put("label", escalation.label());
            details.put("recipients", escalation.recipients());
            history.add(new CaseHistoryRepository.Entry(escalation.caseId(), now, "ESCALATED", details));
            events.add(CaseEscalated.TYPE.of(new CaseEscalated(
                    escalation.caseId(),
                    breach.team(),
                    breach.touchpointKey(),
                    escalation.clock().name(),
                    escalation.step(),
                    escalation.label(),
                    escalation.recipients(),
                    stepOf.get(key).after().toString(),
                    breach.breachedAt(),
                    now)));
            registry.counter(
                            "voc.cases.escalations", "clock", escalation.clock().name())
                    .increment();
        }
        this.history.appendEach(history, SlaRepository.SYSTEM);
        outbox.publishAll(events);
        return new int[] {claimed.size(), events.size()};
    }

    private TeamSchedule schedule(Map<String, TeamSchedule> schedules, String team) {
        if (team == null) {
            return TeamSchedule.unknown(null);
        }
        return schedules.computeIfAbsent(team, teams::scheduleOf);
    }
}
