package org.voc.metrics.alerts.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import org.voc.kit.problem.Invalid;
import org.voc.kit.problem.NotFound;
import org.voc.kit.problem.Revisions;
import org.voc.metrics.alerts.persistence.AlertEntity;
import org.voc.metrics.alerts.persistence.AlertRepository;
import org.voc.metrics.alerts.persistence.AlertRuleEntity;

/** The alert rules analysts keep: checked against what the metrics can answer, changed under If-Match. */
@ApplicationScoped
public class AlertRules {

    /** Roll-ups are hourly: a window is a whole number of hours, at most a year. */
    static final Duration LONGEST = Duration.ofDays(366);

    private final AlertRepository repository;
    private final MetricWindows metrics;
    private final AlertEvaluator evaluator;

    public AlertRules(AlertRepository repository, MetricWindows metrics, AlertEvaluator evaluator) {
        this.repository = repository;
        this.metrics = metrics;
        this.evaluator = evaluator;
    }

    @Transactional
    public AlertRule create(AlertRule.Fields fields, String caller) {
        String metric = check(fields);
        AlertRuleEntity rule = new AlertRuleEntity();
        rule.id = UUID.randomUUID();
        rule.createdBy = caller;
        rule.createdAt = Instant.now();
        apply(rule, fields, metric);
        rule.revision = 0;
        rule.persist();
        return view(rule);
    }

    @Transactional
    public AlertRule change(UUID id, long expectedRevision, AlertRule.Fields fields) {
        AlertRuleEntity rule = locked(id);
        if (rule.revision != expectedRevision) {
            throw Revisions.stale("alert rule", id, rule.revision, expectedRevision);
        }
        String metric = check(fields);
        boolean sameQuestion = rule.metric.equals(metric)
                && Objects.equals(rule.question, fields.question())
                && rule.filters.equals(sorted(fields.filters()))
                && rule.windowHours == hours(fields.window())
                && rule.baselineHours == hours(fields.baseline());
        apply(rule, fields, metric);
        rule.revision++;
        if (!sameQuestion || !fields.enabled()) {
            // An open alert answers the old question (or a rule switched off): it no longer stands.
            evaluator.resolveOpen(rule.id, sameQuestion ? "rule disabled" : "rule changed", Instant.now());
            rule.lastWindowTo = null;
        }
        return view(rule);
    }

    @Transactional
    public void delete(UUID id, long expectedRevision) {
        AlertRuleEntity rule = locked(id);
        if (rule.revision != expectedRevision) {
            throw Revisions.stale("alert rule", id, rule.revision, expectedRevision);
        }
        evaluator.resolveOpen(rule.id, "rule deleted", Instant.now());
        rule.delete();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public AlertRule get(UUID id) {
        return view(repository.rule(id).orElseThrow(() -> notFound(id)));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AlertRule> list(UUID after, int limit) {
        return repository.rules(after, limit).stream().map(AlertRules::view).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Alert alert(UUID id) {
        return AlertEvaluator.view(repository.alert(id).orElseThrow(() -> NotFound.of("Alert", id)));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Alert> alerts(Alert.State state, UUID ruleId, Instant beforeFired, UUID beforeId, int limit) {
        List<AlertEntity> rows = repository.alerts(state, ruleId, beforeFired, beforeId, limit);
        return rows.stream().map(AlertEvaluator::view).toList();
    }

    private AlertRuleEntity locked(UUID id) {
        // Locked as read: two changes of one revision must not both pass the If-Match check.
        return repository.ruleForUpdate(id).orElseThrow(() -> notFound(id));
    }

    /** Refuses a rule that cannot be evaluated; returns its metric's canonical name. */
    private String check(AlertRule.Fields f) {
        if (f.name() == null || f.name().isBlank()) {
            throw Invalid.field("name", "must not be blank");
        }
        String metric = metrics.validate(f.metric(), f.question(), f.filters() == null ? Map.of() : f.filters());
        window("window", f.window());
        window("baseline", f.baseline());
        if (f.minSample() < 2) {
            throw Invalid.field("minSample", "must be at least 2: one response has no variance to test");
        }
        if (f.alpha() != null && !(f.alpha() > 0 && f.alpha() <= 0.5)) {
            throw Invalid.field("alpha", "must be above 0 and at most 0.5");
        }
        if (f.minChange() != null && !(f.minChange() > 0 && Double.isFinite(f.minChange()))) {
            throw Invalid.field("minChange", "must be a positive number, in the metric's unit");
        }
        if (f.alpha() == null && f.minChange() == null) {
            throw Invalid.field("alpha", "alpha or minChange (or both) must be set: otherwise every dip would fire");
        }
        return metric;
    }

    private static void window(String field, Duration value) {
        if (value == null) {
            throw Invalid.field(field, "must be an ISO duration such as P7D");
        }
        if (value.compareTo(Duration.ofHours(1)) < 0 || value.compareTo(LONGEST) > 0) {
            throw Invalid.field(field, "must be between PT1H and P366D");
        }
        if (!value.equals(value.truncatedTo(ChronoUnit.HOURS))) {
            throw Invalid.field(field, "must be a whole number of hours: the metrics are rolled up by the hour");
        }
    }

    private static void apply(AlertRuleEntity rule, AlertRule.Fields f, String metric) {
        rule.name = f.name().strip();
        rule.metric = metric;
        rule.question = f.question();
        rule.filters = sorted(f.filters());
        rule.windowHours = hours(f.window());
        rule.baselineHours = hours(f.baseline());
        rule.minSample = f.minSample();
        rule.alpha = f.alpha();
        rule.minChange = f.minChange();
        rule.enabled = f.enabled();
        rule.updatedAt = Instant.now();
    }

    private static Map<String, List<String>> sorted(Map<String, List<String>> filters) {
        Map<String, List<String>> sorted = new TreeMap<>();
        if (filters != null) {
            filters.forEach((k, v) -> {
                if (v != null && !v.isEmpty()) {
                    sorted.put(k, v.stream().sorted().distinct().toList());
                }
            });
        }
        return sorted;
    }

    private static int hours(Duration d) {
        return (int) d.toHours();
    }

    static AlertRule view(AlertRuleEntity r) {
        return new AlertRule(
                r.id,
                r.name,
                r.metric,
                r.question,
                r.filters,
                Duration.ofHours(r.windowHours),
                Duration.ofHours(r.baselineHours),
                r.minSample,
                r.alpha,
                r.minChange,
                r.enabled,
                r.revision,
                r.createdBy,
                r.createdAt,
                r.updatedAt,
                r.lastWindowTo);
    }

    private static NotFound notFound(UUID id) {
        return NotFound.of("Alert rule", id);
    }
}
