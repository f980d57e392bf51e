package org.voc.cases.domain;

import java.time.Instant;
import java.util.UUID;

/** Position in the newest-first listing: the (opened_at, id) of the last case of the previous page. */
public record CaseCursor(Instant openedAt, UUID id) {}
