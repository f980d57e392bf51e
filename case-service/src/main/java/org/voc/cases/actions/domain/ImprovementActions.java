package org.voc.cases.actions.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.voc.cases.actions.persistence.ActionEntity;
import org.voc.cases.actions.persistence.ActionHistoryRepository;
import org.voc.cases.actions.persistence.ActionRepository;
import org.voc.cases.config.ActionConfig;
import org.voc.cases.domain.Case;
import org.voc.cases.domain.CaseScope;
import org.voc.cases.domain.CaseService;
import org.voc.events.ActionDone;
import org.voc.events.ActionImpactAssessed;
import org.voc.events.ActionVerified;
import org.voc.kit.outbox.Outbox;
import org.voc.kit.problem.Conflict;
import org.voc.kit.problem.Invalid;
import org.voc.kit.problem.NotFound;
import org.voc.kit.problem.Revisions;

/**
 * Improvement actions of the outer loop (docs/cases.md, "Improvement actions"): every change locks the action,
 * checks the caller's ETag and the transition table ({@link ActionWorkflow}), changes it, raises its version and
 * appends its history in one transaction; DONE publishes {@link ActionDone} and VERIFIED {@link ActionVerified} through
 * the outbox in that transaction,
 * and metrics-service's verdicts come back through {@link #applyVerdicts}.
 */
@ApplicationScoped
public class ImprovementActions {

    /** Who the history names for what the service does itself (storing a verdict). */
    public static final String SERVICE = "case-service";

    private final ActionRepository actions;
    private final ActionHistoryRepository history;
    private final CaseService cases;
    private final RootCauseCatalog rootCauses;
    private final ActionConfig config;
    private final Outbox outbox;
    private final Clock clock;

