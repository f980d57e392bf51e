package org.voc.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.voc.events.CloudEventHeaders;
import org.voc.events.Topics;
import org.voc.testsupport.TopicReader;

/**
 * Where a probe's time goes between its 201 and its case: reads voc.responses and voc.cases from now on, beside the
 * services' own consumers, and keeps for each probe the moment response-service's relay handed its event to the
 * producer (the record's CreateTime), when case-service opened its case ({@code openedAt}) and when case-service's
 * relay sent {@code voc.case.opened.v1}. All are wall-clock milliseconds of processes on this machine, so they
 * compare with the benchmark's own {@link System#currentTimeMillis()}.
 */
final class ProbeStages implements AutoCloseable {

    /** The wall-clock moments of one probe's path; -1 where not seen (yet). */
    record Stages(long relayed, long caseOpened, long caseRelayed) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String probeTouchpoint;
    private final KafkaConsumer<String, String> consumer;
    private final Thread thread;
    private final Map<String, Long> relayedByCustomer = new ConcurrentHashMap<>();
    private final Map<String, String> responseByCustomer = new ConcurrentHashMap<>();
    private final Map<String, long[]> caseByResponse = new ConcurrentHashMap<>();
    private volatile boolean running = true;
    private volatile RuntimeException failure;

    private ProbeStages(String probeTouchpoint) {
        this.probeTouchpoint = probeTouchpoint;
        consumer = TopicReader.consumer();
        List<TopicPartition> partitions = Stream.of(Topics.RESPONSES, Topics.CASES)
                .flatMap(topic -> consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                        .map(p -> new TopicPartition(topic, p.partition())))
                .toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolved now, before the first probe is sent
        thread = new Thread(this::read, "probe-stages");
        thread.setDaemon(true);
        thread.start();
    }

    /** Starts reading both topics from their ends; create it before the first probe. */
    static ProbeStages watch(String probeTouchpoint) {
        return new ProbeStages(probeTouchpoint);
    }

    private void read() {
        try {
            while (running) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    // Most records are the load's: skip them before parsing.
                    if (record.value() != null && record.value().contains(probeTouchpoint)) {
                        take(record);
                    }
                }
            }
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            consumer.close();
        }
    }

    private void take(ConsumerRecord<String, String> record) {
        JsonNode event = parse(record.value());
        if (!probeTouchpoint.equals(event.path("touchpointKey").asText())) {
            return;
        }
        if (record.topic().equals(Topics.RESPONSES)) {
            String customer = event.path("customerRef").asText();
            relayedByCustomer.putIfAbsent(customer, record.timestamp());
            responseByCustomer.putIfAbsent(customer, event.path("responseId").asText());
        } else if ("voc.case.opened.v1".equals(header(record, CloudEventHeaders.TYPE))) {
            long openedAt = Instant.parse(event.path("openedAt").asText()).toEpochMilli();
            caseByResponse.putIfAbsent(event.path("responseId").asText(), new long[] {openedAt, record.timestamp()});
        }
    }

    private static JsonNode parse(String value) {
        try {
            return JSON.readTree(value);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("not JSON on a topic: " + value, e);
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** What was seen of this probe's customer so far. */
    Stages of(String customer) {
        if (failure != null) {
            throw failure;
        }
        String response = responseByCustomer.get(customer);
        long[] opened = response == null ? null : caseByResponse.get(response);
        return new Stages(
                relayedByCustomer.getOrDefault(customer, -1L),
                opened == null ? -1 : opened[0],
                opened == null ? -1 : opened[1]);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join();
    }
}
