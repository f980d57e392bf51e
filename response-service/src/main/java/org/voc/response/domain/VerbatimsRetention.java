package org.voc.response.domain;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.voc.kit.retention.RetentionRule;
import org.voc.response.config.RetentionConfig;
import org.voc.response.persistence.ResponseRepository;

/** Blanks the free texts of responses older than {@code voc.retention.verbatims}; scores stay. */
@ApplicationScoped
public class VerbatimsRetention implements RetentionRule {

    private final ResponseRepository responses;
    private final RetentionConfig config;

    public VerbatimsRetention(ResponseRepository responses, RetentionConfig config) {
        this.responses = responses;
        this.config = config;
    }

    @Override
    public String name() {
        return "response.verbatims";
    }

    @Override
    public Optional<Duration> limit() {
        return config.verbatims();
    }

    @Override
    public int apply(Instant before, int batchSize) {
        return responses.blankTextsBefore(before, batchSize);
    }
}
