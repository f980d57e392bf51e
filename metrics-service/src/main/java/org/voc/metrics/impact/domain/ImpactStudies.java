package org.voc.metrics.impact.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.voc.events.ActionDone;
import org.voc.kit.problem.Invalid;
import org.voc.kit.problem.NotFound;
import org.voc.metrics.alerts.domain.MetricWindows;
import org.voc.metrics.impact.persistence.StudyEntity;
import org.voc.metrics.impact.persistence.StudyRepository;

/**
 * The studies of improvement actions: opened (or replaced) by each action's latest ActionDone, judged on receipt
 * when the after window has already closed (a fix that went live a month ago) and otherwise by the
 * {@link ImpactEvaluator}'s schedule; read with their verdict, or with the comparison so far while pending.
 */
@ApplicationScoped
public class ImpactStudies {

    private static final Logger LOG = Logger.getLogger(ImpactStudies.class);

    private final StudyRepository repository;
    private final MetricWindows metrics;
    private final ImpactEvaluator evaluator;
    private final ImpactConfig config;

    public ImpactStudies(
            StudyRepository repository, MetricWindows metrics, ImpactEvaluator evaluator, ImpactConfig config) {
        this.repository = repository;
        this.metrics = metrics;
        this.evaluator = evaluator;
        this.config = config;
    }

    /**
     * Why this consumer can never measure the action (a metric, question or touchpoint filter the metrics do not
     * know), for the dead-letter topic; null when it can.
     */
    public String unmeasurable(ActionDone event) {
        try {
            metrics.validate(event.metric(), event.question(), filters(event.touchpointKeys()));
            return null;
        } catch (Invalid e) {
            return "not measurable: "
                    + e.violations().stream()
                            .map(v -> v.field() + " " + v.message())
                            .collect(Collectors.joining("; "));
        }
    }

    /**
     * Opens the action's study, or replaces it when this done date is later than the one studied (its verdict, if
     * any, answered the earlier date and is dropped); an older or equal done date (a redelivery, a stale replay)
     * changes nothing, so the consumer is idempotent. A study already due is judged at once, in this transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(ActionDone event, Instant now) {
        StudyEntity study = repository.lockedForChange(event.actionId()).orElse(null);
        if (study != null && !event.doneAt().isAfter(study.doneAt)) {
            LOG.debugf("action %s done %s: the study of %s stands", event.actionId(), event.doneAt(), study.doneAt);
            return;
        }
        boolean opened = study == null;
        if (opened) {
            study = new StudyEntity();
            study.actionId = event.actionId();
        }
        apply(study, event, now);
        if (opened) {
            study.persist();
        }
        if (!study.afterTo.isAfter(evaluator.closedBy(now))) {
            evaluator.assess(study, now);
        }
    }

    private void apply(StudyEntity study, ActionDone event, Instant now) {
        study.title = event.title();
        study.ownerTeam = event.ownerTeam();
        study.touchpointKeys = List.copyOf(event.touchpointKeys());
        study.metric = metrics.validate(event.metric(), event.question(), filters(event.touchpointKeys()));
        study.question = event.question();
        study.target = event.target();
        study.doneAt = event.doneAt();
        study.windowDays = event.windowDays();
        study.minSample = event.minSample();
        study.afterFrom = boundary(event.doneAt());
        study.beforeFrom = study.afterFrom.minus(Duration.ofDays(event.windowDays()));
        study.afterTo = study.afterFrom.plus(Duration.ofDays(event.windowDays()));
        study.receivedAt = now;
        study.assessedAt = null;
        study.verdict = null;
        study.alpha = null;
        study.insufficientSample = null;
        study.targetMet = null;
        study.beforeN = null;
        study.beforeValue = null;
        study.beforeLower = null;
        study.beforeUpper = null;
        study.afterN = null;
        study.afterValue = null;
        study.afterLower = null;
        study.afterUpper = null;
        study.difference = null;
        study.pValue = null;
    }

    /**
     * The instant between the two windows: the done date on the roll-ups' hour grid, rounded up, so no hour bucket
     * is counted on both sides. The hour in which the fix went live counts as "before": the after window holds only
     * responses given once it was live.
     */
    static Instant boundary(Instant doneAt) {
        Instant hour = doneAt.truncatedTo(ChronoUnit.HOURS);
        return hour.equals(doneAt) ? hour : hour.plus(Duration.ofHours(1));
    }

    /** The study with its verdict, or while pending with the comparison up to {@code now}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Study get(UUID actionId, Instant now) {
        StudyEntity s = repository.study(actionId).orElseThrow(() -> NotFound.of("Impact study", actionId));
        if (s.assessedAt != null) {
            return view(s);
        }
        Instant cut = now.isBefore(s.afterTo) ? now : s.afterTo;
        Instant afterTo = cut.isAfter(s.afterFrom) ? cut : s.afterFrom;
        MetricWindows.Comparison c = evaluator.compare(s, afterTo);
        Verdicts.Judgement so = Verdicts.judge(c, s.minSample, config.alpha(), s.target);
        return new Study(
                s.actionId,
                s.title,
                s.ownerTeam,
                s.touchpointKeys,
                s.metric,
                s.question,
                s.target,
                s.doneAt,
                s.windowDays,
                s.minSample,
                s.receivedAt,
                dueAt(s),
                true,
                null,
                new Study.Window(
                        s.beforeFrom,
                        s.afterFrom,
                        c.baselineN(),
                        c.baseline(),
                        ImpactEvaluator.lower(c.baselineInterval()),
                        ImpactEvaluator.upper(c.baselineInterval())),
                new Study.Window(
                        s.afterFrom,
                        afterTo,
                        c.currentN(),
                        c.current(),
                        ImpactEvaluator.lower(c.currentInterval()),
                        ImpactEvaluator.upper(c.currentInterval())),
                c.difference(),
                c.pValue(),
                config.alpha(),
                so.insufficientSample(),
                null,
                so.targetMet());
    }

    /** Newest done date first; a pending study is listed without windows (read it alone for the figures so far). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Study> list(Study.Verdict verdict, Boolean pending, Instant beforeDone, UUID beforeId, int limit) {
        return repository.studies(verdict, pending, beforeDone, beforeId, limit).stream()
                .map(this::view)
                .toList();
    }

    private Study view(StudyEntity s) {
        boolean assessed = s.assessedAt != null;
        return new Study(
                s.actionId,
                s.title,
                s.ownerTeam,
                s.touchpointKeys,
                s.metric,
                s.question,
                s.target,
                s.doneAt,
                s.windowDays,
                s.minSample,
                s.receivedAt,
                dueAt(s),
                false,
                s.assessedAt,
                assessed
                        ? new Study.Window(
                                s.beforeFrom, s.afterFrom, s.beforeN, s.beforeValue, s.beforeLower, s.beforeUpper)
                        : null,
                assessed
                        ? new Study.Window(s.afterFrom, s.afterTo, s.afterN, s.afterValue, s.afterLower, s.afterUpper)
                        : null,
                s.difference,
                s.pValue,
                assessed ? s.alpha : config.alpha(),
                s.insufficientSample,
                s.verdict,
                s.targetMet);
    }

    private Instant dueAt(StudyEntity s) {
        return s.afterTo.plus(config.settle());
    }

    private static Map<String, List<String>> filters(List<String> touchpointKeys) {
        return Map.of("touchpoint", touchpointKeys);
    }
}
