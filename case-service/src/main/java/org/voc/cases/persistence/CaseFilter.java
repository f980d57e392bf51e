package org.voc.cases.persistence;

import org.voc.cases.domain.CaseStatus;

/** Optional listing filters; a null component does not filter. {@code unassigned} true means "no team yet". */
public record CaseFilter(String team, CaseStatus status, String touchpointKey, Boolean unassigned) {
}
