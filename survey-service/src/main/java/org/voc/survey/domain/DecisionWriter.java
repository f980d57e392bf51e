package org.voc.survey.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.voc.events.DistributionDecided;
import org.voc.events.EventTypes;
import org.voc.events.Interaction;
import org.voc.events.InvitationIssued;
import org.voc.events.Topics;
import org.voc.survey.config.DistributionConfig;
import org.voc.survey.invitation.InvitationClaims;
import org.voc.survey.invitation.InvitationSigner;
import org.voc.survey.messaging.Outbox;
import org.voc.survey.messaging.OutboxEvent;
import org.voc.survey.persistence.ContactRepository;
import org.voc.survey.persistence.DecisionRepository;
import org.voc.survey.persistence.DistributionRepository;
import org.voc.survey.persistence.TouchpointReplicaRepository;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Group commit of distribution decisions, like response-service's ResponseWriter: intake threads enqueue
 * interactions and get a future; ONE writer thread takes everything pending (up to
 * {@code voc.distribution.max-batch}) and decides it in ONE transaction: customer locks, one query per kind of
 * data for the whole batch, the pure {@link Decider} per interaction, then decisions, invitations and their
 * outbox events with JDBC batches. Futures complete only after the commit. A failed batch is retried item by
 * item, so one bad interaction cannot fail the others.
 */
@ApplicationScoped
public class DecisionWriter {

    private static final Logger LOG = Logger.getLogger(DecisionWriter.class);

    private record Pending(Interaction interaction, String hash, CompletableFuture<DecisionResult> result) {
    }

    /** How one pending interaction was settled inside a committed transaction. */
    private record Settled(Pending pending, DecisionResult result, ProblemException problem) {
    }

    private final DistributionConfig config;
    private final DecisionRepository decisions;
    private final DistributionRepository distribution;
    private final ContactRepository contacts;
    private final TouchpointReplicaRepository touchpoints;
    private final InvitationSigner signer;
    private final Outbox outbox;
    private final MeterRegistry registry;
    private final BlockingQueue<Pending> queue;
    private final DistributionSummary batchSize;
    private final Timer commitTime;
    private final Counter queueFull;
    private final Counter failed;
    private final Counter timedOut;
    private final String linkBase;
    private volatile boolean running;
    private Thread worker;

    public DecisionWriter(DistributionConfig config, DecisionRepository decisions, DistributionRepository distribution,
            ContactRepository contacts, TouchpointReplicaRepository touchpoints, InvitationSigner signer,
            Outbox outbox, MeterRegistry registry) {
        this.config = config;
        this.decisions = decisions;
        this.distribution = distribution;
        this.contacts = contacts;
        this.touchpoints = touchpoints;
        this.signer = signer;
        this.outbox = outbox;
        this.registry = registry;
        this.queue = new ArrayBlockingQueue<>(config.queueCapacity());
        String base = config.linkBaseUrl();
        this.linkBase = (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/s/";
        this.batchSize = DistributionSummary.builder("voc.distribution.batch.size")
                .description("Interactions decided per transaction")
                .publishPercentileHistogram()
                .minimumExpectedValue(1.0)
                .maximumExpectedValue((double) config.maxBatch())
                .register(registry);
        this.commitTime = Timer.builder("voc.distribution.batch.commit")
                .description("Time to decide, write and commit one batch of interactions")
                .publishPercentileHistogram()
                .register(registry);
        Gauge.builder("voc.distribution.queue.depth", queue, Collection::size)
                .description("Interactions waiting for the decision writer")
                .register(registry);
        this.queueFull = registry.counter("voc.distribution.rejected", "reason", "queue-full");
        this.failed = registry.counter("voc.distribution.rejected", "reason", "write-failed");
        this.timedOut = registry.counter("voc.distribution.rejected", "reason", "commit-timeout");
    }

    void start(@Observes StartupEvent event) {
        running = true;
        worker = new Thread(this::loop, "decision-writer");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false; // the loop drains what is queued, then ends
        if (worker != null) {
            worker.join(config.commitTimeout().toMillis());
        }
        Pending left;
        while ((left = queue.poll()) != null) {
            left.result().completeExceptionally(unavailable("the service is shutting down"));
        }
    }

    /** Room left in the queue: a batch request that does not fit is refused whole rather than half queued. */
    public int remainingCapacity() {
        return queue.remainingCapacity();
    }

    /**
     * Queues a valid interaction; the future completes once its decision is committed (or found stored under the
     * same id). Fails at once with 503 when the queue is full, and with 503 when the commit takes too long: both
     * are safe to retry with the same interaction id.
     */
    public CompletableFuture<DecisionResult> decide(Interaction interaction) {
        if (!running) {
            throw unavailable("the service is not accepting interactions right now");
        }
        Pending pending = new Pending(interaction, InteractionRules.hash(interaction), new CompletableFuture<>());
        if (!queue.offer(pending)) {
            queueFull.increment();
            throw unavailable("too many interactions are waiting to be decided");
        }
        return pending.result().orTimeout(config.commitTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .exceptionally(failure -> {
                    Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
                    if (cause instanceof TimeoutException) {
                        timedOut.increment();
                        throw unavailable("the decision was not stored in time; send the interaction again");
                    }
                    throw cause instanceof RuntimeException runtime ? runtime : new CompletionException(cause);
                });
    }

    private void loop() {
        List<Pending> batch = new ArrayList<>(config.maxBatch());
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, config.maxBatch() - 1);
                process(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // process() settles every future itself; this only keeps the single writer alive.
                LOG.error("decision writer failed unexpectedly", e);
                batch.forEach(p -> p.result().completeExceptionally(unavailable("the decision could not be stored")));
            } finally {
                batch.clear();
            }
        }
    }

