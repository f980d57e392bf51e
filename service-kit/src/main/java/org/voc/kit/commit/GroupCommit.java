package org.voc.kit.commit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;
import org.voc.kit.Failures;
import org.voc.kit.problem.DomainException;
import org.voc.kit.problem.Invalid;
import org.voc.kit.problem.Unavailable;

/**
 * Group commit: request threads submit items and get a future; ONE writer thread takes everything pending (up to
 * {@code maxBatch}) and writes it in ONE transaction, so thousands of requests per second cost a few fsyncs instead
 * of one each. Futures complete only after the commit, so a 2xx still means durable. A failed batch is written again
 * item by item, so one bad item cannot fail the others; an item the database refuses for its content is answered
 * 400, any other failure 503 with Retry-After (nothing was stored, so sending it again is safe). A full queue is
 * refused at once with 503.
 * <p>
 * Meters, under the writer's prefix: {@code .batch.size}, {@code .batch.commit}, {@code .queue.depth} and
 * {@code .rejected} by reason ({@code queue-full}, {@code write-failed}, {@code commit-timeout}).
 *
 * @param <I> an item to write
 * @param <R> what the request learns once its item is committed
 */
public final class GroupCommit<I, R> {

    private static final Logger LOG = Logger.getLogger(GroupCommit.class);

    /** Writes a batch inside the transaction the writer opened; one outcome per item, in the batch's order. */
    @FunctionalInterface
    public interface Writer<I, R> {
        List<Outcome<R>> write(List<I> items);
    }

    /** How one item was settled inside a transaction: a result, or a domain failure for that item alone. */
    public record Outcome<R>(R result, DomainException failure) {

        public static <R> Outcome<R> of(R result) {
            return new Outcome<>(result, null);
        }

        public static <R> Outcome<R> failed(DomainException failure) {
            return new Outcome<>(null, failure);
        }
    }

    private record Pending<I, R>(I item, CompletableFuture<R> result) {}

    private static final Collection<GroupCommit<?, ?>> ALL = new CopyOnWriteArrayList<>();

    private final String name;
    private final GroupCommitConfig config;
    private final Writer<I, R> writer;
    private final BlockingQueue<Pending<I, R>> queue;
    private final DistributionSummary batchSize;
    private final Timer commitTime;
    private final Counter queueFull;
    private final Counter failed;
    private final Counter timedOut;
    private volatile boolean running;
    private Thread worker;

    /**
     * @param name the writer thread's name
     * @param meters the prefix of its meters, e.g. {@code voc.ingest}
     */
    public GroupCommit(
            String name, String meters, GroupCommitConfig config, MeterRegistry registry, Writer<I, R> writer) {
        this.name = name;
        this.config = config;
        this.writer = writer;
        this.queue = new ArrayBlockingQueue<>(config.queueCapacity());
        this.batchSize = DistributionSummary.builder(meters + ".batch.size")
                .description("Items written per transaction")
                .publishPercentileHistogram()
                .minimumExpectedValue(1.0)
                .maximumExpectedValue((double) config.maxBatch())
                .register(registry);
        this.commitTime = Timer.builder(meters + ".batch.commit")
                .description("Time to write and commit one batch")
                .publishPercentileHistogram()
                .register(registry);
        Gauge.builder(meters + ".queue.depth", queue, Collection::size)
                .description("Items waiting for the writer")
                .register(registry);
        this.queueFull = registry.counter(meters + ".rejected", "reason", "queue-full");
        this.failed = registry.counter(meters + ".rejected", "reason", "write-failed");
        this.timedOut = registry.counter(meters + ".rejected", "reason", "commit-timeout");
        ALL.add(this);
    }

    /** Starts the writer thread, or starts a new one when the last one died. */
    public synchronized void start() {
        if (alive()) {
            return;
        }
        running = true;
        worker = new Thread(this::loop, name);
        worker.setDaemon(true);
        worker.start();
    }

    /** Stops taking items, writes what is queued (for up to the commit timeout), refuses what is left. */
    public void stop() throws InterruptedException {
        running = false;
        if (worker != null) {
            worker.join(config.commitTimeout().toMillis());
        }
        Pending<I, R> left;
        while ((left = queue.poll()) != null) {
            left.result().completeExceptionally(unavailable("the service is shutting down"));
        }
    }

    public String name() {
        return name;
    }

    /** True while the writer thread takes items; false before the start, after the stop, or when it died. */
    public boolean alive() {
        Thread thread = worker;
        return running && thread != null && thread.isAlive();
    }

