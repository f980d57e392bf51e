package org.voc.cases.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.voc.cases.domain.CasePriority;
import org.voc.cases.rules.domain.CaseRuleService;
import org.voc.cases.rules.domain.RuleConditions;
import org.voc.cases.rules.domain.RuleSet;
import org.voc.events.ResponseSubmitted;
import org.voc.events.TeamState;
import org.voc.events.TouchpointState;
import org.voc.testsupport.EventProducer;
import org.voc.testsupport.ReferenceDay;

/**
 * Figures for docs/performance.md ("Cases: consuming a day and catching up"), not a test: excluded from the test
 * phase, run by {@code ./voc bench cases}. The response consumer alone, in this JVM, fed through the real broker: a
 * day of {@code voc.response.submitted.v1} events shaped like a bank's (mostly promoters and passives, about a fifth
 * opening a case through the default NPS rules, a keyword rule in Russian and English, a CES rule and a CSAT rule;
 * a comment in a third of them; twelve touchpoints whose four owner teams are in the replica), in three phases:
 * <ol>
 * <li><b>at once</b>: a day put on {@code voc.responses} while the consumer runs, timed from the first send until
 * every case the rules call for exists (the service's opened counter watched, then confirmed in the database);</li>
 * <li><b>backlog</b>: the consumer's partitions paused, a day put on the topic, then resumed: timed from the resume,
 * what a consumer finds after a restart (the restart itself, group join and JIT warm-up, is not in it);</li>
 * <li><b>paced</b>: {@code bench.cases.rate} responses a second for {@code bench.cases.seconds}, each stamped with
 * its send time, and the percentiles of send → case opened over its cases.</li>
 * </ol>
 * The expected cases are counted by evaluating the same stored rules here. Prints {@code CASE CONSUMPTION BENCHMARK}
 * lines, then deletes its rules and cases.
 */
@QuarkusTest
class CaseConsumptionBenchmark {

    private static final int DAY = Integer.getInteger("bench.cases.responses", 80_000);
    private static final int WARM_UP = Integer.getInteger("bench.cases.warm-up", 20_000);
    private static final int RATE = Integer.getInteger("bench.cases.rate", 1_000);
    private static final int SECONDS = Integer.getInteger("bench.cases.seconds", 30);
    private static final Duration PATIENCE = Duration.ofMinutes(5);
    private static final int TOUCHPOINTS = 12;
    private static final int TEAMS = 4;

    private static final List<String> COMPLAINTS = List.of(
            "Карта пришла с задержкой на неделю, курьер не отвечал на звонки",
            "Сотрудник в отделении был груб и не помог с переводом",
            "Списали дважды за одну покупку, деньги так и не вернули",
            "The app keeps crashing when I try to pay",
            "I waited 40 minutes on the phone and nobody could help me",
            "The branch staff were rude about my mortgage question");
    private static final List<String> REMARKS = List.of(
            "Всё отлично, спасибо за быстрое обслуживание",
            "Хорошее приложение, но иногда долго грузится выписка по счёту",
            "Great service, the courier was polite and on time",
            "Fine overall, the new card design is nice",
            "Удобно, что можно открыть вклад в приложении",
            "Nothing special, it works");
    private static final List<String> CHANNELS = List.of("WEB", "APP", "BRANCH", "CONTACT_CENTER");

    @Inject
    CaseRuleService rules;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    KafkaClientService kafka;

    @Inject
    MeterRegistry registry;

    private Counter opened;
    private double openedBefore;
    private long casesBefore;

