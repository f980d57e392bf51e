package org.voc.cases.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.voc.cases.persistence.CaseRepository;
import org.voc.events.ErasureCompleted;
import org.voc.events.ErasureRequested;
import org.voc.kit.outbox.Outbox;

/**
 * Applies erasure requests (docs/security.md, "Privacy"): anonymises the customer's cases and reports, in the same
 * transaction, how many. Applying a request again anonymises nothing more and reports again, with zero.
 */
@ApplicationScoped
public class Erasures {

    private final CaseRepository cases;
    private final Outbox outbox;
    private final String service;

    public Erasures(
            CaseRepository cases, Outbox outbox, @ConfigProperty(name = "quarkus.application.name") String service) {
        this.cases = cases;
        this.outbox = outbox;
        this.service = service;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void erase(List<ErasureRequested> requests) {
        for (ErasureRequested request : requests) {
            long anonymised = cases.anonymise(request.customerRef());
            outbox.publish(ErasureCompleted.TYPE.of(new ErasureCompleted(
                    request.erasureId(),
                    service,
                    Map.of("cases", anonymised),
                    Instant.now().truncatedTo(ChronoUnit.MICROS))));
        }
    }
}
