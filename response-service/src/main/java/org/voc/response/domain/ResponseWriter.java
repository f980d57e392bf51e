package org.voc.response.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.voc.events.EventTypes;
import org.voc.events.ResponseSubmitted;
import org.voc.events.Topics;
import org.voc.response.config.IngestConfig;
import org.voc.response.messaging.Outbox;
import org.voc.response.messaging.OutboxEvent;
import org.voc.response.persistence.ResponseRepository;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Group commit of validated responses: request threads enqueue and get a future; ONE writer thread takes
 * everything pending (up to {@code voc.ingest.max-batch}) and stores responses and their outbox events in one
 * transaction with JDBC batches, so thousands of requests per second cost a few fsyncs instead of one each.
 * A failed batch is retried item by item, so one bad response cannot fail the others.
 */
@ApplicationScoped
public class ResponseWriter {

    private static final Logger LOG = Logger.getLogger(ResponseWriter.class);

    private record Pending(StoredResponse response, CompletableFuture<Outcome> result) {
    }

    /** How one pending response was settled inside a committed transaction. */
    private record Settled(Pending pending, Outcome outcome, ProblemException problem) {
    }

    private final IngestConfig config;
    private final ResponseRepository responses;
    private final Outbox outbox;
    private final BlockingQueue<Pending> queue;
    private final DistributionSummary batchSize;
    private final Timer commitTime;
    private final Counter stored;
    private final Counter queueFull;
    private final Counter failed;
    private final Counter timedOut;
    private volatile boolean running;
    private Thread worker;

    public ResponseWriter(IngestConfig config, ResponseRepository responses, Outbox outbox, MeterRegistry registry) {
        this.config = config;
        this.responses = responses;
        this.outbox = outbox;
        this.queue = new ArrayBlockingQueue<>(config.queueCapacity());
        this.batchSize = DistributionSummary.builder("voc.ingest.batch.size")
                .description("Responses written per transaction")
                .publishPercentileHistogram()
                .minimumExpectedValue(1.0)
                .maximumExpectedValue((double) config.maxBatch())
                .register(registry);
        this.commitTime = Timer.builder("voc.ingest.batch.commit")
                .description("Time to write and commit one batch of responses")
                .publishPercentileHistogram()
                .register(registry);
        Gauge.builder("voc.ingest.queue.depth", queue, Collection::size)
                .description("Accepted responses waiting for the writer")
                .register(registry);
        this.stored = registry.counter("voc.ingest.stored");
        this.queueFull = registry.counter("voc.ingest.rejected", "reason", "queue-full");
        this.failed = registry.counter("voc.ingest.rejected", "reason", "write-failed");
        this.timedOut = registry.counter("voc.ingest.rejected", "reason", "commit-timeout");
    }

    void start(@Observes StartupEvent event) {
        running = true;
        worker = new Thread(this::loop, "response-writer");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false; // the loop drains what is queued, then ends
        if (worker != null) {
            worker.join(config.commitTimeout().toMillis());
        }
        Pending left;
        while ((left = queue.poll()) != null) {
            left.result().completeExceptionally(unavailable("the service is shutting down"));
        }
    }