    @Test
    void consumingADay() throws Exception {
        String run = "cc-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> touchpoints = replica(run);
        // Counted since the replica is in: the counter also counts other tests' cases of this JVM, none meanwhile.
        opened = registry.counter("voc.cases.opened");
        openedBefore = opened.count();
        casesBefore = cases(touchpoints);
        List<UUID> created = new ArrayList<>();
        for (CaseRuleService.Fields fields : rules(run, touchpoints)) {
            created.add(rules.create(fields).id());
        }
        try {
            RuleSet ruleSet = RuleSet.of(rules.list());
            System.out.printf(
                    "CASE CONSUMPTION BENCHMARK %d cores, %d rules, %d touchpoints of %d teams, load average %.1f%n",
                    Runtime.getRuntime().availableProcessors(),
                    ruleSet.size(),
                    TOUCHPOINTS,
                    TEAMS,
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                            .getSystemLoadAverage());
            Random random = new Random(42);
            long cased = 0;
            // Warm-up: the JIT and the connection pool, as in a service that has been running.
            List<ResponseSubmitted> warm = day(random, touchpoints, UUID.randomUUID(), WARM_UP);
            cased += expected(ruleSet, warm);
            ReferenceDay.Sent sent = ReferenceDay.send(warm);
            report("warm-up", WARM_UP, sent.startNanos(), sent.producedNanos(), until(touchpoints, cased), warm);

            List<ResponseSubmitted> atOnce = day(random, touchpoints, UUID.randomUUID(), DAY);
            cased += expected(ruleSet, atOnce);
            sent = ReferenceDay.send(atOnce);
            report("at once", DAY, sent.startNanos(), sent.producedNanos(), until(touchpoints, cased), atOnce);

            List<ResponseSubmitted> backlog = day(random, touchpoints, UUID.randomUUID(), DAY);
            cased += expected(ruleSet, backlog);
            kafka.getConsumer("responses").pause().await().atMost(Duration.ofSeconds(30));
            long before = cases(touchpoints);
            sent = ReferenceDay.send(backlog);
            long waiting = cases(touchpoints);
            long resumed = System.nanoTime();
            kafka.getConsumer("responses").resume().await().atMost(Duration.ofSeconds(30));
            System.out.printf(
                    "CASE CONSUMPTION BENCHMARK backlog: %d responses put while paused in %.1f s (%d cases opened"
                            + " meanwhile from records fetched before the pause)%n",
                    DAY, (sent.producedNanos() - sent.startNanos()) / 1e9, waiting - before);
            report("backlog", DAY, resumed, resumed, until(touchpoints, cased), backlog);

            UUID pacedSurvey = UUID.randomUUID();
            int paced = RATE * SECONDS;
            Random pacing = new Random(7);
            long[] pacedCases = new long[1];
            IntFunction<ResponseSubmitted> stamped = i -> {
                ResponseSubmitted r = response(pacing, touchpoints, pacedSurvey, i, Instant.now());
                pacedCases[0] += ruleSet.evaluate(r) == null ? 0 : 1;
                return r;
            };
            sent = ReferenceDay.sendPaced(stamped, paced, RATE);
            cased += pacedCases[0];
            long done = until(touchpoints, cased);
            System.out.printf(
                    "CASE CONSUMPTION BENCHMARK paced: %d responses at %d/s (sent in %.1f s), %d cases; last case"
                            + " %.2f s after the last send; send -> case opened ms %s%n",
                    paced,
                    RATE,
                    (sent.producedNanos() - sent.startNanos()) / 1e9,
                    pacedCases[0],
                    (done - sent.producedNanos()) / 1e9,
                    latencies(pacedSurvey));
            assertEquals(cased, cases(touchpoints), "one case per matching response, none twice");
        } finally {
            for (UUID id : created) {
                rules.list().stream().filter(r -> r.id().equals(id)).forEach(r -> rules.delete(r.id(), r.revision()));
            }
            // The benchmark's cases would weigh on every later listing of the test database.
            int deleted;
            try (Connection c = dataSource.getConnection();
                    PreparedStatement s = c.prepareStatement("delete from customer_case where touchpoint_key like ?")) {
                s.setString(1, run + "-%");
                deleted = s.executeUpdate();
            }
            System.out.printf("CASE CONSUMPTION BENCHMARK removed its %d cases%n", deleted);
        }
    }

