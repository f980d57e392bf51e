package org.voc.response.domain;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.voc.events.Event;
import org.voc.events.ResponseSubmitted;
import org.voc.kit.commit.GroupCommit;
import org.voc.kit.outbox.Outbox;
import org.voc.kit.problem.Conflict;
import org.voc.response.config.IngestConfig;
import org.voc.response.persistence.ResponseRepository;

/**
 * Stores validated responses and their {@code ResponseSubmitted} events by group commit (the kit's
 * {@link GroupCommit}, meters under {@code voc.ingest}): thousands of requests a second cost a few fsyncs. A response
 * id sent again with the same body gets the stored response; with another body, a {@code Conflict}.
 */
@ApplicationScoped
public class ResponseWriter {

    private final ResponseRepository responses;
    private final Outbox outbox;
    private final Counter stored;
    private final GroupCommit<StoredResponse, Outcome> commit;

    public ResponseWriter(IngestConfig config, ResponseRepository responses, Outbox outbox, MeterRegistry registry) {
        this.responses = responses;
        this.outbox = outbox;
        this.stored = registry.counter("voc.ingest.stored");
        this.commit = new GroupCommit<>("response-writer", "voc.ingest", config, registry, this::write);
    }

    void start(@Observes StartupEvent event) {
        commit.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        commit.stop();
    }

    /** Room left in the queue: a batch that does not fit is refused whole rather than half queued. */
    public int remainingCapacity() {
        return commit.remainingCapacity();
    }

    /**
     * Queues a validated response; the future completes once it is committed (or found stored under the same id).
     * {@code Unavailable} when the queue is full or the commit is too slow: both are safe to retry with the same id.
     */
    public CompletableFuture<Outcome> write(StoredResponse response) {
        return commit.submit(response).thenApply(outcome -> {
            if (outcome.created()) {
                stored.increment();
            }
            return outcome;
        });
    }

    /**
     * One batch in the writer's transaction; ids already stored are read back and compared. A row skipped although
     * its id is not stored was skipped for its invitation: another response (stored earlier, or earlier in this very
     * batch) answered it. The read-back happens only when something was skipped, so the common batch costs one
     * insert and one outbox write.
     */
    private List<GroupCommit.Outcome<Outcome>> write(List<StoredResponse> candidates) {
        boolean[] inserted = responses.insertNew(candidates);
        List<Event<?>> events = new ArrayList<>();
        Set<UUID> existing = new HashSet<>();
        for (int i = 0; i < candidates.size(); i++) {
            StoredResponse r = candidates.get(i);
            if (inserted[i]) {
                events.add(ResponseSubmitted.TYPE.of(event(r)));
            } else {
                existing.add(r.id());
            }
        }
        outbox.publishAll(events);
        Map<UUID, StoredResponse> stored = existing.isEmpty()
                ? Map.of()
                : responses.findAll(existing).stream()
                        .collect(Collectors.toMap(StoredResponse::id, Function.identity()));
        List<GroupCommit.Outcome<Outcome>> outcomes = new ArrayList<>(candidates.size());
        for (int i = 0; i < candidates.size(); i++) {
            StoredResponse r = candidates.get(i);
            StoredResponse earlier = stored.get(r.id());
            if (inserted[i]) {
                outcomes.add(GroupCommit.Outcome.of(new Outcome(r, true)));
            } else if (earlier == null && r.invitationId() != null) {
                outcomes.add(GroupCommit.Outcome.failed(InvitationRefusal.alreadyAnswered()));
            } else if (earlier == null) {
                throw new IllegalStateException("response " + r.id() + " conflicted but cannot be read back");
            } else if (earlier.requestHash().equals(r.requestHash())) {
                outcomes.add(GroupCommit.Outcome.of(new Outcome(earlier, false)));
            } else {
                outcomes.add(GroupCommit.Outcome.failed(Conflict.of(
                        "Id already used",
                        "response " + r.id() + " was already submitted with a different body",
                        "id")));
            }
        }
        return outcomes;
    }

    private static ResponseSubmitted event(StoredResponse r) {
        List<ResponseSubmitted.Answer> answers = r.answers().stream()
                .map(a -> new ResponseSubmitted.Answer(a.questionId(), a.type(), a.score(), a.text(), a.optionIds()))
                .toList();
        return new ResponseSubmitted(
                r.id(),
                r.surveyId(),
                r.surveyVersion(),
                r.touchpointKey(),
                r.channel(),
                r.customerRef(),
                r.respondedAt(),
                r.nps(),
                answers,
                r.invitationId(),
                r.dimensions().segment(),
                r.dimensions().employeeRef(),
                r.dimensions().processRef());
    }
}
