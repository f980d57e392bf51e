package org.voc.cases.domain;

import java.time.Instant;

/**
 * What the closed-loop KPIs are asked about: the cases the caller may see, optionally of one team and one
 * touchpoint, opened in {@code [from, to]}; {@code asOf} is "now", the moment clocks not met yet are judged at.
 */
public record KpiQuery(CaseScope scope, String team, String touchpoint, Instant from, Instant to, Instant asOf) {}