    /** Four teams (Moscow hours, members) and twelve touchpoints they own, each informing another team. */
    private List<String> replica(String run) throws Exception {
        List<String> keys = new ArrayList<>();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try (EventProducer events = new EventProducer()) {
            for (int t = 0; t < TEAMS; t++) {
                events.publish(TeamState.TYPE.of(new TeamState(
                        UUID.randomUUID(),
                        team(run, t),
                        "Team " + t,
                        null,
                        List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"),
                        "09:00",
                        "18:00",
                        "Europe/Moscow",
                        1,
                        now,
                        List.of("agent-" + t + "-a", "agent-" + t + "-b"),
                        null,
                        null)));
            }
            for (int i = 0; i < TOUCHPOINTS; i++) {
                String key = run + "-" + i;
                keys.add(key);
                events.publish(TouchpointState.TYPE.of(new TouchpointState(
                        UUID.randomUUID(),
                        key,
                        "Touchpoint " + i,
                        CHANNELS.get(i % CHANNELS.size()),
                        "USAGE",
                        "DIRECT",
                        List.of("RETAIL"),
                        null,
                        team(run, i % TEAMS),
                        "ACTIVE",
                        1,
                        now,
                        null,
                        new TouchpointState.Raci(List.of(), List.of(), List.of(), List.of(team(run, (i + 1) % TEAMS))),
                        List.of(),
                        List.of())));
            }
        }
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (count("select count(*) from touchpoint_replica where key like ?", run + "-%") < TOUCHPOINTS
                || count("select count(*) from team_replica where key like ?", run + "-team-%") < TEAMS) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the replica did not receive the benchmark's touchpoints and teams");
            }
            Thread.sleep(50);
        }
        return keys;
    }

    private static String team(String run, int t) {
        return run + "-team-" + t;
    }

    /** Beside the two default NPS rules: complaint keywords, high effort at four touchpoints, premium CSAT. */
    private static List<CaseRuleService.Fields> rules(String run, List<String> touchpoints) {
        return List.of(
                new CaseRuleService.Fields(
                        "bench " + run + " complaints",
                        true,
                        new RuleConditions(
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                List.of("задержка", "груб", "списали дважды", "crash", "nobody could help", "rude"),
                                null,
                                null,
                                null),
                        CasePriority.HIGH,
                        Duration.ofHours(4),
                        Duration.ofDays(2),
                        null,
                        false),
                new CaseRuleService.Fields(
                        "bench " + run + " high effort",
                        true,
                        new RuleConditions(
                                null, null, 7, null, null, null, null, touchpoints.subList(0, 4), null, null),
                        CasePriority.NORMAL,
                        Duration.ofHours(24),
                        Duration.ofDays(5),
                        null,
                        false),
                new CaseRuleService.Fields(
                        "bench " + run + " premium csat",
                        true,
                        new RuleConditions(null, 2, null, null, null, null, null, null, List.of("premium"), null),
                        CasePriority.HIGH,
                        Duration.ofHours(8),
                        Duration.ofDays(3),
                        null,
                        false));
    }

    private static List<ResponseSubmitted> day(Random random, List<String> touchpoints, UUID survey, int n) {
        Instant from = Instant.parse("2026-11-30T05:00:00Z");
        List<ResponseSubmitted> day = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            day.add(response(random, touchpoints, survey, i, from.plusMillis(i * 1_000L)));
        }
        return day;
    }

    /**
     * A response as a bank's surveys give them: 55 % promoters, 27 % passives, 18 % detractors, CSAT and CES that
     * mostly agree with the NPS, a comment from a third of the customers (complaints from detractors and from one
     * passive in ten who writes), the touchpoints in an uneven mix.
     */
    private static ResponseSubmitted response(
            Random random, List<String> touchpoints, UUID survey, int i, Instant respondedAt) {
        double kind = random.nextDouble();
        int nps;
        int csat;
        int ces;
        if (kind < 0.55) {
            nps = 9 + random.nextInt(2);
            csat = 4 + random.nextInt(2);
            ces = 1 + random.nextInt(3);
        } else if (kind < 0.82) {
            nps = 7 + random.nextInt(2);
            csat = 2 + random.nextInt(4);
            ces = 2 + random.nextInt(5);
        } else {
            nps = random.nextInt(7);
            csat = 1 + random.nextInt(3);
            ces = 3 + random.nextInt(5);
        }
        List<ResponseSubmitted.Answer> answers = new ArrayList<>(4);
        answers.add(new ResponseSubmitted.Answer("nps", "NPS", nps, null));
        answers.add(new ResponseSubmitted.Answer("csat", "CSAT", csat, null));
        answers.add(new ResponseSubmitted.Answer("ces", "CES", ces, null));
        if (random.nextInt(3) == 0) {
            boolean complaint = nps <= 6 || (nps <= 8 && random.nextInt(10) == 0);
            List<String> texts = complaint ? COMPLAINTS : REMARKS;
            answers.add(new ResponseSubmitted.Answer("why", "TEXT", null, texts.get(random.nextInt(texts.size()))));
        }
        // Skewed: the first touchpoints (cards, the app) get most of the traffic.
        int touchpoint = Math.min(touchpoints.size() - 1, (int) (Math.abs(random.nextGaussian()) * 4));
        return new ResponseSubmitted(
                UUID.randomUUID(),
                survey,
                1,
                touchpoints.get(touchpoint),
                CHANNELS.get(random.nextInt(CHANNELS.size())),
                "cust-" + i + "-" + random.nextInt(1_000_000),
                respondedAt,
                nps,
                answers,
                null,
                random.nextInt(4) == 0 ? "premium" : "mass",
                "emp-" + random.nextInt(300),
                null);
    }

    private static long expected(RuleSet ruleSet, List<ResponseSubmitted> day) {
        return day.stream().filter(r -> ruleSet.evaluate(r) != null).count();
    }

    /**
     * Waits until the run's touchpoints have {@code expected} cases in the database; returns when they had them. The
     * service's {@code voc.cases.opened} counter is watched first: counting tens of thousands of rows every 50 ms
     * took a fifth of the database's time on two cores and slowed what it measured.
     */
    private long until(List<String> touchpoints, long expected) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        long seen;
        while (opened.count() - openedBefore < expected - casesBefore) {
            if (System.nanoTime() > deadline) {
                break;
            }
            Thread.sleep(10);
        }
        while ((seen = cases(touchpoints)) < expected) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + seen + " of " + expected + " cases within " + PATIENCE);
            }
            Thread.sleep(10);
        }
        return System.nanoTime();
    }

    private static void report(
            String phase, int responses, long start, long produced, long done, List<ResponseSubmitted> day) {
        System.out.printf(
                "CASE CONSUMPTION BENCHMARK %s: %d responses, produced in %.1f s, start -> every case opened %.2f s"
                        + " (%.0f responses/s)%n",
                phase, responses, (produced - start) / 1e9, (done - start) / 1e9, responses / ((done - start) / 1e9));
    }

    private long cases(List<String> touchpoints) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s =
                        c.prepareStatement("select count(*) from customer_case where touchpoint_key = any(?)")) {
            s.setArray(1, c.createArrayOf("text", touchpoints.toArray()));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private long count(String sql, String like) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, like);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /**
     * Send → case opened over the paced cases: {@code responded_at} is the send time, {@code opened_at} the opening
     * transaction's clock, read just before its insert (the commit, a few ms, is not in it).
     */
    private String latencies(UUID survey) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select percentile_disc(array[0.5, 0.95, 0.99, 1.0])"
                        + " within group (order by extract(epoch from opened_at - responded_at) * 1000)"
                        + " from customer_case where survey_id = ?")) {
            s.setObject(1, survey);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                Object[] q = (Object[]) r.getArray(1).getArray();
                return String.format(
                        "p50 %.0f  p95 %.0f  p99 %.0f  max %.0f",
                        ((Number) q[0]).doubleValue(),
                        ((Number) q[1]).doubleValue(),
                        ((Number) q[2]).doubleValue(),
                        ((Number) q[3]).doubleValue());
            }
        }
    }
}