    private void process(List<Pending> batch) {
        batchSize.record(batch.size());
        List<Settled> settled;
        try {
            Timer.Sample sample = Timer.start();
            settled = commit(batch);
            sample.stop(commitTime);
        } catch (RuntimeException batchFailure) {
            LOG.warnf("a batch of %d interactions failed, deciding them one by one: %s", batch.size(),
                    batchFailure.toString());
            settled = new ArrayList<>(batch.size());
            for (Pending pending : batch) {
                try {
                    settled.addAll(commit(List.of(pending)));
                } catch (RuntimeException itemFailure) {
                    LOG.errorf(itemFailure, "interaction %s could not be decided", pending.interaction().interactionId());
                    failed.increment();
                    settled.add(new Settled(pending, null, unavailable("the decision could not be stored")));
                }
            }
        }
        // Futures complete only after the commit: a client never hears of a decision that rolled back.
        for (Settled s : settled) {
            if (s.result() != null) {
                if (s.result().created()) {
                    StoredDecision d = s.result().decision();
                    registry.counter("voc.distribution.decisions", "outcome", d.outcome().name(), "reason",
                            d.reason() == null ? "none" : d.reason().name()).increment();
                }
                s.pending().result().complete(s.result());
            } else {
                s.pending().result().completeExceptionally(s.problem());
            }
        }
    }

    /** Decides and writes a batch in ONE transaction. */
    private List<Settled> commit(List<Pending> batch) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            Set<String> customers = new HashSet<>();
            Set<String> ids = new HashSet<>();
            for (Pending p : batch) {
                customers.add(p.interaction().customerRef());
                ids.add(p.interaction().interactionId());
            }
            decisions.lockCustomers(customers);
            // Read after the locks: a decision another replica committed for these customers is visible now.
            Map<String, StoredDecision> decided = new HashMap<>(decisions.findByInteractionIds(ids));
            List<Pending> fresh = batch.stream().filter(p -> !decided.containsKey(p.interaction().interactionId()))
                    .toList();
            Context context = fresh.isEmpty() ? null : load(fresh, now);

