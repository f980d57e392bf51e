package org.voc.cases.domain;

/** Optional listing filters; a null component does not filter. {@code unassigned} true means "no team yet". */
public record CaseFilter(String team, CaseStatus status, String touchpointKey, Boolean unassigned) {}
