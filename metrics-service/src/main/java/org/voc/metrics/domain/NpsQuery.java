package org.voc.metrics.domain;

import java.time.Instant;

/** What an NPS question asks: a closed time range, optionally one touchpoint and one channel (null = all). */
public record NpsQuery(String touchpointKey, String channel, Instant from, Instant to) {}
