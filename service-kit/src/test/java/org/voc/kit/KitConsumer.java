package org.voc.kit;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.voc.kit.inbound.InboundEvents;
import org.voc.kit.inbound.Reads;

/** A consumer as every service writes one: the kit's policy around an idempotent upsert. */
@ApplicationScoped
public class KitConsumer {

    private static final Reads READS = Reads.of(
                    KitEvent.TYPE, e -> "reserved".equals(e.name()) ? "the name reserved is taken" : null)
            .ignoring(KitEvent.Note.TYPE);

    private final InboundEvents inbound;
    private final EntityManager em;

    public KitConsumer(InboundEvents inbound, EntityManager em) {
        this.inbound = inbound;
        this.em = em;
    }

    @Incoming("kit-events")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        inbound.consume(records, READS, batch -> {
            // A lock held elsewhere fails fast and transiently (55P03): the policy waits and tries again.
            em.createNativeQuery("set local lock_timeout = '300ms'").executeUpdate();
            for (KitEvent e : batch.events(KitEvent.TYPE)) {
                em.createNativeQuery("insert into kit_item (id, name) values (:id, :name) "
                                + "on conflict (id) do update set name = excluded.name")
                        .setParameter("id", e.id())
                        .setParameter("name", e.name())
                        .executeUpdate();
            }
        });
    }
}
