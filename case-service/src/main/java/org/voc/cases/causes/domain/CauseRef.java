package org.voc.cases.causes.domain;

import java.util.UUID;

/** A cause as a case names it: its id, code and current name. */
public record CauseRef(UUID id, String code, String name) {}
