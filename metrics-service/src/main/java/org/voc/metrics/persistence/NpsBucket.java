package org.voc.metrics.persistence;

import java.time.Instant;
import org.voc.metrics.domain.NpsCounts;

/** Counts to add to one roll-up row: one touchpoint, one channel ('' for none), one UTC hour. */
public record NpsBucket(Key key, NpsCounts counts) {

    /** Primary key of a roll-up row. */
    public record Key(String touchpointKey, String channel, Instant bucketStart) {}
}
