package org.voc.metrics.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.voc.kit.problem.Invalid;
import org.voc.metrics.persistence.NpsBucket;
import org.voc.metrics.persistence.NpsRollupRepository;

/** Adds scored responses to the hourly NPS roll-ups exactly once, and answers NPS questions from the roll-ups. */
@ApplicationScoped
public class NpsService {

    /** Bucket width; a query range covers every bucket it overlaps, so this is the time resolution of answers. */
    public static final ChronoUnit BUCKET = ChronoUnit.HOURS;

    // Upserts in one fixed order, so two replicas updating the same buckets cannot deadlock.
    private static final Comparator<NpsBucket.Key> ORDER = Comparator.comparing(NpsBucket.Key::touchpointKey)
            .thenComparing(NpsBucket.Key::channel)
            .thenComparing(NpsBucket.Key::bucketStart);

    private final NpsRollupRepository rollups;

    public NpsService(NpsRollupRepository rollups) {
        this.rollups = rollups;
    }

    /**
     * Counts the responses not counted before, in the caller's transaction: the processed-event records and the
     * roll-up increments commit together, so a replay or a re-sent batch never counts a response twice.
     *
     * @return how many responses were new
     */
    @Transactional
    public int record(List<ScoredResponse> responses) {
        Map<UUID, ScoredResponse> unique = new LinkedHashMap<>();
        for (ScoredResponse response : responses) {
            unique.putIfAbsent(response.responseId(), response);
        }
        if (unique.isEmpty()) {
            return 0;
        }
        Set<UUID> fresh = rollups.markProcessed(unique.keySet());
        Map<NpsBucket.Key, NpsCounts> increments = new TreeMap<>(ORDER);
        for (ScoredResponse response : unique.values()) {
            if (fresh.contains(response.responseId())) {
                increments.merge(key(response), counts(response), NpsCounts::plus);
            }
        }
        rollups.add(increments.entrySet().stream()
                .map(e -> new NpsBucket(e.getKey(), e.getValue()))
                .toList());
        return fresh.size();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public NpsCounts score(NpsQuery query) {
        if (query.from().isAfter(query.to())) {
            throw Invalid.field("from", "must not be after to (" + query.to() + ")");
        }
        // A bucket [start, start + 1h) overlaps [from, to] exactly when start lies between the two truncations.
        return rollups.sum(
                query.touchpointKey(),
                query.channel(),
                query.from().truncatedTo(BUCKET),
                query.to().truncatedTo(BUCKET));
    }

    private static NpsBucket.Key key(ScoredResponse response) {
        String channel = response.channel() == null ? "" : response.channel();
        Instant start = response.respondedAt().truncatedTo(BUCKET);
        return new NpsBucket.Key(response.touchpointKey(), channel, start);
    }

    private static NpsCounts counts(ScoredResponse response) {
        return new NpsCounts(1, response.promoter() ? 1 : 0, response.passive() ? 1 : 0, response.detractor() ? 1 : 0);
    }
}
