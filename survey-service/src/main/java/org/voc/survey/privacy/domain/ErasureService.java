package org.voc.survey.privacy.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.voc.events.ErasureCompleted;
import org.voc.events.ErasureRequested;
import org.voc.kit.outbox.Outbox;
import org.voc.kit.problem.Invalid;
import org.voc.kit.problem.NotFound;
import org.voc.survey.distribution.domain.DistributionService;
import org.voc.survey.distribution.domain.InteractionRules;
import org.voc.survey.privacy.persistence.ErasureRepository;

/**
 * Coordinates erasures (GDPR art. 17): survey-service erases its own data when the request is made and asks every
 * other service on {@code voc.erasures}; each reports on {@code voc.erasure-reports}, and once all have, the erasure
 * is complete and its clear customer reference is dropped.
 */
@ApplicationScoped
public class ErasureService {

    /** This service's name in an erasure's parts. */
    public static final String SELF = "survey-service";

    private static final Logger LOG = Logger.getLogger(ErasureService.class);

    private final ErasureRepository erasures;
    private final DistributionService distribution;
    private final CustomerHash hash;
    private final Outbox outbox;
    private final PrivacyConfig config;

    public ErasureService(
            ErasureRepository erasures,
            DistributionService distribution,
            CustomerHash hash,
            Outbox outbox,
            PrivacyConfig config) {
        this.erasures = erasures;
        this.distribution = distribution;
        this.hash = hash;
        this.outbox = outbox;
        this.config = config;
    }

    /** What a request led to: the erasure, and whether it is new or one already pending for the customer. */
    public record Requested(Erasure erasure, boolean created) {}

    /**
     * Erases the customer. Idempotent: while an erasure of the customer is pending, the request joins it (and asks
     * the services again, in case the first request was lost); after it completed, a new erasure starts, which
     * completes with nothing to erase unless the customer came back meanwhile.
     */
    @Transactional
    public Requested request(String customerRef, String by) {
        if (customerRef == null
                || customerRef.isBlank()
                || customerRef.length() > InteractionRules.MAX_REF
                || !customerRef.equals(customerRef.strip())) {
            throw Invalid.field(
                    "customerRef", "must be 1 to " + InteractionRules.MAX_REF + " characters, without outer spaces");
        }
        String customerHash = hash.of(customerRef);
        Instant now = now();
        // Serialises requests for one customer (and decisions for them) before looking for a pending erasure.
        Map<String, Long> counts = distribution.erase(customerRef);
        Optional<UUID> pending = erasures.pending(customerHash);
        if (pending.isPresent()) {
            outbox.publish(ErasureRequested.TYPE.of(new ErasureRequested(pending.get(), customerRef, now)));
            return new Requested(get(pending.get()), false);
        }
        UUID id = UUID.randomUUID();
        Set<String> services = new LinkedHashSet<>(config.services());
        services.add(SELF);
        erasures.insert(id, customerRef, customerHash, now, by, services);
        erasures.report(id, SELF, counts, now);
        if (services.size() > 1) {
            outbox.publish(ErasureRequested.TYPE.of(new ErasureRequested(id, customerRef, now)));
        }
        erasures.completeIfDone(id);
        return new Requested(get(id), true);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Erasure get(UUID id) {
        return erasures.find(id).orElseThrow(() -> NotFound.of("erasure", id.toString()));
    }

    /**
     * Records services' reports, idempotently: a service's first report counts, a repeat (a redelivery, a request
     * applied again) changes nothing. A report of an unknown erasure or service is logged and skipped.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reported(List<ErasureCompleted> reports) {
        Set<UUID> touched = new LinkedHashSet<>();
        for (ErasureCompleted r : reports) {
            if (erasures.report(r.erasureId(), r.service(), r.counts(), r.completedAt())) {
                touched.add(r.erasureId());
            } else {
                LOG.debugf("report of %s for erasure %s: already recorded or not expected", r.service(), r.erasureId());
            }
        }
        touched.forEach(erasures::completeIfDone);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
