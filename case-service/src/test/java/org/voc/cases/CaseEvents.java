package org.voc.cases;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.voc.events.CloudEventHeaders;
import org.voc.events.Topics;
import org.voc.testsupport.TopicReader;

/**
 * Reads what case-service published on voc.cases from the real broker since the reader was created: one case's
 * events, in order.
 */
final class CaseEvents implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One event: its ce_type and its JSON payload. */
    record Received(String type, JsonNode payload) {}

    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

    CaseEvents() {
        consumer = TopicReader.consumer();
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.CASES).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition()))
                .toList();
        consumer.assign(partitions);
        // From the end as it is now, resolved at once (a lazy seek would skip what comes before the first poll): a
        // test creates the reader before it acts, and a topic that benchmarks filled with hundreds of thousands of
        // events could not be read from its beginning within a test's patience.
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
    }

    /** The case's events (keyed by its id), once at least {@code count} arrived. */
    List<Received> of(String caseId, int count) {
        return await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> {
                            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
                            return seen.stream()
                                    .filter(r -> caseId.equals(r.key()))
                                    .map(CaseEvents::received)
                                    .toList();
                        },
                        events -> events.size() >= count);
    }

    private static Received received(ConsumerRecord<String, String> record) {
        Header type = record.headers().lastHeader(CloudEventHeaders.TYPE);
        try {
            return new Received(new String(type.value(), StandardCharsets.UTF_8), JSON.readTree(record.value()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
