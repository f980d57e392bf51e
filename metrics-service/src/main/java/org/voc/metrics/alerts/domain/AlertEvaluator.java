package org.voc.metrics.alerts.domain;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.voc.events.AlertFired;
import org.voc.events.AlertResolved;
import org.voc.kit.outbox.Outbox;
import org.voc.kit.retention.Sweeps;
import org.voc.metrics.alerts.persistence.AlertEntity;
import org.voc.metrics.alerts.persistence.AlertRepository;
import org.voc.metrics.alerts.persistence.AlertRuleEntity;

/**
 * Evaluates every enabled alert rule once per window. Windows end on the hour (the roll-ups' resolution), so a rule
 * is evaluated at most once an hour however often the schedule runs and however many replicas run it: a rule's
 * {@code last_window_to} records the window done, rules are taken {@code FOR UPDATE SKIP LOCKED}, and one sweep
 * lock lets one replica evaluate at a time. An alert fires once and stays open while its drop lasts (at most one
 * open alert per rule, one alert per rule and window): no alert storms.
 */
@ApplicationScoped
public class AlertEvaluator {

    private static final Logger LOG = Logger.getLogger(AlertEvaluator.class);

    private final AlertRepository repository;
    private final MetricWindows metrics;
    private final Outbox outbox;
    private final Sweeps sweeps;

    public AlertEvaluator(AlertRepository repository, MetricWindows metrics, Outbox outbox, Sweeps sweeps) {
        this.repository = repository;
        this.metrics = metrics;
        this.outbox = outbox;
        this.sweeps = sweeps;
    }

