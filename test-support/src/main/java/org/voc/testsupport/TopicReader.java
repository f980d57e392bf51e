package org.voc.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a topic of the real test broker from the beginning, to check what a service published. */
public final class TopicReader implements AutoCloseable {

    /** One record as a consumer sees it: key, JSON value and headers decoded as UTF-8. */
    public record Event(String key, String value, Map<String, String> headers) {}

    /** How long {@link #awaitAll} keeps reading after the expected events arrived; a duplicate would come within it. */
    private static final Duration SETTLE = Duration.ofSeconds(3);

    private final KafkaConsumer<String, String> consumer;

    /** A reader of everything on the topic, from its beginning. */
    public TopicReader(String topic) {
        this(topic, false);
    }

    /**
     * A reader of what arrives on the topic from now on: for topics that benchmarks or earlier runs filled with more
     * than a test could read from the beginning within its patience. Create it before the step whose events it reads.
     */
    public static TopicReader fromNow(String topic) {
        return new TopicReader(topic, true);
    }

    private TopicReader(String topic, boolean fromNow) {
        consumer = consumer();
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map((PartitionInfo p) -> new TopicPartition(topic, p.partition()))
                .collect(Collectors.toList());
        if (partitions.isEmpty()) {
            consumer.close();
            throw new IllegalStateException(
                    "topic " + topic + " does not exist: add it to local/kafka-topics.conf and start the infrastructure"
                            + " again (./local/infra.sh start creates the missing ones)");
        }
        consumer.assign(partitions);
        if (fromNow) {
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position); // resolved now: a lazy seek would skip what comes before a poll
        } else {
            consumer.seekToBeginning(partitions);
        }
    }

    /**
     * A consumer of the test broker with no group (assign partitions to it) and nothing committed, for a test that
     * reads topics its own way.
     */
    public static KafkaConsumer<String, String> consumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.kafkaBootstrap());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return new KafkaConsumer<>(props);
    }

    /** Polls until an event matches or the timeout passes; returns every match seen so far. */
    public List<Event> awaitMatching(Predicate<Event> match, Duration timeout) {
        List<Event> found = new ArrayList<>();
        Instant deadline = Instant.now().plus(timeout);
        while (found.isEmpty() && Instant.now().isBefore(deadline)) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                Event event = new Event(record.key(), record.value(), headers(record));
                if (match.test(event)) {
                    found.add(event);
                }
            }
        }
        return found;
    }

    /**
     * Reads until {@code expected} events matched or the timeout passed, then a little longer, so that a duplicate
     * would be among what it returns.
     */
    public List<Event> awaitAll(Predicate<Event> match, int expected, Duration timeout) {
        List<Event> found = new ArrayList<>();
        Instant deadline = Instant.now().plus(timeout);
        while (found.size() < expected && Instant.now().isBefore(deadline)) {
            found.addAll(awaitMatching(match, Duration.between(Instant.now(), deadline)));
        }
        found.addAll(awaitMatching(match, SETTLE));
        return found;
    }

    private static Map<String, String> headers(ConsumerRecord<String, String> record) {
        Map<String, String> headers = new HashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