            // Decide in batch order, so later interactions of a customer see the invitations of earlier ones.
            List<StoredDecision> unsigned = new ArrayList<>();
            for (Pending p : fresh) {
                Interaction i = p.interaction();
                if (decided.containsKey(i.interactionId())) {
                    continue; // the same id twice in one batch: the second gets the first's decision below
                }
                StoredDecision d = decideOne(p, context, now);
                decided.put(i.interactionId(), d);
                unsigned.add(d);
                if (d.invitation() != null) {
                    context.history.computeIfAbsent(i.customerRef(), c -> new ArrayList<>())
                            .add(new PastInvitation(d.invitation().surveyId(), d.occurredAt()));
                }
            }
            // ES256 signing is the costliest step of a decision: sign the batch's invitations on every core instead
            // of one after another on this writer thread.
            Map<UUID, String> tokens = unsigned.stream().map(StoredDecision::invitation).filter(Objects::nonNull)
                    .parallel().collect(Collectors.toConcurrentMap(Invitation::id, inv -> signer.sign(claims(inv))));
            List<StoredDecision> newDecisions = unsigned.stream().map(d -> d.invitation() == null ? d
                    : d.withInvitation(d.invitation().signed(tokens.get(d.invitation().id()), linkBase))).toList();
            Set<String> created = new HashSet<>();
            for (StoredDecision d : newDecisions) {
                decided.put(d.interactionId(), d);
                created.add(d.interactionId());
            }
            List<Invitation> invitations = newDecisions.stream().map(StoredDecision::invitation)
                    .filter(Objects::nonNull).toList();
            List<Settled> settled = new ArrayList<>(batch.size());
            for (Pending p : batch) {
                String id = p.interaction().interactionId();
                StoredDecision d = decided.get(id);
                if (created.remove(id)) {
                    settled.add(new Settled(p, new DecisionResult(d, true), null));
                } else {
                    settled.add(d.requestHash().equals(p.hash())
                            ? new Settled(p, new DecisionResult(d, false), null)
                            : new Settled(p, null, conflict(id)));
                }
            }
            boolean[] inserted = decisions.insertDecisions(newDecisions);
            for (int n = 0; n < inserted.length; n++) {
                if (!inserted[n]) {
                    // Only possible when another replica decided the same id for a different customer meanwhile
                    // (our customer lock did not cover it): roll back; the item-by-item retry then reads it.
                    throw new IllegalStateException("interaction " + newDecisions.get(n).interactionId()
                            + " was decided concurrently");
                }
            }
            decisions.insertInvitations(invitations);
            outbox.addAll(events(newDecisions));
            return settled;
        });
    }

    /** Everything the batch's decisions read, loaded with one query per kind. */
    private static final class Context {
        Map<String, ReplicatedTouchpoint> byKey = new HashMap<>();
        Map<String, ReplicatedTouchpoint> byRef = new HashMap<>();
        Map<String, Instant> optedOut;
        List<ActiveSurvey> surveys;
        ContactPolicy policy;
        Map<String, List<PastInvitation>> history = new HashMap<>();
    }

    private Context load(List<Pending> fresh, Instant now) {
        Context c = new Context();
        Set<String> keys = new LinkedHashSet<>();
        Set<String> refs = new LinkedHashSet<>();
        Set<String> customers = new HashSet<>();
        for (Pending p : fresh) {
            Interaction i = p.interaction();
            customers.add(i.customerRef());
            if (i.touchpointKey() != null) {
                keys.add(i.touchpointKey());
            } else {
                refs.add(ReplicatedTouchpoint.externalRef(i.touchpointSystem(), i.touchpointRef()));
            }
        }
        for (ReplicatedTouchpoint t : touchpoints.find(keys, refs)) {
            c.byKey.merge(t.key(), t, DecisionWriter::preferred);
            for (String ref : t.externalRefs()) {
                // A pair names one touchpoint; while a move between touchpoints replicates, prefer a live one.
                c.byRef.merge(ref, t, DecisionWriter::preferred);
            }
        }
        c.optedOut = contacts.optedOut(customers);
        Set<String> resolvedKeys = new HashSet<>();
        for (Pending p : fresh) {
            ReplicatedTouchpoint t = resolve(p.interaction(), c);
            if (t != null && !t.retired()) {
                resolvedKeys.add(t.key());
            }
        }
        c.surveys = distribution.active(resolvedKeys);
        c.policy = contacts.policy().orElse(ContactPolicy.DEFAULT);
        // Contact rules look a window either side of each interaction: load that span for the whole batch.
        Duration span = c.policy.window();
        for (ActiveSurvey s : c.surveys) {
            if (s.minGapPerCustomer().compareTo(span) > 0) {
                span = s.minGapPerCustomer();
            }
        }
        Instant earliest = null;
        Instant latest = null;
        for (Pending p : fresh) {
            Instant t = occurredAt(p.interaction(), now);
            earliest = earliest == null || t.isBefore(earliest) ? t : earliest;
            latest = latest == null || t.isAfter(latest) ? t : latest;
        }
        if (!c.surveys.isEmpty()) {
            decisions.invitationsAround(customers, earliest.minus(span), latest.plus(span))
                    .forEach((customer, list) -> c.history.put(customer, new ArrayList<>(list)));
        }
        return c;
    }

    /** Of two rows claiming one key or reference (a move in flight, a rebuilt registry): the live, newest one. */
    private static ReplicatedTouchpoint preferred(ReplicatedTouchpoint a, ReplicatedTouchpoint b) {
        if (a.retired() != b.retired()) {
            return a.retired() ? b : a;
        }
        return b.revision() > a.revision() ? b : a;
    }

    private StoredDecision decideOne(Pending p, Context c, Instant now) {
        Interaction i = p.interaction();
        Instant occurredAt = occurredAt(i, now);
        ReplicatedTouchpoint touchpoint = resolve(i, c);
        Decision decision = Decider.decide(new Decider.Input(i, occurredAt, touchpoint,
                c.optedOut.get(i.customerRef()), c.surveys, c.policy,
                c.history.getOrDefault(i.customerRef(), List.of()), now));
        Invitation invitation = null;
        if (decision.invited()) {
            // Token and link are added by the batch (signed in parallel), before anything is stored.
            invitation = new Invitation(UUID.randomUUID(), i.interactionId(), decision.survey().surveyId(),
                    decision.survey().version(), touchpoint.key(), i.channel(), i.segment(), i.customerRef(),
                    decision.locale(), decision.rule().deliveryChannel(), occurredAt, now,
                    now.plus(decision.rule().invitationTtl()), Invitation.ISSUED, null, null, null);
        }
        return new StoredDecision(UUID.randomUUID(), i.interactionId(), p.hash(), i.customerRef(),
                touchpoint == null ? i.touchpointKey() : touchpoint.key(), i.touchpointSystem(), i.touchpointRef(),
                i.channel(), i.segment(), i.employeeRef(), i.processRef(), i.locale(), occurredAt, now,
                decision.outcome(), decision.reason(), decision.explanation(), decision.candidates(), invitation);
    }

    private static InvitationClaims claims(Invitation i) {
        return new InvitationClaims(i.id(), i.surveyId(), i.surveyVersion(), i.touchpointKey(), i.channel(),
                i.customerRef(), i.locale(), i.issuedAt(), i.expiresAt());
    }

    private static ReplicatedTouchpoint resolve(Interaction i, Context c) {
        return i.touchpointKey() != null ? c.byKey.get(i.touchpointKey())
                : c.byRef.get(ReplicatedTouchpoint.externalRef(i.touchpointSystem(), i.touchpointRef()));
    }

    /** An interaction without a time happened when it was received. */
    private static Instant occurredAt(Interaction i, Instant now) {
        return i.occurredAt() == null ? now : i.occurredAt().truncatedTo(ChronoUnit.MICROS);
    }

    private List<OutboxEvent> events(List<StoredDecision> decided) {
        List<OutboxEvent> events = new ArrayList<>(decided.size() * 2);
        for (StoredDecision d : decided) {
            Invitation v = d.invitation();
            events.add(outbox.event(Topics.DECISIONS, d.customerRef(), EventTypes.DISTRIBUTION_DECIDED_V1,
                    new DistributionDecided(d.id(), d.interactionId(), d.customerRef(), d.touchpointKey(), d.channel(),
                            d.segment(), d.occurredAt(), d.decidedAt(), d.outcome().name(),
                            d.reason() == null ? null : d.reason().name(), d.explanation(),
                            v == null ? null : v.id(), v == null ? null : v.surveyId(),
                            v == null ? null : v.surveyVersion()),
                    d.decidedAt()));
            if (v != null) {
                events.add(outbox.event(Topics.INVITATIONS, v.id().toString(), EventTypes.INVITATION_ISSUED_V1,
                        new InvitationIssued(v.id(), v.interactionId(), v.surveyId(), v.surveyVersion(),
                                v.touchpointKey(), v.channel(), v.segment(), v.customerRef(), v.locale(),
                                v.deliveryChannel().name(), v.link(), v.issuedAt(), v.expiresAt()),
                        d.decidedAt()));
            }
        }
        return events;
    }

    private ProblemException unavailable(String detail) {
        return ProblemException.unavailable(detail, config.retryAfter());
    }

    private static ProblemException conflict(String interactionId) {
        return new ProblemException(409, "conflict", "Interaction id already used",
                "interaction " + interactionId + " was already received with a different body", "interactionId");
    }
}
