package org.voc.cases.domain;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.voc.cases.config.RetentionConfig;
import org.voc.cases.persistence.CaseRepository;
import org.voc.kit.retention.RetentionRule;

/** Deletes finished cases older than {@code voc.retention.closed-cases}. */
@ApplicationScoped
public class ClosedCasesRetention implements RetentionRule {

    private final CaseRepository cases;
    private final RetentionConfig config;

    public ClosedCasesRetention(CaseRepository cases, RetentionConfig config) {
        this.cases = cases;
        this.config = config;
    }

    @Override
    public String name() {
        return "case.closed-cases";
    }

    @Override
    public Optional<Duration> limit() {
        return config.closedCases();
    }

    @Override
    public int apply(Instant before, int batchSize) {
        return cases.deleteFinishedBefore(before, batchSize);
    }
}
