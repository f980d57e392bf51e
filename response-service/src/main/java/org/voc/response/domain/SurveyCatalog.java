package org.voc.response.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.voc.response.config.IngestConfig;
import org.voc.response.persistence.SurveyReplica;

/**
 * Survey versions for validation, in memory in front of the replica table. A version never changes once
 * published, so a found version is kept for good; "not found" and "latest version" are never kept long, because
 * the replica is eventually consistent and another pod's consumer may be the one that stores a new version.
 */
@ApplicationScoped
public class SurveyCatalog {

    private record VersionKey(UUID surveyId, int version) {}

    private record Latest(int version, long loadedAtNanos) {}

    /** More versions than a bank publishes in years; beyond it the cache restarts rather than grows. */
    private static final int MAX_CACHED_VERSIONS = 10_000;
    /** Wordings weigh more than rules; respondents answer the few versions of live campaigns at any one time. */
    private static final int MAX_CACHED_CONTENTS = 1_000;

    private final SurveyReplica replica;
    private final IngestConfig config;
    private final Map<VersionKey, SurveyDefinition> versions = new ConcurrentHashMap<>();
    private final Map<UUID, Latest> latest = new ConcurrentHashMap<>();
    private final Map<VersionKey, SurveyContent> contents = new ConcurrentHashMap<>();

    public SurveyCatalog(SurveyReplica replica, IngestConfig config) {
        this.replica = replica;
        this.config = config;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<SurveyDefinition> version(UUID surveyId, int version) {
        return cached(
                versions,
                MAX_CACHED_VERSIONS,
                new VersionKey(surveyId, version),
                () -> replica.find(surveyId, version));
    }

    /** The version with its wordings, for respondents; cached for good like {@link #version}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<SurveyContent> content(UUID surveyId, int version) {
        return cached(
                contents,
                MAX_CACHED_CONTENTS,
                new VersionKey(surveyId, version),
                () -> replica.findContent(surveyId, version));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public OptionalInt latestVersion(UUID surveyId) {
        Latest cached = latest.get(surveyId);
        if (cached != null
                && System.nanoTime() - cached.loadedAtNanos()
                        < config.latestVersionTtl().toNanos()) {
            return OptionalInt.of(cached.version());
        }
        OptionalInt found = replica.latestVersion(surveyId);
        if (found.isPresent()) {
            if (latest.size() >= MAX_CACHED_VERSIONS) {
                latest.clear();
            }
            latest.put(surveyId, new Latest(found.getAsInt(), System.nanoTime()));
        } else {
            latest.remove(surveyId);
        }
        return found;
    }

    private record Status(boolean archived, long loadedAtNanos) {}

    private final Map<UUID, Status> statuses = new ConcurrentHashMap<>();

    /**
     * Whether the survey is ARCHIVED. Statuses change, so an answer is reused only for the latest-version TTL; a
     * survey with no replicated status is not archived.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean archived(UUID surveyId) {
        Status cached = statuses.get(surveyId);
        if (cached != null
                && System.nanoTime() - cached.loadedAtNanos()
                        < config.latestVersionTtl().toNanos()) {
            return cached.archived();
        }
        boolean archived = replica.status(surveyId).map("ARCHIVED"::equals).orElse(false);
        if (statuses.size() >= MAX_CACHED_VERSIONS) {
            statuses.clear();
        }
        statuses.put(surveyId, new Status(archived, System.nanoTime()));
        return archived;
    }

    /** Called by this pod's consumer after it stored a new status, so it applies here at once. */
    public void statusChanged(UUID surveyId) {
        statuses.remove(surveyId);
    }

    /** Called by this pod's consumer after it stored a new version, so "latest" is right here at once. */
    public void published(UUID surveyId) {
        latest.remove(surveyId);
    }

    /**
     * A published version never changes, so what the replica returns is kept for good; the cache is emptied when
     * full rather than tracked per entry (a miss costs one indexed read).
     */
    private static <T> Optional<T> cached(
            Map<VersionKey, T> cache, int max, VersionKey key, Supplier<Optional<T>> load) {
        T hit = cache.get(key);
        if (hit != null) {
            return Optional.of(hit);
        }
        Optional<T> found = load.get();
        found.ifPresent(value -> {
            if (cache.size() >= max) {
                cache.clear();
            }
            cache.put(key, value);
        });
        return found;
    }
}
