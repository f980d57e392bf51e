package org.voc.response.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.voc.events.ErasureCompleted;
import org.voc.events.ErasureRequested;
import org.voc.kit.outbox.Outbox;
import org.voc.response.persistence.ResponseRepository;

/**
 * Applies erasure requests (docs/security.md, "Privacy"): anonymises the customer's responses and reports, in the
 * same transaction, how many. Applying a request again anonymises nothing more and reports again, with zero.
 */
@ApplicationScoped
public class Erasures {

    private final ResponseRepository responses;
    private final Outbox outbox;
    private final String service;

    public Erasures(
            ResponseRepository responses,
            Outbox outbox,
            @ConfigProperty(name = "quarkus.application.name") String service) {
        this.responses = responses;
        this.outbox = outbox;
        this.service = service;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void erase(List<ErasureRequested> requests) {
        for (ErasureRequested request : requests) {
            long anonymised = responses.anonymise(request.customerRef());
            outbox.publish(ErasureCompleted.TYPE.of(new ErasureCompleted(
                    request.erasureId(),
                    service,
                    Map.of("responses", anonymised),
                    Instant.now().truncatedTo(ChronoUnit.MICROS))));
        }
    }
}