    @Scheduled(
            identity = "metrics-alerts",
            every = "${voc.alerts.interval:5m}",
            delayed = "${voc.alerts.first-delay:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            evaluateAll(Instant.now());
        } catch (RuntimeException e) {
            // The next run retries every rule not yet evaluated for its window: nothing is lost by waiting.
            LOG.warnf(e, "alert evaluation failed; the next run retries");
        }
    }

    /**
     * Evaluates every enabled rule whose window ending at the last full hour before {@code now} has not been
     * evaluated yet, each rule in a transaction of its own: a rule that fails (its metric query, a constraint) is
     * logged and retried by the next run, and never holds up the others. Call it outside any transaction.
     *
     * @return the rules evaluated; zero when another replica is evaluating
     */
    public long evaluateAll(Instant now) {
        Instant windowTo = now.truncatedTo(ChronoUnit.HOURS);
        return sweeps.run("metrics.alerts", Integer.MAX_VALUE, () -> evaluateDue(windowTo))
                .orElse(0);
    }

    private int evaluateDue(Instant windowTo) {
        int evaluated = 0;
        for (UUID id : repository.due(windowTo)) {
            try {
                if (QuarkusTransaction.requiringNew().call(() -> evaluate(id, windowTo))) {
                    evaluated++;
                }
            } catch (RuntimeException e) {
                LOG.warnf(
                        e, "alert rule %s not evaluated for the window ending %s; the next run retries", id, windowTo);
            }
        }
        return evaluated;
    }

    /** One rule, locked; false when another replica has it or has judged this window already. */
    private boolean evaluate(UUID id, Instant windowTo) {
        AlertRuleEntity rule = repository.dueForUpdate(id, windowTo).orElse(null);
        if (rule == null) {
            return false;
        }
        evaluate(rule, windowTo);
        rule.lastWindowTo = windowTo;
        return true;
    }

    private void evaluate(AlertRuleEntity rule, Instant windowTo) {
        Instant windowFrom = windowTo.minus(Duration.ofHours(rule.windowHours));
        Instant baselineFrom = windowFrom.minus(Duration.ofHours(rule.baselineHours));
        MetricWindows.Comparison c = metrics.compare(
                rule.metric, rule.question, rule.filters, windowFrom, windowTo, baselineFrom, windowFrom);
        String verdict = verdict(rule, c);
        AlertEntity open = repository.open(rule.id).orElse(null);
        if (verdict == null) {
            if (open == null) {
                fire(rule, c, windowFrom, windowTo, baselineFrom);
            } else {
                // Still worse: the alert keeps the figures of the window that fired it, and notes it still holds.
                open.lastSeenTo = windowTo;
            }
        } else if (open != null) {
            resolve(open, verdict, windowTo);
        }
    }

    /** Null when the rule fires; otherwise why it does not (the resolution of an open alert). */
    static String verdict(AlertRuleEntity rule, MetricWindows.Comparison c) {
        if (c.currentN() < rule.minSample || c.baselineN() < rule.minSample) {
            return "fewer than " + rule.minSample + " responses in the window or the baseline";
        }
        if (c.difference() == null) {
            return "no value to compare";
        }
        boolean worse = c.higherIsWorse() ? c.difference() > 0 : c.difference() < 0;
        if (!worse) {
            return "no longer worse than the baseline";
        }
        if (rule.alpha != null && (c.pValue() == null || c.pValue() >= rule.alpha)) {
            return "no longer significant at alpha " + rule.alpha;
        }
        if (rule.minChange != null && Math.abs(c.difference()) < rule.minChange) {
            return "change below " + rule.minChange;
        }
        return null;
    }

    private void fire(
            AlertRuleEntity rule,
            MetricWindows.Comparison c,
            Instant windowFrom,
            Instant windowTo,
            Instant baselineFrom) {
        AlertEntity alert = new AlertEntity();
        alert.id = UUID.randomUUID();
        alert.ruleId = rule.id;
        alert.ruleName = rule.name;
        alert.ruleRevision = rule.revision;
        alert.metric = rule.metric;
        alert.question = rule.question;
        alert.filters = rule.filters;
        alert.state = Alert.State.OPEN;
        alert.firedAt = Instant.now();
        figures(alert, c, windowFrom, windowTo, baselineFrom);
        alert.persist();
        outbox.publish(AlertFired.TYPE.of(new AlertFired(
                alert.id,
                rule.id,
                rule.name,
                rule.metric,
                rule.question,
                rule.filters,
                windowFrom,
                windowTo,
                baselineFrom,
                windowFrom,
                c.currentN(),
                c.current(),
                c.baselineN(),
                c.baseline(),
                c.difference(),
                c.pValue(),
                alert.firedAt)));
        LOG.infof(
                "alert %s fired for rule '%s': %s %s → %s (p = %s)",
                alert.id, rule.name, rule.metric, c.baseline(), c.current(), c.pValue());
    }

    private static void figures(
            AlertEntity alert, MetricWindows.Comparison c, Instant windowFrom, Instant windowTo, Instant baselineFrom) {
        alert.windowFrom = windowFrom;
        alert.windowTo = windowTo;
        alert.baselineFrom = baselineFrom;
        alert.baselineTo = windowFrom;
        alert.currentN = c.currentN();
        alert.current = c.current();
        alert.baselineN = c.baselineN();
        alert.baseline = c.baseline();
        alert.difference = c.difference();
        alert.pValue = c.pValue();
        alert.lastSeenTo = windowTo;
    }

    /** Resolves the rule's open alert, if any, in the caller's transaction (a rule changed or deleted). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void resolveOpen(UUID ruleId, String reason, Instant at) {
        repository.open(ruleId).ifPresent(open -> resolve(open, reason, at));
    }

    private void resolve(AlertEntity alert, String reason, Instant at) {
        alert.state = Alert.State.RESOLVED;
        alert.resolvedAt = at;
        alert.resolution = reason;
        outbox.publish(AlertResolved.TYPE.of(new AlertResolved(alert.id, alert.ruleId, reason, at)));
        LOG.infof("alert %s resolved: %s", alert.id, reason);
    }

    static Alert view(AlertEntity a) {
        return new Alert(
                a.id,
                a.ruleId,
                a.ruleName,
                a.metric,
                a.question,
                a.filters,
                a.state,
                a.windowFrom,
                a.windowTo,
                a.baselineFrom,
                a.baselineTo,
                a.currentN,
                a.current,
                a.baselineN,
                a.baseline,
                a.difference,
                a.pValue,
                a.firedAt,
                a.lastSeenTo,
                a.resolvedAt,
                a.resolution);
    }
}
