package org.voc.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.voc.cases.config.SlaConfig;
import org.voc.cases.domain.TeamReplicaService;
import org.voc.cases.persistence.CaseHistoryRepository;
import org.voc.cases.persistence.SlaRepository;
import org.voc.cases.sla.SlaScheduler;
import org.voc.events.CaseBreached;
import org.voc.events.CaseEscalated;
import org.voc.events.TeamState;
import org.voc.events.Topics;
import org.voc.kit.outbox.Outbox;
import org.voc.testsupport.TopicReader;

/**
 * The SLA scheduler (docs/cases.md, "Breaches and escalation") against the real database and broker, with a clock the
 * tests move: a due clock breaches once, each ladder step fires once at its business time and in order, paused and
 * finished cases never breach, and several sweeps at once never mark or escalate twice.
 */
@QuarkusTest
class SlaSchedulerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<TeamState.EscalationStep> THREE_STEPS = List.of(
            new TeamState.EscalationStep("PT0S", List.of("lead.cards"), "team lead"),
            new TeamState.EscalationStep("PT2H", List.of("escalation.cards"), "escalation contact"),
            // one business day of a 09:00–18:00 team
            new TeamState.EscalationStep("PT9H", List.of("head.cx@example.com"), "head of CX"));

    private static Events events;

    @Inject
    SlaScheduler scheduler;

    @Inject
    TestClock clock;

    @Inject
    DataSource db;

    @Inject
    TeamReplicaService teams;

    @Inject
    SlaRepository repository;

    @Inject
    CaseHistoryRepository history;

    @Inject
    Outbox outbox;

    @Inject
    MeterRegistry registry;

    @BeforeAll
    static void connect() {
        events = new Events();
    }

    @AfterAll
    static void disconnect() {
        events.close();
        SlaFixture.deleteOpened();
    }

    @AfterEach
    void systemClock() {
        clock.reset();
    }

    @Test
    void aLadderOfThreeStepsFiresEachStepOnceAtItsBusinessTime() throws Exception {
        String team = newTeam(THREE_STEPS, 3);
        UUID id = SlaFixture.openCases(events, team, 1).get(0);
        // Monday 7 December 2026: first contact was due at 09:30 in Berlin, resolution on Friday.
        SlaFixture.write(
                db,
                id,
                new SlaFixture.Work(
                        "OPEN", null, berlin("2026-12-07T09:30"), null, null, berlin("2026-12-11T18:00"), null, null));
        double breachesBefore = counter("voc.cases.breaches", "FIRST_CONTACT");
        double escalationsBefore = counter("voc.cases.escalations", "FIRST_CONTACT");

        sweepAt("2026-12-07T10:00");
        sweepAt("2026-12-07T10:00");
        assertEquals(List.of(List.of("FIRST_CONTACT", instant("2026-12-07T10:00"))), breaches(id));
        assertEquals(List.of(step(1, "2026-12-07T10:00")), escalations(id), "the team lead at the breach, once");

        sweepAt("2026-12-07T11:59:59");
        assertEquals(1, escalations(id).size(), "not yet two business hours");
        sweepAt("2026-12-07T12:00");
        sweepAt("2026-12-07T12:00:01");
        assertEquals(List.of(step(1, "2026-12-07T10:00"), step(2, "2026-12-07T12:00")), escalations(id));

        // 8 business hours on Monday to 18:00; the ninth is Tuesday 09:00–10:00. The evening and night do not count.
        sweepAt("2026-12-07T20:00");
        sweepAt("2026-12-08T09:59:59");
        assertEquals(2, escalations(id).size(), "one business day has not passed");
        sweepAt("2026-12-08T10:00");
        sweepAt("2026-12-09T10:00");
        assertEquals(
                List.of(step(1, "2026-12-07T10:00"), step(2, "2026-12-07T12:00"), step(3, "2026-12-08T10:00")),
                escalations(id));
        assertEquals(
                List.of(
                        List.of("system", "BREACHED", "FIRST_CONTACT", instant("2026-12-07T09:30")),
                        List.of("system", "ESCALATED", "FIRST_CONTACT", "team lead"),
                        List.of("system", "ESCALATED", "FIRST_CONTACT", "escalation contact"),
                        List.of("system", "ESCALATED", "FIRST_CONTACT", "head of CX")),
                SlaFixture.rows(
                        db,
                        "select actor, action, details->>'clock',"
                                + " coalesce(details->>'label', details->>'dueAt') from case_history"
                                + " where case_id = ? and action in ('BREACHED', 'ESCALATED') order by id",
                        id));
        // The sweeps are global: other tests' cases may breach in them too, so the meters rose by at least these.
        assertTrue(counter("voc.cases.breaches", "FIRST_CONTACT") >= breachesBefore + 1);
        assertTrue(counter("voc.cases.escalations", "FIRST_CONTACT") >= escalationsBefore + 3);

        try (TopicReader reader = new TopicReader(Topics.CASES)) {
            List<TopicReader.Event> published =
                    reader.awaitAll(e -> id.toString().equals(e.key()) && isSla(e), 4, TIMEOUT);
            assertEquals(
                    List.of(
                            CaseBreached.TYPE.type(),
                            CaseEscalated.TYPE.type(),
                            CaseEscalated.TYPE.type(),
                            CaseEscalated.TYPE.type()),
                    published.stream().map(e -> e.headers().get("ce_type")).toList(),
                    "one breach, then each step once, in order");
            JsonNode breached = json(published.get(0));
            assertEquals("FIRST_CONTACT", breached.get("clock").asText());
            assertEquals(
                    instant("2026-12-07T09:30"),
                    Instant.parse(breached.get("dueAt").asText()).toString());
            assertEquals(team, breached.get("team").asText());
            JsonNode last = json(published.get(3));
            assertEquals(3, last.get("step").asInt());
            assertEquals("head of CX", last.get("label").asText());
            assertEquals("head.cx@example.com", last.get("recipients").get(0).asText());
            assertEquals("PT9H", last.get("after").asText());
            assertEquals(
                    instant("2026-12-08T10:00"),
                    Instant.parse(last.get("escalatedAt").asText()).toString());
        }
    }

    @Test
    void aTeamWithoutALadderEscalatesToItsContactAtTheBreach() {
        String key = "sla-" + Events.unique();
        events.publish(SlaFixture.team(UUID.randomUUID(), key, "duty.manager", List.of()), null);
        SlaFixture.awaitSchedule(teams, key, 1);
        UUID id = SlaFixture.openCases(events, key, 1).get(0);
        SlaFixture.write(
                db,
                id,
                new SlaFixture.Work(
                        "ASSIGNED",
                        null,
                        berlin("2026-12-14T09:00"),
                        berlin("2026-12-14T09:10"),
                        600L,
                        berlin("2026-12-14T12:00"),
                        null,
                        null));

        sweepAt("2026-12-14T13:00");
        assertEquals(List.of(List.of("RESOLUTION", instant("2026-12-14T13:00"))), breaches(id), "contact was made");
        assertEquals(
                List.of(List.of("RESOLUTION", "1", "escalation contact", "{duty.manager}")),
                SlaFixture.rows(
                        db,
                        "select clock, step::text, label, recipients::text from case_escalation where case_id = ?",
                        id));
    }

    @Test
    void aClockMetAfterItsBreachStopsEscalating() {
        String team = newTeam(THREE_STEPS, 3);
        UUID id = SlaFixture.openCases(events, team, 1).get(0);
        SlaFixture.write(
                db, id, new SlaFixture.Work("OPEN", null, berlin("2026-12-07T09:30"), null, null, null, null, null));
        sweepAt("2026-12-07T10:00");
        assertEquals(1, escalations(id).size());

        SlaFixture.execute(
                db,
                "update customer_case set status = 'IN_CONTACT', first_contact_at = ? where id = ?",
                berlin("2026-12-07T10:30"),
                id);
        sweepAt("2026-12-08T17:00");
        assertEquals(1, escalations(id).size(), "the customer was contacted: nobody else is paged");
        assertEquals(
                List.of(List.of("2")),
                SlaFixture.rows(
                        db,
                        "select next_step::text from case_breach where case_id = ? and next_escalation_at is null",
                        id));
    }

    @Test
    void escalationWaitsWhileTheCaseWaitsOnTheCustomerAndTheWaitDoesNotCount() {
        String team = newTeam(THREE_STEPS.subList(0, 2), 2);
        UUID id = SlaFixture.openCases(events, team, 1).get(0);
        SlaFixture.write(
                db, id, new SlaFixture.Work("OPEN", null, berlin("2026-12-07T09:30"), null, null, null, null, null));
        sweepAt("2026-12-07T10:00");
        assertEquals(1, escalations(id).size());

        // Waiting on the customer from 10:30 to 14:00.
        SlaFixture.execute(
                db,
                "update customer_case set status = 'WAITING_ON_CUSTOMER', first_contact_due_at = null where id = ?",
                id);
        SlaFixture.execute(
                db, "insert into case_pause (case_id, paused_at) values (?, ?)", id, berlin("2026-12-07T10:30"));
        // A scheduler that claims one breach per transaction: a waiting breach must not be claimed over and over.
        SlaScheduler oneByOne = new SlaScheduler(repository, history, teams, outbox, clock, batchOf(1), registry);
        clock.set(berlin("2026-12-07T13:00"));
        oneByOne.sweep();
        assertEquals(1, escalations(id).size(), "nothing fires while the case waits");

        SlaFixture.execute(db, "update customer_case set status = 'IN_CONTACT' where id = ?", id);
        SlaFixture.execute(
                db, "update case_pause set resumed_at = ? where case_id = ?", berlin("2026-12-07T14:00"), id);
        // Two business hours since the breach, less the wait: 10:00–10:30, then 14:00–15:30.
        sweepAt("2026-12-07T15:29:59");
        assertEquals(1, escalations(id).size());
        sweepAt("2026-12-07T15:30");
        assertEquals(List.of(step(1, "2026-12-07T10:00"), step(2, "2026-12-07T15:30")), escalations(id));
    }

    @Test
    void pausedAndFinishedCasesDoNotBreach() {
        String team = newTeam(THREE_STEPS, 3);
        List<UUID> ids = SlaFixture.openCases(events, team, 5);
        Instant due = berlin("2026-12-07T09:30");
        Instant longAgo = berlin("2026-12-01T09:30");
        // Waiting on the customer: no due time while it waits, as the workflow leaves it.
        SlaFixture.write(
                db, ids.get(0), new SlaFixture.Work("WAITING_ON_CUSTOMER", null, null, null, null, null, null, null));
        SlaFixture.execute(db, "insert into case_pause (case_id, paused_at) values (?, ?)", ids.get(0), longAgo);
        // Waiting, with due times left behind from before the pause: the status alone stops the clock.
        SlaFixture.write(
                db, ids.get(1), new SlaFixture.Work("WAITING_ON_CUSTOMER", null, due, null, null, due, null, null));
        // Finished: resolved (and closed) without a first contact, both due times long gone.
        SlaFixture.write(db, ids.get(2), new SlaFixture.Work("RESOLVED", null, due, null, null, due, longAgo, 3600L));
        SlaFixture.write(db, ids.get(3), new SlaFixture.Work("CLOSED", null, due, null, null, due, longAgo, 3600L));
        // The control: running, both clocks out.
        SlaFixture.write(db, ids.get(4), new SlaFixture.Work("ASSIGNED", null, due, null, null, due, null, null));

        sweepAt("2026-12-07T10:00");
        for (UUID paused : ids.subList(0, 4)) {
            assertEquals(List.of(), breaches(paused), "no breach for " + paused);
        }
        assertEquals(
                List.of(
                        List.of("FIRST_CONTACT", instant("2026-12-07T10:00")),
                        List.of("RESOLUTION", instant("2026-12-07T10:00"))),
                breaches(ids.get(4)));
    }

    @Test
    void concurrentSweepsNeverMarkOrEscalateTwice() throws Exception {
        String team = newTeam(THREE_STEPS.subList(0, 2), 2);
        int cases = 40;
        List<UUID> ids = SlaFixture.openCases(events, team, cases);
        for (UUID id : ids) {
            SlaFixture.write(
                    db,
                    id,
                    new SlaFixture.Work(
                            "OPEN",
                            null,
                            berlin("2026-12-07T09:30"),
                            null,
                            null,
                            berlin("2026-12-07T09:45"),
                            null,
                            null));
        }
        // Three schedulers: the application's and two more instances of the class, which claim small batches so
        // that they meet on the same rows many times.
        SlaConfig small = batchOf(3);
        List<SlaScheduler> replicas = List.of(
                scheduler,
                new SlaScheduler(repository, history, teams, outbox, clock, small, registry),
                new SlaScheduler(repository, history, teams, outbox, clock, small, registry));

        clock.set(berlin("2026-12-07T10:00"));
        raceAll(replicas);
        clock.set(berlin("2026-12-07T12:30"));
        raceAll(replicas);

        List<List<String>> breachRows =
                SlaFixture.rows(db, "select case_id::text, clock from case_breach where case_id = any(?)", ids);
        assertEquals(cases * 2, breachRows.size(), "each clock of each case breached once");
        List<List<String>> escalationRows = SlaFixture.rows(
                db, "select case_id::text, clock, step from case_escalation where case_id = any(?)", ids);
        assertEquals(cases * 2 * 2, escalationRows.size(), "each step of each clock once");
        assertEquals(
                List.of(List.of(String.valueOf(cases * 2), String.valueOf(cases * 4))),
                SlaFixture.rows(
                        db,
                        "select count(*) filter (where action = 'BREACHED'), count(*) filter (where action ="
                                + " 'ESCALATED') from case_history where case_id = any(?)",
                        ids));

        Set<String> keys = new HashSet<>(ids.stream().map(UUID::toString).toList());
        try (TopicReader reader = new TopicReader(Topics.CASES)) {
            List<TopicReader.Event> published =
                    reader.awaitAll(e -> keys.contains(e.key()) && isSla(e), cases * 6, TIMEOUT);
            Set<String> distinct = new HashSet<>();
            for (TopicReader.Event event : published) {
                JsonNode payload = json(event);
                distinct.add(event.key() + "/" + event.headers().get("ce_type") + "/"
                        + payload.get("clock").asText() + "/"
                        + payload.path("step").asInt());
            }
            assertEquals(cases * 6, published.size(), "2 breaches and 4 escalations a case, no more");
            assertEquals(cases * 6, distinct.size(), "none of them twice");
        }
    }

    /** The scheduler's events, not those of the cases' opening and work that share the topic. */
    private static boolean isSla(TopicReader.Event event) {
        String type = event.headers().get("ce_type");
        return CaseBreached.TYPE.type().equals(type)
                || CaseEscalated.TYPE.type().equals(type);
    }

    /** Runs every scheduler's sweep at once, each on its own thread (and so its own transactions). */
    private static void raceAll(List<SlaScheduler> replicas) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(replicas.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<SlaScheduler.Sweep>> sweeps = new ArrayList<>();
            for (SlaScheduler replica : replicas) {
                sweeps.add(threads.submit(() -> {
                    start.await();
                    return replica.sweep();
                }));
            }
            start.countDown();
            for (Future<SlaScheduler.Sweep> sweep : sweeps) {
                sweep.get();
            }
        } finally {
            threads.shutdown();
        }
    }

    private static SlaConfig batchOf(int size) {
        return new SlaConfig() {
            @Override
            public String interval() {
                return "off";
            }

            @Override
            public int batch() {
                return size;
            }
        };
    }

    private String newTeam(List<TeamState.EscalationStep> ladder, int steps) {
        String key = "sla-" + Events.unique();
        events.publish(SlaFixture.team(UUID.randomUUID(), key, null, ladder), null);
        SlaFixture.awaitSchedule(teams, key, steps);
        return key;
    }

    private void sweepAt(String berlinTime) {
        clock.set(berlin(berlinTime));
        scheduler.sweep();
    }

    private List<List<String>> breaches(UUID id) {
        return SlaFixture.rows(
                        db,
                        "select clock, to_char(breached_at at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
                                + " from case_breach where case_id = ? order by clock",
                        id)
                .stream()
                .toList();
    }

    private List<List<String>> escalations(UUID id) {
        return SlaFixture.rows(
                db,
                "select step::text, to_char(escalated_at at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
                        + " from case_escalation where case_id = ? order by step",
                id);
    }

    private double counter(String name, String clockTag) {
        var counter = registry.find(name).tag("clock", clockTag).counter();
        return counter == null ? 0 : counter.count();
    }

    private static List<String> step(int step, String berlinTime) {
        return List.of(String.valueOf(step), instant(berlinTime));
    }

    private static Instant berlin(String localTime) {
        return LocalDateTime.parse(localTime).atZone(BERLIN).toInstant();
    }

    private static String instant(String berlinTime) {
        return berlin(berlinTime).toString();
    }

    private static JsonNode json(TopicReader.Event event) throws Exception {
        return JSON.readTree(event.value());
    }
}