    /**
     * Queues a validated response; the future completes once it is committed (or found stored under the same
     * id). Fails at once with 503 when the queue is full, and with 503 when the commit takes too long: both are
     * safe to retry with the same id.
     */
    public CompletableFuture<Outcome> write(StoredResponse response) {
        if (!running) {
            throw unavailable("the service is not accepting responses right now");
        }
        Pending pending = new Pending(response, new CompletableFuture<>());
        if (!queue.offer(pending)) {
            queueFull.increment();
            throw unavailable("too many responses are waiting to be stored");
        }
        return pending.result().orTimeout(config.commitTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .exceptionally(failure -> {
                    Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
                    if (cause instanceof TimeoutException) {
                        timedOut.increment();
                        throw unavailable("the response was not stored in time; send it again with the same id");
                    }
                    throw cause instanceof RuntimeException runtime ? runtime : new CompletionException(cause);
                });
    }

    private void loop() {
        List<Pending> batch = new ArrayList<>(config.maxBatch());
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, config.maxBatch() - 1);
                process(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // process() settles every future itself; this only keeps the single writer alive.
                LOG.error("response writer failed unexpectedly", e);
                batch.forEach(p -> p.result().completeExceptionally(unavailable("the response could not be stored")));
            } finally {
                batch.clear();
            }
        }
    }

    private void process(List<Pending> batch) {
        batchSize.record(batch.size());
        List<Settled> settled;
        try {
            Timer.Sample sample = Timer.start();
            settled = commit(batch);
            sample.stop(commitTime);
        } catch (RuntimeException batchFailure) {
            LOG.warnf("a batch of %d responses failed, writing them one by one: %s", batch.size(),
                    batchFailure.toString());
            settled = new ArrayList<>(batch.size());
            for (Pending pending : batch) {
                try {
                    settled.addAll(commit(List.of(pending)));
                } catch (RuntimeException itemFailure) {
                    LOG.errorf(itemFailure, "response %s could not be stored", pending.response().id());
                    failed.increment();
                    settled.add(new Settled(pending, null, unavailable("the response could not be stored")));
                }
            }
        }
        // Futures complete only after the commit: a client never hears 201 for a response that rolled back.
        for (Settled s : settled) {
            if (s.outcome() != null) {
                if (s.outcome().created()) {
                    stored.increment();
                }
                s.pending().result().complete(s.outcome());
            } else {
                s.pending().result().completeExceptionally(s.problem());
            }
        }
    }

    /**
     * Writes responses and outbox events in ONE transaction; ids already stored are read back and compared. A row
     * skipped although its id is not stored was skipped for its invitation: another response (stored earlier, or
     * earlier in this very batch) answered it. The read-back happens only when something was skipped, so the
     * common batch costs one insert and one outbox write.
     */
    private List<Settled> commit(List<Pending> batch) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<StoredResponse> candidates = batch.stream().map(Pending::response).toList();
            boolean[] inserted = responses.insertNew(candidates);
            List<OutboxEvent> events = new ArrayList<>();
            Set<UUID> existing = new HashSet<>();
            for (int i = 0; i < candidates.size(); i++) {
                StoredResponse r = candidates.get(i);
                if (inserted[i]) {
                    events.add(outbox.event(Topics.RESPONSES, r.id().toString(), EventTypes.RESPONSE_SUBMITTED_V1,
                            event(r), r.receivedAt()));
                } else {
                    existing.add(r.id());
                }
            }
            outbox.addAll(events);
            Map<UUID, StoredResponse> stored = existing.isEmpty() ? Map.of()
                    : responses.findAll(existing).stream()
                            .collect(Collectors.toMap(StoredResponse::id, Function.identity()));
            List<Settled> settled = new ArrayList<>(batch.size());
            for (int i = 0; i < candidates.size(); i++) {
                StoredResponse r = candidates.get(i);
                if (inserted[i]) {
                    settled.add(new Settled(batch.get(i), new Outcome(r, true), null));
                    continue;
                }
                StoredResponse earlier = stored.get(r.id());
                if (earlier == null && r.invitationId() != null) {
                    settled.add(new Settled(batch.get(i), null, ProblemException.alreadyAnswered()));
                    continue;
                }
                if (earlier == null) {
                    throw new IllegalStateException("response " + r.id() + " conflicted but cannot be read back");
                }
                settled.add(earlier.requestHash().equals(r.requestHash())
                        ? new Settled(batch.get(i), new Outcome(earlier, false), null)
                        : new Settled(batch.get(i), null, conflict(r.id())));
            }
            return settled;
        });
    }

    private static ResponseSubmitted event(StoredResponse r) {
        List<ResponseSubmitted.Answer> answers = r.answers().stream()
                .map(a -> new ResponseSubmitted.Answer(a.questionId(), a.type(), a.score(), a.text(), a.optionIds()))
                .toList();
        return new ResponseSubmitted(r.id(), r.surveyId(), r.surveyVersion(), r.touchpointKey(), r.channel(),
                r.customerRef(), r.respondedAt(), r.nps(), answers, r.invitationId());
    }

    private ProblemException unavailable(String detail) {
        return ProblemException.unavailable(detail, config.retryAfter());
    }

    private static ProblemException conflict(UUID id) {
        return new ProblemException(409, "conflict", "Id already used",
                "response " + id + " was already submitted with a different body", "id");
    }
}
