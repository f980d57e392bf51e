package org.voc.testsupport;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.voc.events.CloudEventHeaders;
import org.voc.events.ResponseSubmitted;

/**
 * The reference platform's day for the benchmarks: {@code responses} submitted responses of one survey and
 * touchpoint (NPS 0–10 in turn, a CSAT and a CES answer each, four segments and four channels, 300 employees), one
 * a second from {@code from}, put on {@code voc.responses} at once by an asynchronous producer, as CloudEvents the way
 * response-service's relay writes them. The benchmarks time how long the consumers take to count them.
 */
public final class ReferenceDay {

    public static final List<String> SEGMENTS = List.of("RETAIL", "SME", "PRIVATE", "CORPORATE");
    public static final List<String> CHANNELS = List.of("WEB", "APP", "BRANCH", "CONTACT_CENTER");
    private static final int EMPLOYEES = 300;
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** When the first record was handed to the producer and when the broker had acknowledged the last. */
    public record Sent(long startNanos, long producedNanos) {}

    private ReferenceDay() {}

    /**
     * An NPS answer as a bank's surveys give them, the mix the case benchmarks use: 55 % promoters, 27 % passives and
     * 18 % detractors. {@code uniform} gives 0–10 alike instead: 64 % detractors, a harsher load for case-service.
     */
    public static int npsScore(boolean uniform) {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        if (uniform) {
            return random.nextInt(11);
        }
        double kind = random.nextDouble();
        return kind < 0.55 ? 9 + random.nextInt(2) : kind < 0.82 ? 7 + random.nextInt(2) : random.nextInt(7);
    }

    public static Sent send(UUID surveyId, String touchpoint, Instant from, int responses) throws Exception {
        List<ResponseSubmitted> events = new ArrayList<>(responses);
        for (int i = 0; i < responses; i++) {
            int nps = i % 11;
            events.add(new ResponseSubmitted(
                    UUID.randomUUID(),
                    surveyId,
                    1,
                    touchpoint,
                    CHANNELS.get(i % CHANNELS.size()),
                    "day-" + i,
                    from.plusMillis(i * 1_000L),
                    nps,
                    List.of(
                            new ResponseSubmitted.Answer("nps", "NPS", nps, null),
                            new ResponseSubmitted.Answer("csat", "CSAT", 1 + i % 5, null),
                            new ResponseSubmitted.Answer("ces", "CES", 1 + i % 7, null)),
                    null,
                    SEGMENTS.get(i % SEGMENTS.size()),
                    "emp-" + i % EMPLOYEES,
                    null));
        }
        return send(events);
    }

    /**
     * Any day of responses, built beforehand so that building them is not timed: all put on {@code voc.responses} at
     * once, as {@link #send(UUID, String, Instant, int)} does.
     */
    public static Sent send(List<ResponseSubmitted> events) throws Exception {
        try (KafkaProducer<String, String> producer = producer()) {
            List<CompletableFuture<Void>> sends = new ArrayList<>(events.size());
            long start = System.nanoTime();
            for (ResponseSubmitted event : events) {
                sends.add(send(producer, event));
            }
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
            return new Sent(start, System.nanoTime());
        }
    }

    /**
     * Responses at a steady rate instead of at once: {@code perSecond} a second for {@code count} responses, each
     * built by {@code event} when it is due (so it can carry its send time). A pacer wakes every 10 ms and sends what
     * became due since its last wake, so a late wake catches up instead of lowering the rate.
     */
    public static Sent sendPaced(IntFunction<ResponseSubmitted> event, int count, int perSecond) throws Exception {
        long start = System.nanoTime();
        pace(event, perSecond, count, () -> false);
        return new Sent(start, System.nanoTime());
    }

    /**
     * Responses at a steady rate, as {@link #sendPaced(IntFunction, int, int)} sends them, until {@code stop} says so;
     * returns how many were sent (every one acknowledged by the broker).
     */
    public static int sendPacedUntil(IntFunction<ResponseSubmitted> event, int perSecond, BooleanSupplier stop)
            throws Exception {
        return pace(event, perSecond, Integer.MAX_VALUE, stop);
    }

    private static int pace(IntFunction<ResponseSubmitted> event, int perSecond, int count, BooleanSupplier stop)
            throws Exception {
        try (KafkaProducer<String, String> producer = producer()) {
            List<CompletableFuture<Void>> sends = new ArrayList<>();
            long start = System.nanoTime();
            int sent = 0;
            while (sent < count && !stop.getAsBoolean()) {
                long due = Math.min(count, (System.nanoTime() - start) * perSecond / 1_000_000_000L + 1);
                for (; sent < due; sent++) {
                    sends.add(send(producer, event.apply(sent)));
                }
                for (CompletableFuture<Void> done : sends) {
                    if (done.isCompletedExceptionally()) {
                        done.join(); // a refused send fails the run instead of lowering the rate unseen
                    }
                }
                sends.removeIf(CompletableFuture::isDone); // a long run keeps only what is in flight
                Thread.sleep(10);
            }
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
            return sent;
        }
    }

    private static KafkaProducer<String, String> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.kafkaBootstrap());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(props);
    }

    private static CompletableFuture<Void> send(KafkaProducer<String, String> producer, ResponseSubmitted event)
            throws Exception {
        String id = event.responseId().toString();
        ProducerRecord<String, String> record =
                new ProducerRecord<>(ResponseSubmitted.TYPE.topic(), id, JSON.writeValueAsString(event));
        header(record, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
        header(record, CloudEventHeaders.ID, id);
        header(record, CloudEventHeaders.TYPE, ResponseSubmitted.TYPE.type());
        header(record, CloudEventHeaders.SOURCE, "/benchmark");
        header(record, CloudEventHeaders.TIME, Instant.now().toString());
        header(record, CloudEventHeaders.CONTENT_TYPE, "application/json");
        CompletableFuture<Void> sent = new CompletableFuture<>();
        producer.send(record, (m, e) -> {
            if (e == null) {
                sent.complete(null);
            } else {
                sent.completeExceptionally(e);
            }
        });
        return sent;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
