package org.voc.kit.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.hibernate.Session;
import org.jboss.logging.Logger;
import org.voc.events.CloudEventHeaders;

/**
 * Sends committed outbox rows to Kafka (idempotent producer, acks=all) and deletes them once the broker has
 * acknowledged every record of the batch. Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so several
 * replicas relay side by side without sending a row twice; a failed batch stays in the table and is retried.
 * <p>
 * A batch that is not acknowledged in time is counted as a failed attempt, but its records are NOT sent again
 * while the producer still holds them: a broker that stalls (GC pause, frozen process, slow disk) may already
 * have stored a request it never answered, and a second send would be a second record. The producer's own
 * retries carry the same sequence numbers, so the broker drops those duplicates.
 * <p>
 * A row Kafka refuses for good (too large, invalid) is parked ({@code parked_at}, {@code last_error}, the
 * {@code voc.outbox.parked} counter) and the batch carries on: one bad row never holds up the outbox.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final OutboxConfig config;
    private final EntityManager em;
    private final Map<String, Object> kafkaConfig;
    private final Counter sent;
    private final Counter failures;
    private final Counter parked;
    private final Semaphore wakeUp = new Semaphore(0);
    /** Records handed to the producer and not yet acknowledged, by outbox row id. Only the relay thread uses it. */
    private final Map<UUID, Future<?>> inFlight = new ConcurrentHashMap<>();

    private volatile boolean running;
    private Thread worker;
    private KafkaProducer<String, String> producer;

    public OutboxRelay(
            OutboxConfig config,
            EntityManager em,
            MeterRegistry registry,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.config = config;
        this.em = em;
        this.kafkaConfig = kafkaConfig;
        this.sent = registry.counter("voc.outbox.sent");
        this.failures = registry.counter("voc.outbox.failures");
        this.parked = registry.counter("voc.outbox.parked");
        // What waits in the table, for the operators' dashboard and the outbox-age alert (docs/operations.md).
        Gauge.builder("voc.outbox.depth", this, relay -> relay.pending)
                .description("Outbox rows waiting to be sent (parked rows excluded), as of the last look")
                .register(registry);
        Gauge.builder("voc.outbox.oldest.age", this, OutboxRelay::oldestAgeSeconds)
                .description("Age of the oldest outbox row waiting to be sent; 0 when none waits")
                .baseUnit("seconds")
                .register(registry);
    }

    /** Counts the waiting rows at most this often: the gauges are read by every scrape, the table by the relay only. */
    private static final long BACKLOG_LOOK_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(5);

    private volatile long pending;
    private volatile Instant oldestPending;
    private long lastBacklogLook = System.nanoTime() - BACKLOG_LOOK_INTERVAL_NANOS;

    private double oldestAgeSeconds() {
        Instant oldest = oldestPending;
        return oldest == null
                ? 0
                : Math.max(0, Duration.between(oldest, Instant.now()).toMillis() / 1000.0);
    }

    /** Refreshes the backlog gauges; a failure here only leaves them as they were. */
    private void lookAtBacklog() {
        if (System.nanoTime() - lastBacklogLook < BACKLOG_LOOK_INTERVAL_NANOS) {
            return;
        }
        lastBacklogLook = System.nanoTime();
        try {
            Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[])
                    em.createNativeQuery("select count(*), min(created_at) from outbox_event where parked_at is null")
                            .getSingleResult());
            pending = ((Number) row[0]).longValue();
            oldestPending = row[1] == null ? null : toInstant(row[1]);
        } catch (RuntimeException e) {
            LOG.debugf("outbox backlog not read: %s", e.toString());
        }
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        throw new IllegalStateException("unexpected created_at type " + value.getClass());
    }

    void start(@Observes StartupEvent event) {
        if (!outboxTableExists()) {
            LOG.debug("no outbox_event table: this service publishes nothing, the relay stays idle");
            return;
        }
        producer = new KafkaProducer<>(producerProperties());
        running = true;
        worker = new Thread(this::loop, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    /**
     * Stops after the group-commit writers (they observe at the default priority, which comes first): what the last
     * requests committed is then in the table, and the relay sends it before the process exits (see {@link #drain}).
     */
    void stop(@Observes @Priority(Interceptor.Priority.LIBRARY_AFTER) ShutdownEvent event) throws InterruptedException {
        running = false;
        wakeUp.release();
        if (worker != null) {
            worker.join(config.drainTimeout().plusSeconds(1).toMillis());
        }
        if (producer != null) {
            producer.close(config.drainTimeout());
        }
    }

    void onCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.Written written) {
        wakeUp.release();
    }

    private void loop() {
        relayWhileRunning();
        if (!Thread.currentThread().isInterrupted()) {
            drain();
        }
    }

    /**
     * On shutdown, sends what is left for up to the drain timeout, so the events of the last requests do not wait
     * for the next start of a replica. A row left behind is not lost: it stays in the table and is sent then.
     */
    private void drain() {
        long deadline = System.nanoTime() + config.drainTimeout().toNanos();
        int drained = 0;
        try {
            int relayed;
            while (System.nanoTime() < deadline && (relayed = relayBatch()) > 0) {
                drained += relayed;
            }
            LOG.infof("outbox relay stopped after draining %d events", drained);
        } catch (RuntimeException e) {
            LOG.warnf(
                    "outbox relay stopped draining after %d events; the rest is sent at the next start: %s",
                    drained, e.toString());
        }
    }

    private void relayWhileRunning() {
        while (running) {
            lookAtBacklog();
            try {
                int relayed = relayBatch();
                if (relayed < config.batchSize()) {
                    wakeUp.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    wakeUp.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                failures.increment();
                LOG.warnf("outbox relay failed, retrying in %s: %s", config.retryBackoff(), e.toString());
                recordFailure(e);
                sleep();
            }
        }
    }

    /** Flyway has migrated by now: a service without the table (it publishes nothing) runs no relay. */
    private boolean outboxTableExists() {
        return QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery("select to_regclass('outbox_event') is not null")
                        .getSingleResult()
                        .equals(Boolean.TRUE));
    }

    /** Sends one batch in one transaction; returns how many rows it relayed. */
    int relayBatch() {
        return QuarkusTransaction.requiringNew()
                .timeout((int) config.deliveryTimeout().toSeconds() + 10)
                .call(() -> {
                    List<Row> batch = claim();
                    if (batch.isEmpty()) {
                        return 0;
                    }
                    if (inFlight.size() > 10 * config.batchSize()) {
                        // Rows another replica relayed meanwhile never come back here; forget their settled sends.
                        inFlight.values().removeIf(Future::isDone);
                    }
                    List<Future<?>> acks = new ArrayList<>(batch.size());
                    for (Row row : batch) {
                        acks.add(inFlight.computeIfAbsent(row.id(), id -> producer.send(record(row))));
                    }
                    long deadline = System.nanoTime() + config.deliveryTimeout().toNanos();
                    List<UUID> delivered = new ArrayList<>(batch.size());
                    for (int i = 0; i < batch.size(); i++) {
                        Row row = batch.get(i);
                        try {
                            acks.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                            delivered.add(row.id());
                        } catch (ExecutionException e) {
                            inFlight.remove(row.id());
                            if (!refusedForGood(e.getCause())) {
                                // The producer gave up on this record: the next attempt sends the row again.
                                throw new IllegalStateException(
                                        "Kafka rejected outbox event " + row.id(), e.getCause());
                            }
                            park(row, e.getCause());
                        }
                    }
                    delete(delivered);
                    delivered.forEach(inFlight::remove);
                    sent.increment(delivered.size());
                    return batch.size();
                });
    }

    /** One claimed outbox row; plain JDBC on this path, the relay runs for every commit. */
    private record Row(UUID id, String topic, String key, String type, String payload, Instant createdAt) {}

    /** Locks the oldest unsent rows that no other replica holds. */
    private List<Row> claim() {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "select id, topic, record_key, type, payload::text, created_at from outbox_event"
                            + " where parked_at is null order by created_at limit ? for update skip locked")) {
                select.setInt(1, config.batchSize());
                List<Row> rows = new ArrayList<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new Row(
                                rs.getObject(1, UUID.class),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getString(5),
                                rs.getObject(6, OffsetDateTime.class).toInstant()));
                    }
                }
                return rows;
            }
        });
    }

    /**
     * Kafka will refuse this record however often it is sent: larger than the broker or the producer take, not a
     * valid record or topic. Retrying it would hold up every row behind it.
     */
    private static boolean refusedForGood(Throwable failure) {
        return failure instanceof RecordTooLargeException
                || failure instanceof RecordBatchTooLargeException
                || failure instanceof InvalidRecordException
                || failure instanceof SerializationException
                || failure instanceof InvalidTopicException;
    }

    /** Sets the row aside with its error, in the batch's transaction, so the relay carries on with the others. */
    private void park(Row row, Throwable failure) {
        parked.increment();
        LOG.errorf(
                "parking outbox event %s (%s, %s, key %s): Kafka refuses it for good: %s",
                row.id(), row.type(), row.topic(), row.key(), failure.toString());
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement park = connection.prepareStatement("update outbox_event set parked_at = now(),"
                    + " attempts = attempts + 1, last_error = ? where id = ?")) {
                park.setString(1, failure.toString());
                park.setObject(2, row.id());
                park.executeUpdate();
            }
        });
    }

    private void delete(List<UUID> ids) {
        if (ids.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("delete from outbox_event where id = any(?)")) {
                delete.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
                delete.executeUpdate();
            }
        });
    }

    private ProducerRecord<String, String> record(Row row) {
        ProducerRecord<String, String> record = new ProducerRecord<>(row.topic(), row.key(), row.payload());
        header(record, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
        header(record, CloudEventHeaders.ID, row.id().toString());
        header(record, CloudEventHeaders.TYPE, row.type());
        header(record, CloudEventHeaders.SOURCE, config.source());
        header(record, CloudEventHeaders.TIME, DateTimeFormatter.ISO_INSTANT.format(row.createdAt()));
        header(record, CloudEventHeaders.CONTENT_TYPE, "application/json");
        return record;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** Counts the failed attempt on the oldest rows so operators can see a stuck outbox in the table. */
    private void recordFailure(RuntimeException error) {
        try {
            QuarkusTransaction.requiringNew()
                    .run(() -> em.createNativeQuery(
                                    "update outbox_event set attempts = attempts + 1, last_error = :error"
                                            + " where id in (select id from outbox_event where parked_at is null"
                                            + " order by created_at limit :n for update skip locked)")
                            .setParameter("error", String.valueOf(error.getMessage()))
                            .setParameter("n", config.batchSize())
                            .executeUpdate());
        } catch (RuntimeException e) {
            LOG.debugf("could not record the outbox failure: %s", e.toString());
        }
    }

    private void sleep() {
        try {
            Thread.sleep(config.retryBackoff().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Properties producerProperties() {
        Properties props = new Properties();
        // Every kafka.* setting (bootstrap servers, SASL, TLS) of the service, then what the outbox needs.
        props.putAll(kafkaConfig);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Math.max(
                config.producerDeliveryTimeout().toMillis(),
                config.deliveryTimeout().toMillis() + 1000));
        // Kafka requires delivery.timeout >= linger + request.timeout.
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int)
                Math.max(1000, config.deliveryTimeout().toMillis() / 2));
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int)
                config.deliveryTimeout().toMillis());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.CLIENT_ID_CONFIG, config.source().replace("/", "") + "-outbox");
        return props;
    }
}
