package org.voc.cases.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.voc.cases.domain.CasePriority;
import org.voc.cases.messaging.ResponseConsumer;
import org.voc.cases.rules.domain.CaseRule;
import org.voc.cases.rules.domain.CaseRuleService;
import org.voc.cases.rules.domain.RuleConditions;
import org.voc.cases.rules.domain.RuleSet;
import org.voc.events.CloudEventHeaders;
import org.voc.events.ResponseSubmitted;
import org.voc.events.Topics;

/**
 * Figures for docs/performance.md ("Case rules"), not a test: excluded from the normal test phase, run on purpose
 * with {@code -Dtest=CaseRuleBenchmark}. Measures (1) rule evaluation alone, on one thread, with the two default
 * rules and 20 more (keywords and phrases in Russian and English, filters, every question type), and (2) the
 * consumer's whole work per poll of 500 records, called as Kafka would call it: CloudEvents header and JSON
 * parsing, contract validation, rule evaluation and the one-statement insert of the batch's cases, committed. The
 * fetch from the broker is left out: the broker is not what a rule costs. Prints {@code CASE RULES BENCHMARK} lines.
 */
@QuarkusTest
class CaseRuleBenchmark {

    private static final int POLL = 500;
    private static final List<String> TEXTS = List.of(
            "Карта пришла с задержкой на неделю, курьер не отвечал на звонки",
            "Всё отлично, спасибо за быстрое обслуживание",
            "The app keeps crashing when I try to pay, support was slow to answer",
            "Хорошее приложение, но иногда долго грузится выписка по счёту",
            "Great service, the courier was polite and on time",
            "Сотрудник в отделении был груб и не помог с переводом денег за границу",
            "I waited 40 minutes on the phone and nobody could help me with my card");

    @Inject
    ResponseConsumer consumer;

    @Inject
    CaseRuleService rules;

    @Inject
    ObjectMapper json;

    @Inject
    EntityManager em;