    /** The writers of this JVM, for the readiness check. */
    static Collection<GroupCommit<?, ?>> all() {
        return ALL;
    }

    /** Room left in the queue: a batch request that does not fit is refused whole rather than half queued. */
    public int remainingCapacity() {
        return queue.remainingCapacity();
    }

    /**
     * Queues an item; the future completes once it is committed. Throws 503 at once when the queue is full or the
     * writer is not running; the future fails with 503 when the commit takes longer than the commit timeout. Both
     * are safe to retry when the item carries its own idempotency key.
     */
    public CompletableFuture<R> submit(I item) {
        if (!alive()) {
            throw unavailable("the service is not accepting requests right now");
        }
        Pending<I, R> pending = new Pending<>(item, new CompletableFuture<>());
        if (!queue.offer(pending)) {
            queueFull.increment();
            throw unavailable("too many requests are waiting to be stored");
        }
        return pending.result()
                .orTimeout(config.commitTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .exceptionally(failure -> {
                    Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
                    if (cause instanceof TimeoutException) {
                        timedOut.increment();
                        throw unavailable("the request was not stored in time; send it again");
                    }
                    throw cause instanceof RuntimeException runtime ? runtime : new CompletionException(cause);
                });
    }

    private void loop() {
        List<Pending<I, R>> batch = new ArrayList<>(config.maxBatch());
        while (running || !queue.isEmpty()) {
            try {
                Pending<I, R> first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, config.maxBatch() - 1);
                process(batch);
            } catch (InterruptedException e) {
                // The writer stops here: readiness goes down (WriterHealth) and new requests get 503 at once.
                LOG.errorf("%s was interrupted and stops", name);
                batch.forEach(p -> p.result().completeExceptionally(unavailable("the request could not be stored")));
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // process() settles every future itself; this only keeps the single writer alive.
                LOG.errorf(e, "%s failed unexpectedly", name);
                batch.forEach(p -> p.result().completeExceptionally(unavailable("the request could not be stored")));
            } finally {
                batch.clear();
            }
        }
    }

    private void process(List<Pending<I, R>> batch) {
        batchSize.record(batch.size());
        List<Outcome<R>> outcomes;
        try {
            Timer.Sample sample = Timer.start();
            outcomes = commit(batch);
            sample.stop(commitTime);
        } catch (RuntimeException batchFailure) {
            LOG.warnf(
                    "%s: a batch of %d failed, writing its items one by one: %s",
                    name, batch.size(), batchFailure.toString());
            outcomes = new ArrayList<>(batch.size());
            for (Pending<I, R> pending : batch) {
                try {
                    outcomes.addAll(commit(List.of(pending)));
                } catch (RuntimeException itemFailure) {
                    failed.increment();
                    outcomes.add(Outcome.failed(itemFailure(itemFailure)));
                }
            }
        }
        // Futures complete only after the commit: a client never hears of a write that rolled back.
        for (int i = 0; i < batch.size(); i++) {
            Outcome<R> outcome = outcomes.get(i);
            if (outcome.failure() == null) {
                batch.get(i).result().complete(outcome.result());
            } else {
                batch.get(i).result().completeExceptionally(outcome.failure());
            }
        }
    }

    private List<Outcome<R>> commit(List<Pending<I, R>> batch) {
        List<I> items = batch.stream().map(Pending::item).toList();
        List<Outcome<R>> outcomes = QuarkusTransaction.requiringNew().call(() -> writer.write(items));
        if (outcomes.size() != items.size()) {
            throw new IllegalStateException(name + " settled " + outcomes.size() + " of " + items.size() + " items");
        }
        return outcomes;
    }

    /**
     * An item the database refuses for its content fails every time: the client must change it (400). Anything else
     * may pass: nothing was stored, so sending it again is safe (503).
     */
    private DomainException itemFailure(RuntimeException failure) {
        if (Failures.isRefusedContent(failure)) {
            LOG.warnf("%s: the database refused an item: %s", name, failure.toString());
            return Invalid.of("a value of this request cannot be stored: " + rootMessage(failure), List.of());
        }
        LOG.errorf(failure, "%s: an item could not be stored", name);
        return unavailable("the request could not be stored");
    }

    /** What PostgreSQL said, e.g. "value too long for type character varying(80)", without the SQL around it. */
    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = String.valueOf(root.getMessage());
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).replaceFirst("^ERROR: ", "");
    }

    private Unavailable unavailable(String detail) {
        return new Unavailable(detail, config.retryAfter());
    }
}
