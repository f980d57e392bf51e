package org.voc.kit.inbound;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.Logger;
import org.voc.events.CloudEventHeaders;
import org.voc.events.EventType;
import org.voc.kit.Failures;

/**
 * The policy every consumer follows, so a poll is either applied or accounted for and the partition never sticks:
 * <ol>
 * <li>parse and check each record; a tombstone is skipped;</li>
 * <li>apply the usable events in one transaction (the applier makes it idempotent: replaying a topic gives the
 * same state);</li>
 * <li>a transient failure (database or broker away, a lock busy) is retried with a growing pause, without failing
 * the channel; any other failure of the poll is retried record by record, to find the records that fail alone;</li>
 * <li>a record that can never be applied (unparseable, invalid, of a type not read here, refused by the database
 * for its content) goes to {@code <topic>.dlq} with the reason and source offset in headers, is logged and counted
 * in {@code voc.events.rejected}.</li>
 * </ol>
 * The call returns, and the offsets are committed, only when every record of the poll is applied or dead-lettered.
 */
@ApplicationScoped
public class InboundEvents {

    private static final Logger LOG = Logger.getLogger(InboundEvents.class);

    private final ObjectMapper json;
    private final Validator validator;
    private final DeadLetters deadLetters;
    private final InboundConfig config;
    private final MeterRegistry registry;
    private volatile boolean stopping;

    public InboundEvents(
            ObjectMapper json,
            Validator validator,
            DeadLetters deadLetters,
            InboundConfig config,
            MeterRegistry registry) {
        // Producers may add optional fields to an event type (the contracts' evolution rule): tolerate them here,
        // whereas the API rejects unknown fields in requests.
        this.json = json.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.validator = validator;
        this.deadLetters = deadLetters;
        this.config = config;
        this.registry = registry;
    }

    /** From now on a failing poll is left for the next owner of its partitions: nothing is retried or dead-lettered. */
    public void stop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    /**
     * Applies one poll: {@code apply} gets the usable events (all of them, or one at a time while the poll is
     * searched for records that fail alone) and runs in a transaction of its own.
     */
    public void consume(ConsumerRecords<String, String> records, Reads reads, Consumer<EventBatch> apply) {
        List<Received<?>> usable = new ArrayList<>(records.count());
        List<DeadLetter> dead = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            parse(record, reads, usable, dead);
        }
        if (!usable.isEmpty()) {
            RuntimeException failure = untilSettled(usable, apply);
            if (failure != null && usable.size() == 1) {
                dead.add(reject(usable.get(0).record(), "not applicable: " + describe(failure)));
            } else if (failure != null) {
                LOG.warnf(
                        "a poll of %d events from %s failed, applying them one by one: %s",
                        usable.size(), usable.get(0).record().topic(), describe(failure));
                for (Received<?> one : usable) {
                    RuntimeException alone = untilSettled(List.of(one), apply);
                    if (alone != null) {
                        dead.add(reject(one.record(), "not applicable: " + describe(alone)));
                    }
                }
            }
        }
        if (!dead.isEmpty()) {
            for (int attempt = 1; ; attempt++) {
                try {
                    deadLetters.send(dead);
                    break;
                } catch (RuntimeException e) {
                    pause(dead.get(0).record().topic(), attempt, e);
                }
            }
        }
    }

    /** The common case: one event type, checked by its contract alone, applied as a list. */
    public <T> void consume(ConsumerRecords<String, String> records, EventType<T> type, Consumer<List<T>> apply) {
        consume(records, Reads.of(type), batch -> apply.accept(batch.events(type)));
    }

    private void parse(
            ConsumerRecord<String, String> record, Reads reads, List<Received<?>> usable, List<DeadLetter> dead) {
        if (record.value() == null) {
            LOG.debugf("ignoring tombstone %s-%d@%d", record.topic(), record.partition(), record.offset());
            return;
        }
        String ceType = header(record, CloudEventHeaders.TYPE);
        if (ceType != null && reads.ignores(ceType)) {
            return;
        }
        Reads.Rule<?> rule = reads.rule(ceType);
        if (rule == null) {
            dead.add(reject(record, "type '" + ceType + "' is not read here (" + reads + ")"));
            return;
        }
        Received<?> received = read(record, rule, dead);
        if (received != null) {
            usable.add(received);
        }
    }

    private <T> Received<T> read(ConsumerRecord<String, String> record, Reads.Rule<T> rule, List<DeadLetter> dead) {
        T event;
        try {
            event = json.readValue(record.value(), rule.type().payloadClass());
        } catch (Exception e) {
            dead.add(
                    reject(record, "unreadable " + rule.type().payloadClass().getSimpleName() + ": " + e.getMessage()));
            return null;
        }
        String reason;
        try {
            reason = event == null ? "empty payload" : contractViolations(event);
            if (reason == null) {
                reason = rule.invalid().apply(event);
            }
        } catch (RuntimeException e) {
            reason = "invalid: " + e;
        }
        if (reason != null) {
            dead.add(reject(record, reason));
            return null;
        }
        return new Received<>(record, rule.type(), event);
    }

    /** What the event lacks by its contract, e.g. {@code responseId must not be null}; null when nothing. */
    private String contractViolations(Object event) {
        Set<ConstraintViolation<Object>> violations = validator.validate(event);
        return violations.isEmpty()
                ? null
                : violations.stream()
                        .map(v -> v.getPropertyPath() + " " + v.getMessage())
                        .sorted()
                        .collect(Collectors.joining("; "));
    }

    /** Applies until it succeeds or fails for good; returns that failure, or null once applied. */
    private RuntimeException untilSettled(List<Received<?>> events, Consumer<EventBatch> apply) {
        EventBatch batch = new EventBatch(events);
        for (int attempt = 1; ; attempt++) {
            try {
                QuarkusTransaction.requiringNew().run(() -> apply.accept(batch));
                return null;
            } catch (RuntimeException e) {
                if (stopping) {
                    // A shutdown closes the connection pool under a running poll: the failure says nothing about the
                    // records, so none is dead-lettered; the next owner of the partition reads them again.
                    throw new IllegalStateException("stopping: the poll is read again after the restart", e);
                }
                if (!Failures.isTransient(e)) {
                    return e;
                }
                pause(events.get(0).record().topic(), attempt, e);
            }
        }
    }

    private void pause(String topic, int attempt, RuntimeException failure) {
        if (stopping) {
            throw new IllegalStateException("stopping: the poll is read again after the restart", failure);
        }
        registry.counter("voc.events.retries", "topic", topic).increment();
        long max = config.maxRetryBackoff().toMillis();
        long millis = Math.min(max, config.retryBackoff().toMillis() << Math.min(attempt - 1, 20));
        LOG.warnf(
                "%s: transient failure (attempt %d), retrying in %s: %s",
                topic, attempt, Duration.ofMillis(millis), describe(failure));
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", e);
        }
    }

    private DeadLetter reject(ConsumerRecord<String, String> record, String reason) {
        LOG.errorf(
                "dead-lettering record %s-%d@%d (key %s, ce_id %s): %s",
                record.topic(),
                record.partition(),
                record.offset(),
                record.key(),
                header(record, CloudEventHeaders.ID),
                reason);
        registry.counter("voc.events.rejected", "topic", record.topic()).increment();
        return new DeadLetter(record, reason);
    }

    /** The innermost message: what the database or the applier actually said. */
    private static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == failure ? failure.toString() : failure.getClass().getSimpleName() + ": " + root;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