    public ImprovementActions(
            ActionRepository actions,
            ActionHistoryRepository history,
            CaseService cases,
            RootCauseCatalog rootCauses,
            ActionConfig config,
            Outbox outbox,
            Clock clock) {
        this.actions = actions;
        this.history = history;
        this.cases = cases;
        this.rootCauses = rootCauses;
        this.config = config;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The verdict override of VERIFY: who overrides is the actor, {@code reason} says why. */
    public record Override(String reason) {}

    @Transactional
    public ImprovementAction create(String actor, ActionContent content) {
        return insert(actor, content, "CREATE", Map.of());
    }

    /**
     * A case agent's proposal from a case they can see: PROPOSED, linked to that case, the case's touchpoint among its
     * touchpoints and the case's team as owner team.
     */
    @Transactional
    public ImprovementAction propose(CaseScope scope, UUID caseId, String actor, ActionContent content) {
        Case found = cases.get(scope, caseId);
        List<String> touchpoints = new ArrayList<>();
        if (found.touchpointKey() != null) {
            touchpoints.add(found.touchpointKey());
        }
        touchpoints.addAll(content.touchpointKeys());
        if (touchpoints.isEmpty()) {
            throw new Conflict(
                    "no-touchpoint",
                    "Case has no touchpoint",
                    "case '" + caseId + "' has no touchpoint, and the proposal names none",
                    "touchpointKeys");
        }
        ActionContent filled = new ActionContent(
                content.title(),
                content.description(),
                found.team(),
                content.rootCauseIds(),
                List.copyOf(new LinkedHashSet<>(touchpoints)),
                content.dueDate(),
                content.metric(),
                content.question(),
                content.target(),
                content.windowDays(),
                content.minSample());
        ImprovementAction created = insert(actor, filled, "PROPOSE", Map.of("caseId", caseId.toString()));
        actions.link(created.id(), List.of(caseId), created.createdAt());
        return actions.find(created.id()).orElseThrow();
    }

    @Transactional
    public ImprovementAction update(UUID id, long expected, String actor, ActionContent content) {
        checkRootCauses(content.rootCauseIds());
        return change(id, expected, actor, ActionStep.UPDATE, (e, now) -> {
            write(e, content);
            actions.replaceTargets(e.id, content.touchpointKeys(), content.rootCauseIds());
            return details("title", e.title);
        });
    }

    @Transactional
    public ImprovementAction approve(UUID id, long expected, String actor) {
        return change(id, expected, actor, ActionStep.APPROVE, (e, now) -> details());
    }

    @Transactional
    public ImprovementAction start(UUID id, long expected, String actor) {
        return change(id, expected, actor, ActionStep.START, (e, now) -> details());
    }

    @Transactional
    public ImprovementAction reject(UUID id, long expected, String actor, String reason) {
        return change(id, expected, actor, ActionStep.REJECT, (e, now) -> details("reason", reason));
    }

    /**
     * The fix went live at {@code doneAt} (now when null; never in the future): publishes {@link ActionDone} for
     * metrics-service to measure it.
     */
    @Transactional
    public ImprovementAction done(UUID id, long expected, String actor, Instant doneAt) {
        return change(id, expected, actor, ActionStep.DONE, (e, now) -> {
            Instant live = doneAt == null ? now : doneAt.truncatedTo(ChronoUnit.MICROS);
            if (live.isAfter(now)) {
                throw Invalid.field("doneAt", "must not be in the future");
            }
            List<String> touchpoints = actions.find(e.id).orElseThrow().touchpointKeys();
            e.doneAt = live;
            e.clearVerdict();
            outbox.publish(ActionDone.TYPE.of(new ActionDone(
                    e.id,
                    e.title,
                    e.ownerTeam,
                    touchpoints,
                    e.metric,
                    e.question,
                    e.target,
                    live,
                    e.windowDays,
                    e.minSample)));
            return details("doneAt", live.toString());
        });
    }

    /** Back to work: the measurement of the previous doneAt, and its verdict, are dropped. */
    @Transactional
    public ImprovementAction reopen(UUID id, long expected, String actor, String reason) {
        return change(id, expected, actor, ActionStep.REOPEN, (e, now) -> {
            Map<String, Object> details = details("reason", reason, "previousDoneAt", String.valueOf(e.doneAt));
            details.put("previousVerdict", e.verdict);
            e.doneAt = null;
            e.clearVerdict();
            return details;
        });
    }

    /**
     * VERIFIED when the verdict for the current doneAt is IMPROVED; otherwise only with an override, whose reason and
     * the verdict it overrode are kept in the history with who gave it.
     */
    @Transactional
    public ImprovementAction verify(UUID id, long expected, String actor, Override override) {
        return change(id, expected, actor, ActionStep.VERIFY, (e, now) -> {
            Map<String, Object> details = details("verdict", e.verdict);
            boolean improved = ImpactVerdict.IMPROVED.equals(e.verdict);
            if (!improved && override == null) {
                throw e.verdict == null
                        ? new Conflict(
                                "verdict-pending",
                                "No verdict yet",
                                "improvement action '" + e.id + "' has no verdict for its doneAt " + e.doneAt
                                        + " yet: VERIFIED needs IMPROVED, or an override with a reason",
                                "verdict")
                        : new Conflict(
                                "verdict-not-improved",
                                "Verdict is not IMPROVED",
                                "improvement action '" + e.id + "' was assessed " + e.verdict
                                        + ": VERIFIED needs IMPROVED, or an override with a reason",
                                "verdict");
            }
            if (override != null) {
                details.put("override", true);
                details.put("reason", override.reason());
            }
            announce(e.id, e.title, now);
            return details;
        });
    }

    /**
     * "You said, we did" (docs/improvement.md): the customers of the linked cases (erased ones have none left), in
     * parts of at most {@value ActionVerified#MAX_CUSTOMERS}, for survey-service to announce to those it may contact.
     */
    private void announce(UUID id, String title, Instant now) {
        List<String> touchpoints = actions.find(id).orElseThrow().touchpointKeys();
        List<String> customers = actions.linkedCustomers(id);
        int parts = Math.max(1, (customers.size() + ActionVerified.MAX_CUSTOMERS - 1) / ActionVerified.MAX_CUSTOMERS);
        for (int part = 0; part < parts; part++) {
            outbox.publish(ActionVerified.TYPE.of(new ActionVerified(
                    id,
                    title,
                    touchpoints,
                    customers.subList(
                            part * ActionVerified.MAX_CUSTOMERS,
                            Math.min(customers.size(), (part + 1) * ActionVerified.MAX_CUSTOMERS)),
                    part + 1,
                    parts,
                    now)));
        }
    }

    /** Links cases (400 naming caseIds for an id no case has); a case already linked stays linked once. */
    @Transactional
    public ImprovementAction link(UUID id, long expected, String actor, List<UUID> caseIds) {
        Set<UUID> missing = actions.missingCases(caseIds);
        if (!missing.isEmpty()) {
            throw Invalid.field("caseIds", "no case has the ids " + missing);
        }
        return touch(id, expected, actor, "LINK_CASES", (e, now) -> {
            List<UUID> linked = actions.link(e.id, new LinkedHashSet<>(caseIds), now);
            return details("caseIds", linked.stream().map(UUID::toString).toList());
        });
    }

    @Transactional
    public ImprovementAction unlink(UUID id, long expected, String actor, UUID caseId) {
        return touch(id, expected, actor, "UNLINK_CASE", (e, now) -> {
            if (!actions.unlink(e.id, caseId)) {
                throw NotFound.of("linked case", caseId.toString());
            }
            return details("caseId", caseId.toString());
        });
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ImprovementAction get(UUID id) {
        return actions.find(id).orElseThrow(() -> NotFound.of("improvement action", id.toString()));
    }

    /**
     * How often the action's root causes recurred at its touchpoints in the verdict's two windows; null before the
     * action is DONE. The after window may still be open: it counts what has come so far.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Recurrence recurrence(ImprovementAction a) {
        if (a.doneAt() == null) {
            return null;
        }
        Duration window = Duration.ofDays(a.windowDays());
        Instant from = a.doneAt().minus(window);
        Instant to = a.doneAt().plus(window);
        return new Recurrence(actions.recurrence(a.id(), from, a.doneAt()), actions.recurrence(a.id(), a.doneAt(), to));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ImprovementAction> list(ActionFilter filter, ActionOrder order, int limit) {
        return actions.list(filter, order, limit);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ActionHistoryEntry> history(UUID id, int limit) {
        get(id);
        return history.of(id, limit);
    }

    /** A page of the action's linked cases the caller may see, most recently linked first, with when each was. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<LinkedCase> cases(UUID id, CaseScope scope, Instant afterAt, UUID afterId, int limit) {
        get(id);
        if (!scope.isAll() && scope.teams().isEmpty()) {
            return List.of();
        }
        return actions.linkedCases(id, scope, afterAt, afterId, limit).stream()
                .map(row -> new LinkedCase(cases.get(scope, row.getKey()), row.getValue()))
                .toList();
    }

    /** A case linked to an action, and since when. */
    public record LinkedCase(Case linked, Instant linkedAt) {}

    /**
     * Stores metrics-service's verdicts: each on its action when it is about the action's current doneAt and newer
     * than the one stored (a replay, a verdict of an earlier doneAt or of a deleted action changes nothing).
     */
    @Transactional
    public void applyVerdicts(List<ActionImpactAssessed> verdicts) {
        for (ActionImpactAssessed v : verdicts) {
            ActionEntity e = actions.lockForChange(v.actionId()).orElse(null);
            if (e == null
                    || e.doneAt == null
                    || !e.doneAt.equals(v.doneAt().truncatedTo(ChronoUnit.MICROS))
                    || (e.verdictAssessedAt != null && !v.assessedAt().isAfter(e.verdictAssessedAt))) {
                continue;
            }
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            e.verdict = v.verdict().name();
            e.verdictBeforeN = v.before().n();
            e.verdictBeforeValue = v.before().value();
            e.verdictAfterN = v.after().n();
            e.verdictAfterValue = v.after().value();
            e.verdictDifference = v.difference();
            e.verdictPValue = v.pValue();
            e.verdictTargetMet = v.targetMet();
            e.verdictInsufficient = v.insufficientSample();
            e.verdictAssessedAt = v.assessedAt().truncatedTo(ChronoUnit.MICROS);
            e.version++;
            e.updatedAt = now;
            Map<String, Object> details = details("verdict", e.verdict, "pValue", v.pValue());
            details.put("difference", v.difference());
            details.put("assessedAt", e.verdictAssessedAt.toString());
            history.append(e.id, now, SERVICE, "VERDICT", e.status, e.status, details);
        }
    }

    /** What a step does to the locked action, at {@code now}; returns the history entry's details. */
    @FunctionalInterface
    private interface Step {
        Map<String, Object> apply(ActionEntity e, Instant now);
    }

    private ImprovementAction insert(String actor, ActionContent content, String action, Map<String, Object> more) {
        checkRootCauses(content.rootCauseIds());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        ActionEntity e = new ActionEntity();
        e.id = UUID.randomUUID();
        e.status = ActionStatus.PROPOSED;
        e.createdAt = now;
        e.createdBy = actor;
        e.updatedAt = now;
        write(e, content);
        actions.insert(e);
        actions.replaceTargets(e.id, content.touchpointKeys(), content.rootCauseIds());
        Map<String, Object> details = details("title", e.title);
        details.putAll(more);
        history.append(e.id, now, actor, action, null, ActionStatus.PROPOSED, details);
        return actions.toDomain(e);
    }

    private void write(ActionEntity e, ActionContent content) {
        e.title = content.title();
        e.description = content.description();
        e.ownerTeam = content.ownerTeam();
        e.dueDate = content.dueDate();
        e.metric = content.metric() == null ? "nps" : content.metric();
        e.question = content.question();
        e.target = content.target();
        e.windowDays = content.windowDays() == null ? config.impactWindowDays() : content.windowDays();
        e.minSample = content.minSample() == null ? config.minSample() : content.minSample();
    }

    private void checkRootCauses(List<UUID> ids) {
        Set<UUID> unknown = rootCauses.unknown(ids);
        if (!unknown.isEmpty()) {
            throw Invalid.field("rootCauseIds", "names no root cause: " + unknown);
        }
    }

    private ImprovementAction change(UUID id, long expected, String actor, ActionStep step, Step change) {
        return locked(id, expected, (e, now) -> {
            ActionStatus from = e.status;
            ActionStatus to = ActionWorkflow.next(e.id, from, step);
            Map<String, Object> details = change.apply(e, now);
            e.status = to;
            history.append(e.id, now, actor, step.name(), from, to, details);
            return details;
        });
    }

    /** A change that is no step of the workflow (linking cases): any status, the ETag still checked. */
    private ImprovementAction touch(UUID id, long expected, String actor, String action, Step change) {
        return locked(id, expected, (e, now) -> {
            Map<String, Object> details = change.apply(e, now);
            history.append(e.id, now, actor, action, e.status, e.status, details);
            return details;
        });
    }

    private ImprovementAction locked(UUID id, long expected, Step change) {
        ActionEntity e = actions.lockForChange(id).orElseThrow(() -> NotFound.of("improvement action", id.toString()));
        if (e.version != expected) {
            throw Revisions.stale("improvement action", id, e.version, expected);
        }
        // Postgres keeps microseconds: truncating keeps what is returned equal to what is read back.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        change.apply(e, now);
        e.version++;
        e.updatedAt = now;
        return actions.toDomain(e);
    }

    private static Map<String, Object> details(Object... pairs) {
        Map<String, Object> details = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            details.put((String) pairs[i], pairs[i + 1]);
        }
        return details;
    }
}
