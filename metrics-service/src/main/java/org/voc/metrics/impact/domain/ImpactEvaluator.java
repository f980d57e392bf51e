package org.voc.metrics.impact.domain;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.voc.events.ActionImpactAssessed;
import org.voc.kit.outbox.Outbox;
import org.voc.kit.retention.Sweeps;
import org.voc.metrics.alerts.domain.MetricWindows;
import org.voc.metrics.impact.persistence.StudyEntity;
import org.voc.metrics.impact.persistence.StudyRepository;
import org.voc.metrics.stats.Interval;

/**
 * Takes the verdict of every study whose after window has closed, through the same comparison as
 * {@code GET /api/metrics/{metric}/compare} and alerts ({@link MetricWindows}). A verdict is taken once per action
 * and done date however many replicas run the schedule, as alerts do: one sweep lock lets one replica evaluate at a
 * time, studies are taken {@code FOR UPDATE SKIP LOCKED}, and the verdict and its event are written in one
 * transaction with {@code assessed_at}, which takes the study off the due list.
 */
@ApplicationScoped
public class ImpactEvaluator {

    private static final Logger LOG = Logger.getLogger(ImpactEvaluator.class);

    private final StudyRepository repository;
    private final MetricWindows metrics;
    private final Outbox outbox;
    private final Sweeps sweeps;
    private final ImpactConfig config;

    public ImpactEvaluator(
            StudyRepository repository, MetricWindows metrics, Outbox outbox, Sweeps sweeps, ImpactConfig config) {
        this.repository = repository;
        this.metrics = metrics;
        this.outbox = outbox;
        this.sweeps = sweeps;
        this.config = config;
    }

    @Scheduled(
            identity = "metrics-impact",
            every = "${voc.impact.interval:5m}",
            delayed = "${voc.impact.first-delay:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            assessDue(Instant.now());
        } catch (RuntimeException e) {
            // Every study not judged stays due: the next run takes it.
            LOG.warnf(e, "impact evaluation failed; the next run retries");
        }
    }

    /**
     * Judges every study whose after window closed at least the settling time before {@code now}, each in a
     * transaction of its own (one that fails is logged and retried by the next run). Call it outside any transaction.
     *
     * @return the studies judged; zero when another replica is evaluating
     */
    public long assessDue(Instant now) {
        Instant closedBy = closedBy(now);
        return sweeps.run("metrics.impact", Integer.MAX_VALUE, () -> assessAll(closedBy, now))
                .orElse(0);
    }

    /** A study whose after window ended by this instant is due at {@code now}. */
    Instant closedBy(Instant now) {
        return now.minus(config.settle());
    }

    private int assessAll(Instant closedBy, Instant now) {
        int assessed = 0;
        for (UUID id : repository.due(closedBy)) {
            try {
                if (QuarkusTransaction.requiringNew().call(() -> assessIfDue(id, closedBy, now))) {
                    assessed++;
                }
            } catch (RuntimeException e) {
                LOG.warnf(e, "impact of action %s not judged; the next run retries", id);
            }
        }
        return assessed;
    }

    private boolean assessIfDue(UUID id, Instant closedBy, Instant now) {
        StudyEntity study = repository.dueForUpdate(id, closedBy).orElse(null);
        if (study == null) {
            return false;
        }
        assess(study, now);
        return true;
    }

    /** Judges a study the caller holds locked and publishes the verdict, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    void assess(StudyEntity study, Instant now) {
        MetricWindows.Comparison c = compare(study, study.afterTo);
        Verdicts.Judgement judgement = Verdicts.judge(c, study.minSample, config.alpha(), study.target);
        study.assessedAt = now;
        study.verdict = judgement.verdict();
        study.alpha = config.alpha();
        study.insufficientSample = judgement.insufficientSample();
        study.targetMet = judgement.targetMet();
        study.beforeN = c.baselineN();
        study.beforeValue = c.baseline();
        study.beforeLower = lower(c.baselineInterval());
        study.beforeUpper = upper(c.baselineInterval());
        study.afterN = c.currentN();
        study.afterValue = c.current();
        study.afterLower = lower(c.currentInterval());
        study.afterUpper = upper(c.currentInterval());
        study.difference = c.difference();
        study.pValue = c.pValue();
        outbox.publish(ActionImpactAssessed.TYPE.of(event(study)));
        LOG.infof(
                "impact of action %s (done %s): %s %s → %s (p = %s): %s",
                study.actionId,
                study.doneAt,
                study.metric,
                study.beforeValue,
                study.afterValue,
                study.pValue,
                study.verdict);
    }

    /**
     * The metric at the study's touchpoints after the done date up to {@code afterTo} (the current side) against the
     * whole before window (the baseline). An after window not yet begun is empty: the before window is then read on
     * both sides and the after side reported empty, since the engine takes no empty range.
     */
    MetricWindows.Comparison compare(StudyEntity study, Instant afterTo) {
        Map<String, List<String>> filters = Map.of("touchpoint", study.touchpointKeys);
        if (!afterTo.isAfter(study.afterFrom)) {
            MetricWindows.Comparison before = metrics.compare(
                    study.metric,
                    study.question,
                    filters,
                    study.beforeFrom,
                    study.afterFrom,
                    study.beforeFrom,
                    study.afterFrom);
            return new MetricWindows.Comparison(
                    0,
                    null,
                    before.baselineN(),
                    before.baseline(),
                    null,
                    null,
                    before.higherIsWorse(),
                    null,
                    before.baselineInterval());
        }
        return metrics.compare(
                study.metric, study.question, filters, study.afterFrom, afterTo, study.beforeFrom, study.afterFrom);
    }

    private static ActionImpactAssessed event(StudyEntity s) {
        return new ActionImpactAssessed(
                s.actionId,
                s.doneAt,
                s.metric,
                s.question,
                s.touchpointKeys,
                new ActionImpactAssessed.Window(
                        s.beforeFrom, s.afterFrom, s.beforeN, s.beforeValue, s.beforeLower, s.beforeUpper),
                new ActionImpactAssessed.Window(
                        s.afterFrom, s.afterTo, s.afterN, s.afterValue, s.afterLower, s.afterUpper),
                s.difference,
                s.pValue,
                s.alpha,
                s.insufficientSample,
                ActionImpactAssessed.Verdict.valueOf(s.verdict.name()),
                s.targetMet,
                s.assessedAt);
    }

    static Double lower(Interval interval) {
        return interval == null ? null : interval.low();
    }

    static Double upper(Interval interval) {
        return interval == null ? null : interval.high();
    }
}