    @Test
    void measure() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<CaseRule> ruleList = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            CaseRuleService.Fields fields = fields(run, i);
            ruleList.add(new CaseRule(
                    UUID.randomUUID(),
                    fields.name(),
                    true,
                    fields.conditions(),
                    fields.priority(),
                    fields.firstContactTarget(),
                    fields.resolutionTarget(),
                    null,
                    false,
                    0,
                    Instant.EPOCH,
                    Instant.EPOCH));
        }
        ruleList.add(defaultRule("NPS detractor", 6, CasePriority.NORMAL));
        ruleList.add(defaultRule("NPS strong detractor", 3, CasePriority.HIGH));
        RuleSet set = RuleSet.of(ruleList);

        Random random = new Random(42);
        List<ResponseSubmitted> responses = new ArrayList<>();
        for (int i = 0; i < 200_000; i++) {
            responses.add(response(random, "bench-" + run + "-" + (i % 50)));
        }
        for (int round = 0; round < 3; round++) {
            long started = System.nanoTime();
            int matched = 0;
            for (ResponseSubmitted r : responses) {
                matched += set.evaluate(r) == null ? 0 : 1;
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf(
                    "CASE RULES BENCHMARK evaluation round %d: %d responses, %d rules, %d matched, %.2f s, %.0f/s%n",
                    round, responses.size(), set.size(), matched, seconds, responses.size() / seconds);
        }

        // The same 20 rules, stored, so that the consumer evaluates them as in production.
        for (int i = 0; i < 20; i++) {
            rules.create(fields(run, i));
        }
        List<ConsumerRecords<String, String>> polls = new ArrayList<>();
        long offset = 0;
        for (int from = 0; from + POLL <= 100_000; from += POLL) {
            List<ConsumerRecord<String, String>> batch = new ArrayList<>(POLL);
            for (ResponseSubmitted r : responses.subList(from, from + POLL)) {
                batch.add(record(r, offset++));
            }
            TopicPartition partition = new TopicPartition(Topics.RESPONSES, 0);
            polls.add(
                    new ConsumerRecords<>(Map.of(partition, batch), Map.of(partition, new OffsetAndMetadata(offset))));
        }
        // The first fifth warms the JIT; the rest is measured.
        int warm = polls.size() / 5;
        polls.subList(0, warm).forEach(consumer::consume);
        long started = System.nanoTime();
        polls.subList(warm, polls.size()).forEach(consumer::consume);
        double seconds = (System.nanoTime() - started) / 1e9;
        int measured = (polls.size() - warm) * POLL;
        System.out.printf(
                "CASE RULES BENCHMARK consumption: %d responses in polls of %d, %.2f s, %.0f/s%n",
                measured, POLL, seconds, measured / seconds);
        for (int i = 0; i < 20; i++) {
            String name = fields(run, i).name();
            rules.list().stream().filter(r -> r.name().equals(name)).forEach(r -> rules.delete(r.id(), r.revision()));
        }
        // The benchmark's cases would weigh on every later listing of the test database.
        int deleted = QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery("delete from customer_case where touchpoint_key like ?1")
                        .setParameter(1, "bench-" + run + "-%")
                        .executeUpdate());
        System.out.printf("CASE RULES BENCHMARK removed its %d cases%n", deleted);
        assertEquals(
                0, rules.list().stream().filter(r -> r.name().contains(run)).count());
    }

    /** Twenty rules of every kind; each filtered to a tenth of the benchmark's touchpoints or asking about text. */
    private static CaseRuleService.Fields fields(String run, int i) {
        List<String> touchpoints = List.of("bench-" + run + "-" + (i % 10), "bench-" + run + "-" + (i % 10 + 10));
        RuleConditions c = switch (i % 5) {
            case 0 -> new RuleConditions(null, 3, null, null, null, null, null, touchpoints, List.of("premium"), null);
            case 1 -> new RuleConditions(null, null, 6, null, null, null, null, touchpoints, null, null);
            case 2 -> new RuleConditions(null, null, null, null, "speed", 2, null, touchpoints, null, null);
            case 3 ->
                new RuleConditions(
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        List.of("задержка", "курьер не отвечал", "delay", "crash"),
                        null,
                        null,
                        List.of("WEB", "MOBILE_APP"));
            default ->
                new RuleConditions(
                        8,
                        null,
                        null,
                        null,
                        null,
                        null,
                        List.of("груб", "nobody could help", "долго"),
                        touchpoints,
                        null,
                        null);
        };
        return new CaseRuleService.Fields(
                "bench " + run + " " + i,
                true,
                c,
                i % 2 == 0 ? CasePriority.HIGH : CasePriority.NORMAL,
                Duration.ofHours(4),
                Duration.ofDays(3),
                null,
                false);
    }

    private static CaseRule defaultRule(String name, int nps, CasePriority priority) {
        return new CaseRule(
                UUID.randomUUID(),
                name,
                true,
                RuleConditions.npsAtMost(nps),
                priority,
                Duration.ofHours(24),
                Duration.ofDays(5),
                null,
                false,
                0,
                Instant.EPOCH,
                Instant.EPOCH);
    }

    /** A response like the suite's surveys produce: NPS, one or two scores and, half the time, a comment. */
    private static ResponseSubmitted response(Random random, String touchpoint) {
        List<ResponseSubmitted.Answer> answers = new ArrayList<>();
        int nps = random.nextInt(11);
        answers.add(new ResponseSubmitted.Answer("nps", "NPS", nps, null));
        answers.add(new ResponseSubmitted.Answer("csat", "CSAT", 1 + random.nextInt(5), null));
        answers.add(new ResponseSubmitted.Answer("ces", "CES", 1 + random.nextInt(7), null));
        answers.add(new ResponseSubmitted.Answer("speed", "RATING", 1 + random.nextInt(5), null));
        if (random.nextBoolean()) {
            answers.add(new ResponseSubmitted.Answer("why", "TEXT", null, TEXTS.get(random.nextInt(TEXTS.size()))));
        }
        return new ResponseSubmitted(
                UUID.randomUUID(),
                UUID.randomUUID(),
                1,
                touchpoint,
                random.nextBoolean() ? "WEB" : "SMS",
                "cust-" + random.nextInt(1_000_000),
                Instant.parse("2026-11-25T09:00:00Z"),
                nps,
                answers,
                null,
                random.nextInt(4) == 0 ? "premium" : "mass",
                null,
                null);
    }

    private ConsumerRecord<String, String> record(ResponseSubmitted r, long offset) throws Exception {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(
                Topics.RESPONSES, 0, offset, r.responseId().toString(), json.writeValueAsString(r));
        header(record, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
        header(record, CloudEventHeaders.ID, UUID.randomUUID().toString());
        header(record, CloudEventHeaders.TYPE, ResponseSubmitted.TYPE.type());
        header(record, CloudEventHeaders.SOURCE, "/case-rule-benchmark");
        header(record, CloudEventHeaders.TIME, DateTimeFormatter.ISO_INSTANT.format(Instant.now()));
        header(record, CloudEventHeaders.CONTENT_TYPE, "application/json");
        return record;
    }

    private static void header(ConsumerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
