package org.voc.metrics.domain;

import java.time.Instant;
import java.util.UUID;

/** One response that carries an NPS score (0–10), as the roll-ups need it. */
public record ScoredResponse(UUID responseId, String touchpointKey, String channel, Instant respondedAt, int nps) {

    public boolean promoter() {
        return nps >= 9;
    }

    public boolean passive() {
        return nps == 7 || nps == 8;
    }

    public boolean detractor() {
        return nps <= 6;
    }
}
