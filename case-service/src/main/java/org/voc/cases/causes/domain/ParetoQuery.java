package org.voc.cases.causes.domain;

import java.time.LocalDate;
import org.voc.cases.domain.CaseScope;

/**
 * What the Pareto of causes is asked about: the cases the caller may see, optionally of one team and one touchpoint,
 * whose response came on the UTC days {@code [from, to]}, ranked by {@code rankBy}.
 */
public record ParetoQuery(
        CaseScope scope, String team, String touchpoint, LocalDate from, LocalDate to, Pareto.Rank rankBy) {}
