package org.voc.kit;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.config.ConfigMapping;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.voc.kit.commit.GroupCommit;
import org.voc.kit.commit.GroupCommitConfig;
import org.voc.kit.outbox.Outbox;
import org.voc.kit.problem.Conflict;

/** A group-commit writer as the services build theirs: items and their events in one transaction per batch. */
@ApplicationScoped
public class KitWriter {

    @ConfigMapping(prefix = "kit.writer")
    public interface Config extends GroupCommitConfig {}

    /** A name the writer refuses as a domain rule, for one item of a batch alone. */
    public static final String TAKEN = "taken";

    private final GroupCommit<KitEvent, UUID> commit;
    private final EntityManager em;
    private final Outbox outbox;

    public KitWriter(Config config, MeterRegistry registry, EntityManager em, Outbox outbox) {
        this.em = em;
        this.outbox = outbox;
        this.commit = new GroupCommit<>("kit-writer", "kit.writer", config, registry, this::write);
    }

    void start(@Observes StartupEvent event) {
        commit.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        commit.stop();
    }

    public CompletableFuture<UUID> submit(KitEvent item) {
        return commit.submit(item);
    }

    /** Starts a new writer thread if the last one stopped (the readiness and shutdown tests stop it on purpose). */
    void restart() {
        commit.start();
    }

    /** What the shutdown does: stop taking items, write those already queued. */
    void shutdown() throws InterruptedException {
        commit.stop();
    }

    boolean accepting() {
        return commit.alive();
    }

    public int remainingCapacity() {
        return commit.remainingCapacity();
    }

    private List<GroupCommit.Outcome<UUID>> write(List<KitEvent> items) {
        List<GroupCommit.Outcome<UUID>> outcomes = new ArrayList<>(items.size());
        List<org.voc.events.Event<?>> events = new ArrayList<>();
        for (KitEvent item : items) {
            if (TAKEN.equals(item.name())) {
                outcomes.add(GroupCommit.Outcome.failed(Conflict.of("Name taken", "the name is taken", "name")));
                continue;
            }
            em.createNativeQuery("insert into kit_item (id, name) values (:id, :name)")
                    .setParameter("id", item.id())
                    .setParameter("name", item.name())
                    .executeUpdate();
            events.add(KitEvent.TYPE.of(item));
            outcomes.add(GroupCommit.Outcome.of(item.id()));
        }
        outbox.publishAll(events);
        return outcomes;
    }
}
