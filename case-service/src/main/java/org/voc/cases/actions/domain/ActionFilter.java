package org.voc.cases.actions.domain;

import java.util.UUID;

/** The filters of the action listing; null: not filtered on. They combine with AND. */
public record ActionFilter(ActionStatus status, String team, String touchpoint, UUID rootCause) {}
