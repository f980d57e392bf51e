package org.voc.cases.causes.domain;

import java.time.Instant;
import java.util.Map;

/**
 * One change of a cause: who (the caller's user name), when, what ({@code CREATE} or {@code UPDATE}) and each field
 * it changed, as {@code {"from": …, "to": …}}.
 */
public record CauseChange(long id, Instant at, String actor, String action, Map<String, Object> changes) {}
