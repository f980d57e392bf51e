package org.voc.response.domain;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.voc.response.config.IngestConfig;
import org.voc.response.persistence.SurveyReplica;

/**
 * Survey versions for validation, in memory in front of the replica table. A version never changes once
 * published, so a found version is kept for good; "not found" and "latest version" are never kept long, because
 * the replica is eventually consistent and another pod's consumer may be the one that stores a new version.
 */
@ApplicationScoped
public class SurveyCatalog {

    private record VersionKey(UUID surveyId, int version) {
    }

    private record Latest(int version, long loadedAtNanos) {
    }

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
        VersionKey key = new VersionKey(surveyId, version);
        SurveyDefinition cached = versions.get(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<SurveyDefinition> found = replica.find(surveyId, version);
        found.ifPresent(definition -> {
            if (versions.size() >= MAX_CACHED_VERSIONS) {
                versions.clear();
            }
            versions.put(key, definition);
        });
        return found;
    }

    /** The version with its wordings, for respondents; cached for good like {@link #version}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<SurveyContent> content(UUID surveyId, int version) {
        VersionKey key = new VersionKey(surveyId, version);
        SurveyContent cached = contents.get(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<SurveyContent> found = replica.findContent(surveyId, version);
        found.ifPresent(content -> {
            if (contents.size() >= MAX_CACHED_CONTENTS) {
                contents.clear();
            }
            contents.put(key, content);
        });
        return found;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public OptionalInt latestVersion(UUID surveyId) {
        Latest cached = latest.get(surveyId);
        if (cached != null && System.nanoTime() - cached.loadedAtNanos() < config.latestVersionTtl().toNanos()) {
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

    private record Status(boolean archived, long loadedAtNanos) {
    }

    private final Map<UUID, Status> statuses = new ConcurrentHashMap<>();

    /**
     * Whether the survey is ARCHIVED. Statuses change, so an answer is reused only for the latest-version TTL; a
     * survey with no replicated status is not archived.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean archived(UUID surveyId) {
        Status cached = statuses.get(surveyId);
        if (cached != null && System.nanoTime() - cached.loadedAtNanos() < config.latestVersionTtl().toNanos()) {
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
}
