package org.voc.cases.rules.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.voc.cases.domain.CasePriority;
import org.voc.cases.rules.persistence.CaseRuleEntity;
import org.voc.cases.rules.persistence.CaseRuleRepository;
import org.voc.kit.problem.Conflict;
import org.voc.kit.problem.Invalid;
import org.voc.kit.problem.NotFound;
import org.voc.kit.problem.Revisions;
import org.voc.kit.problem.Violation;

/**
 * Creates, changes and deletes case rules. Every change raises the rule set's generation in the same transaction,
 * which is how every replica's {@link RuleBook} learns that its cached rules are stale.
 */
@ApplicationScoped
public class CaseRuleService {

    /** Every response is checked against every enabled rule: the count bounds the consumer's cost per response. */
    public static final int MAX_RULES = 200;
    /** Longer than any SLA target a team would promise: a larger one is a typo. */
    public static final Duration MAX_TARGET = Duration.ofDays(366);

    /** A rule's fields as the caller wants them. */
    public record Fields(
            String name,
            boolean enabled,
            RuleConditions conditions,
            CasePriority priority,
            Duration firstContactTarget,
            Duration resolutionTarget,
            String team,
            boolean recoverySurvey) {}

    private final CaseRuleRepository rules;
    private final EntityManager em;

    public CaseRuleService(CaseRuleRepository rules, EntityManager em) {
        this.rules = rules;
        this.em = em;
    }

    @Transactional
    public CaseRule create(Fields fields) {
        check(fields);
        // Taken first: two concurrent creations cannot both pass the count.
        rules.bumpGeneration();
        if (rules.count() >= MAX_RULES) {
            throw new Conflict(
                    "too-many-rules",
                    "Too many case rules",
                    "at most " + MAX_RULES + " case rules; delete or change one instead",
                    null);
        }
        CaseRuleEntity rule = new CaseRuleEntity();
        rule.id = UUID.randomUUID();
        rule.createdAt = now();
        apply(rule, fields);
        rules.persistAndFlush(rule);
        return rules.toRule(rule);
    }

    @Transactional
    public CaseRule change(UUID id, long expectedRevision, Fields fields) {
        check(fields);
        CaseRuleEntity rule = current(id, expectedRevision);
        apply(rule, fields);
        em.flush();
        rules.bumpGeneration();
        return rules.toRule(rule);
    }

    @Transactional
    public void delete(UUID id, long expectedRevision) {
        CaseRuleEntity rule = current(id, expectedRevision);
        rules.delete(rule);
        rules.bumpGeneration();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CaseRule get(UUID id) {
        return rules.findEntity(id).map(rules::toRule).orElseThrow(() -> NotFound.of("case rule", id.toString()));
    }

    /** Every rule, by name (there are at most {@value #MAX_RULES}). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CaseRule> list() {
        return rules.all().stream()
                .sorted(Comparator.comparing(CaseRule::name).thenComparing(CaseRule::id))
                .toList();
    }

    private CaseRuleEntity current(UUID id, long expectedRevision) {
        CaseRuleEntity rule = rules.findEntity(id).orElseThrow(() -> NotFound.of("case rule", id.toString()));
        if (rule.version != expectedRevision) {
            throw Revisions.stale("case rule", id, rule.version, expectedRevision);
        }
        return rule;
    }

    private void apply(CaseRuleEntity rule, Fields f) {
        rule.name = f.name().strip();
        rule.enabled = f.enabled();
        rule.conditions = rules.write(f.conditions());
        rule.priority = f.priority();
        rule.firstContactTarget = f.firstContactTarget().toString();
        rule.resolutionTarget = f.resolutionTarget().toString();
        rule.team = f.team();
        rule.recoverySurvey = f.recoverySurvey();
        rule.updatedAt = now();
    }

    /** The rules of a rule that the API's field constraints cannot say; every field at fault is named. */
    private static void check(Fields f) {
        List<Violation> violations = new ArrayList<>();
        if (!f.conditions().asksAboutAnswers()) {
            violations.add(new Violation(
                    "conditions",
                    "must ask about the answers (nps, csat, ces, cli, rating or text): filters alone"
                            + " would open a case for every response"));
        }
        List<String> text = f.conditions().textAnyOf();
        for (int i = 0; i < text.size(); i++) {
            if (WordForms.stems(text.get(i)).isEmpty()) {
                violations.add(new Violation("conditions.text.anyOf[" + i + "]", "must contain a word"));
            }
        }
        target("firstContactTarget", f.firstContactTarget(), violations);
        target("resolutionTarget", f.resolutionTarget(), violations);
        if (f.firstContactTarget().compareTo(f.resolutionTarget()) > 0) {
            violations.add(new Violation("resolutionTarget", "must not be shorter than firstContactTarget"));
        }
        if (!violations.isEmpty()) {
            throw Invalid.of(violations);
        }
    }

    private static void target(String field, Duration target, List<Violation> violations) {
        if (target.isNegative() || target.isZero() || target.compareTo(MAX_TARGET) > 0) {
            violations.add(new Violation(field, "must be a positive duration of at most P366D"));
        }
    }

    private static Instant now() {
        // Postgres keeps microseconds: the value read back equals the one returned.
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
