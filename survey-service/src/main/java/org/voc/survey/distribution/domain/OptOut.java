package org.voc.survey.distribution.domain;

import java.time.Instant;

/** A customer who must not be invited to any survey, since {@code optedOutAt}. */
public record OptOut(String customerRef, String reason, Instant optedOutAt) {}
