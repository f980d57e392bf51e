package org.voc.touchpoint.domain;

import java.time.Instant;
import java.util.Map;

/** One revision in a touchpoint's history: who made it, when, and {@code field → {from, to}} per changed field. */
public record TouchpointChange(
        long revision, String action, String actor, String actorName, Instant changedAt, Map<String, Object> changes) {}
