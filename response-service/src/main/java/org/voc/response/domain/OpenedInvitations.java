package org.voc.response.domain;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;
import org.voc.events.InvitationOpened;
import org.voc.kit.outbox.Outbox;
import org.voc.response.config.InvitationConfig;
import org.voc.response.persistence.OpenedInvitationRepository;

/**
 * The response-rate funnel's "opened" step: the first view of an invitation that can still be answered is recorded
 * once, and in the same transaction {@code voc.invitation.opened.v1} goes into the outbox. Later views, concurrent
 * first views and views on other replicas find the row and publish nothing. Each replica remembers the invitations
 * it saw opened, so a respondent's later page views cost no database write.
 */
@ApplicationScoped
public class OpenedInvitations {

    private static final Logger LOG = Logger.getLogger(OpenedInvitations.class);

    private final OpenedInvitationRepository repository;
    private final Outbox outbox;
    private final int cacheSize;
    private final Set<UUID> opened = ConcurrentHashMap.newKeySet();
    private final Counter recorded;
    private final Counter failed;

    public OpenedInvitations(
            OpenedInvitationRepository repository, Outbox outbox, InvitationConfig config, MeterRegistry registry) {
        this.repository = repository;
        this.outbox = outbox;
        this.cacheSize = config.openedCacheSize();
        this.recorded = registry.counter("voc.invitations.opened");
        this.failed = registry.counter("voc.invitations.opened.failures");
    }

    /**
     * Records that the respondent looked at the (verified, open) invitation, {@code via} the hosted page or the
     * respondent API, unless it was opened before. A failure to record is logged and counted but never refuses the
     * respondent the survey: the next view tries again.
     */
    public void viewed(Invitation invitation, String via) {
        if (opened.contains(invitation.id())) {
            return;
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        boolean first;
        try {
            first = QuarkusTransaction.requiringNew().call(() -> record(invitation, via, now));
        } catch (RuntimeException e) {
            failed.increment();
            LOG.warnf("the view of invitation %s could not be recorded: %s", invitation.id(), e.toString());
            return;
        }
        if (first) {
            recorded.increment();
        }
        if (opened.size() >= cacheSize) {
            opened.clear();
        }
        opened.add(invitation.id());
    }

    private boolean record(Invitation invitation, String via, Instant now) {
        if (!repository.insertFirst(invitation.id(), via, now)) {
            return false;
        }
        outbox.publish(InvitationOpened.TYPE.of(new InvitationOpened(
                invitation.id(),
                invitation.surveyId(),
                invitation.surveyVersion(),
                invitation.touchpointKey(),
                invitation.channel(),
                via,
                now)));
        return true;
    }
}
