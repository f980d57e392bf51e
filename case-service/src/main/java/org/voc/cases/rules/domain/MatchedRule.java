package org.voc.cases.rules.domain;

import java.util.UUID;

/** A rule a response matched, as the case keeps it: its name then, so a later rename or deletion changes nothing. */
public record MatchedRule(UUID id, String name) {}
