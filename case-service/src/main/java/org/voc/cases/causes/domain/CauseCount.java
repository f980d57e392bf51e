package org.voc.cases.causes.domain;

import java.util.UUID;

/** The cases naming one cause at one touchpoint ({@code ""} for none), and how many of them are NPS detractors. */
public record CauseCount(UUID rootCauseId, String touchpointKey, long cases, long detractors) {}
