package org.voc.cases.rules.domain;

import java.time.Duration;
import java.util.List;
import org.voc.cases.domain.CasePriority;

/**
 * What the rules a response matched decide for its one case: the highest of their priorities, the strictest (shortest)
 * of their SLA targets, and the team override of the highest-priority rule that names one (null: the touchpoint's
 * owner). {@code rules} lists every rule matched, in the rule set's order.
 */
public record Verdict(
        List<MatchedRule> rules,
        CasePriority priority,
        Duration firstContactTarget,
        Duration resolutionTarget,
        String team) {}
