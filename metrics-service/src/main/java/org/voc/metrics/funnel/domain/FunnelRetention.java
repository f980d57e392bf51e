package org.voc.metrics.funnel.domain;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.voc.kit.retention.RetentionRule;
import org.voc.metrics.config.RetentionConfig;

/** Deletes invitations' funnel steps older than {@code voc.retention.funnel-invitations}; the counts stay. */
@ApplicationScoped
public class FunnelRetention implements RetentionRule {

    private final FunnelService funnel;
    private final RetentionConfig config;

    public FunnelRetention(FunnelService funnel, RetentionConfig config) {
        this.funnel = funnel;
        this.config = config;
    }

    @Override
    public String name() {
        return "metrics.funnel-invitations";
    }

    @Override
    public Optional<Duration> limit() {
        return Optional.of(config.funnelInvitations());
    }

    @Override
    public int apply(Instant before, int batchSize) {
        return funnel.forgetBefore(before, batchSize);
    }
}
