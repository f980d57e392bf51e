package org.voc.survey.privacy.domain;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.voc.kit.retention.RetentionRule;
import org.voc.survey.distribution.persistence.DecisionRepository;

/** Deletes distribution decisions older than {@code voc.retention.decisions}. */
@ApplicationScoped
public class DecisionsRetention implements RetentionRule {

    private final DecisionRepository decisions;
    private final RetentionConfig config;

    public DecisionsRetention(DecisionRepository decisions, RetentionConfig config) {
        this.decisions = decisions;
        this.config = config;
    }

    @Override
    public String name() {
        return "survey.decisions";
    }

    @Override
    public Optional<Duration> limit() {
        return config.decisions();
    }

    @Override
    public int apply(Instant before, int batchSize) {
        return decisions.deleteDecidedBefore(before, batchSize);
    }
}
