package org.voc.response.domain;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.voc.kit.retention.RetentionRule;
import org.voc.response.config.RetentionConfig;
import org.voc.response.persistence.OpenedInvitationRepository;

/**
 * Deletes the records of first views older than {@code voc.retention.opened-invitations}: by then the invitation has
 * expired, so no view can come that the record would have to tell from a first one.
 */
@ApplicationScoped
public class OpenedInvitationsRetention implements RetentionRule {

    private final OpenedInvitationRepository repository;
    private final RetentionConfig config;

    public OpenedInvitationsRetention(OpenedInvitationRepository repository, RetentionConfig config) {
        this.repository = repository;
        this.config = config;
    }

    @Override
    public String name() {
        return "response.opened-invitations";
    }

    @Override
    public Optional<Duration> limit() {
        return Optional.of(config.openedInvitations());
    }

    @Override
    public int apply(Instant before, int batchSize) {
        return repository.deleteBefore(before, batchSize);
    }
}
