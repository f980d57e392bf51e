package org.voc.cases.domain;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.voc.cases.config.CaseConfig;
import org.voc.cases.persistence.CaseRepository;
import org.voc.cases.persistence.TouchpointReplicaRepository;
import org.voc.cases.rules.domain.RuleBook;
import org.voc.cases.rules.domain.RuleSet;
import org.voc.cases.rules.domain.Verdict;
import org.voc.events.ResponseSubmitted;
import org.voc.kit.problem.NotFound;

/**
 * Opens one case per response that matches the case rules, routed to the touchpoint's owner team unless a rule
 * names a team, and reads cases.
 */
@ApplicationScoped
public class CaseService {

    private static final String TEXT_ANSWER = "TEXT";

    private final CaseRepository cases;
    private final TouchpointReplicaRepository touchpoints;
    private final RuleBook rules;
    private final CaseConfig config;
    private final Counter opened;

    public CaseService(
            CaseRepository cases,
            TouchpointReplicaRepository touchpoints,
            RuleBook rules,
            CaseConfig config,
            MeterRegistry registry) {
        this.cases = cases;
        this.touchpoints = touchpoints;
        this.rules = rules;
        this.config = config;
        this.opened = registry.counter("voc.cases.opened");
    }

    /**
     * Opens a case for every response that matches at least one enabled rule, in one transaction and one insert for
     * the batch; a response matching several rules opens one case (see {@link Verdict}). A response that already has
     * a case (a redelivery or a replay) opens nothing. Returns how many were opened.
     */
    @Transactional
    public int open(List<ResponseSubmitted> responses) {
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

        // Postgres keeps microseconds: truncating keeps opened_at, due_at and the listing cursor exact.
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<Case> batch = new ArrayList<>(matching.size());
        for (ResponseSubmitted r : matching.values()) {
            Verdict verdict = verdicts.get(r.responseId());
            CasePriority priority = verdict.priority();
            String team = verdict.team() != null
                    ? verdict.team()
                    : r.touchpointKey() == null ? null : owners.get(r.touchpointKey());
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
                    now.plus(sla(priority)),
                    verdict.rules(),
                    verdict.firstContactTarget(),
                    verdict.resolutionTarget()));
        }
        int count = cases.insertNew(batch);
        opened.increment(count);
        return count;
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

    private Duration sla(CasePriority priority) {
        return priority == CasePriority.HIGH ? config.slaHigh() : config.slaNormal();
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
