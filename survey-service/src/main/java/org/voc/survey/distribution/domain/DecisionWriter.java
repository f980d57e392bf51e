package org.voc.survey.distribution.domain;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.voc.events.DistributionDecided;
import org.voc.events.Event;
import org.voc.events.Interaction;
import org.voc.events.InvitationIssued;
import org.voc.kit.commit.GroupCommit;
import org.voc.kit.outbox.Outbox;
import org.voc.kit.problem.Conflict;
import org.voc.survey.distribution.persistence.ContactRepository;
import org.voc.survey.distribution.persistence.DecisionRepository;
import org.voc.survey.distribution.persistence.DistributionRepository;
import org.voc.survey.distribution.persistence.TouchpointReplicaRepository;
import org.voc.survey.invitation.domain.Invitation;
import org.voc.survey.invitation.domain.InvitationClaims;
import org.voc.survey.invitation.domain.InvitationSigner;
import org.voc.survey.invitation.domain.PastInvitation;
import org.voc.survey.invitation.persistence.InvitationRepository;

/**
 * Decides interactions by group commit (the kit's {@link GroupCommit}, meters under {@code voc.distribution}):
 * intake threads queue interactions and get a future; the writer decides a whole batch in ONE transaction: customer
 * locks, one query per kind of data for the batch, the pure {@link Decider} per interaction, then decisions,
 * invitations and their outbox events with JDBC batches. Futures complete only after the commit.
 */
@ApplicationScoped
public class DecisionWriter {

    private record Pending(Interaction interaction, String hash) {}

    private final DecisionRepository decisions;
    private final InvitationRepository invitations;
    private final DistributionRepository distribution;
    private final ContactRepository contacts;
    private final TouchpointReplicaRepository touchpoints;
    private final InvitationSigner signer;
    private final Outbox outbox;
    private final MeterRegistry registry;
    private final String linkBase;
    private final GroupCommit<Pending, DecisionResult> commit;

    public DecisionWriter(
            DistributionConfig config,
            DecisionRepository decisions,
            InvitationRepository invitations,
            DistributionRepository distribution,
            ContactRepository contacts,
            TouchpointReplicaRepository touchpoints,
            InvitationSigner signer,
            Outbox outbox,
            MeterRegistry registry) {
        this.decisions = decisions;
        this.invitations = invitations;
        this.distribution = distribution;
        this.contacts = contacts;
        this.touchpoints = touchpoints;
        this.signer = signer;
        this.outbox = outbox;
        this.registry = registry;
        String base = config.linkBaseUrl();
        this.linkBase = (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/s/";
        this.commit = new GroupCommit<>("decision-writer", "voc.distribution", config, registry, this::commit);
    }

    void start(@Observes StartupEvent event) {
        commit.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        commit.stop();
    }

    /** Room left in the queue: a batch request that does not fit is refused whole rather than half queued. */
    public int remainingCapacity() {
        return commit.remainingCapacity();
    }

    /**
     * Queues a valid interaction; the future completes once its decision is committed (or found stored under the
     * same id). {@link org.voc.kit.problem.Unavailable} when the queue is full or the commit is too slow: both are
     * safe to retry with the same interaction id.
     */
    public CompletableFuture<DecisionResult> decide(Interaction interaction) {
        return commit.submit(new Pending(interaction, InteractionRules.hash(interaction)))
                .thenApply(result -> {
                    if (result.created()) {
                        StoredDecision d = result.decision();
                        registry.counter(
                                        "voc.distribution.decisions",
                                        "outcome",
                                        d.outcome().name(),
                                        "reason",
                                        d.reason() == null ? "none" : d.reason().name())
                                .increment();
                    }
                    return result;
                });
    }

    /** Decides and writes a batch in the writer's transaction. */
    private List<GroupCommit.Outcome<DecisionResult>> commit(List<Pending> batch) {
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
        List<Pending> fresh = batch.stream()
                .filter(p -> !decided.containsKey(p.interaction().interactionId()))
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
                context.history
                        .computeIfAbsent(i.customerRef(), c -> new ArrayList<>())
                        .add(new PastInvitation(d.invitation().surveyId(), d.occurredAt()));
            }
        }
        // ES256 signing is the costliest step of a decision: sign the batch's invitations on every core instead
        // of one after another on this writer thread.
        Map<UUID, String> tokens = unsigned.stream()
                .filter(d -> d.invitation() != null)
                .parallel()
                .collect(Collectors.toConcurrentMap(d -> d.invitation().id(), d -> signer.sign(claims(d))));
        List<StoredDecision> newDecisions = unsigned.stream()
                .map(d -> d.invitation() == null
                        ? d
                        : d.withInvitation(
                                d.invitation().signed(tokens.get(d.invitation().id()), linkBase)))
                .toList();
        Set<String> created = new HashSet<>();
        for (StoredDecision d : newDecisions) {
            decided.put(d.interactionId(), d);
            created.add(d.interactionId());
        }
        List<Invitation> issued = newDecisions.stream()
                .map(StoredDecision::invitation)
                .filter(Objects::nonNull)
                .toList();
        List<GroupCommit.Outcome<DecisionResult>> settled = new ArrayList<>(batch.size());
        for (Pending p : batch) {
            String id = p.interaction().interactionId();
            StoredDecision d = decided.get(id);
            if (created.remove(id)) {
                settled.add(GroupCommit.Outcome.of(new DecisionResult(d, true)));
            } else {
                settled.add(
                        d.requestHash().equals(p.hash())
                                ? GroupCommit.Outcome.of(new DecisionResult(d, false))
                                : GroupCommit.Outcome.failed(conflict(id)));
            }
        }
        boolean[] inserted = decisions.insertDecisions(newDecisions);
        for (int n = 0; n < inserted.length; n++) {
            if (!inserted[n]) {
                // Only possible when another replica decided the same id for a different customer meanwhile
                // (our customer lock did not cover it): roll back; the item-by-item retry then reads it.
                throw new IllegalStateException(
                        "interaction " + newDecisions.get(n).interactionId() + " was decided concurrently");
            }
        }
        invitations.insert(issued);
        outbox.publishAll(events(newDecisions));
        return settled;
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
            invitations
                    .around(customers, earliest.minus(span), latest.plus(span))
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
        Decision decision = Decider.decide(new Decider.Input(
                i,
                occurredAt,
                touchpoint,
                c.optedOut.get(i.customerRef()),
                c.surveys,
                c.policy,
                c.history.getOrDefault(i.customerRef(), List.of()),
                now));
        Invitation invitation = null;
        if (decision.invited()) {
            // Token and link are added by the batch (signed in parallel), before anything is stored.
            invitation = new Invitation(
                    UUID.randomUUID(),
                    i.interactionId(),
                    decision.survey().surveyId(),
                    decision.survey().version(),
                    touchpoint.key(),
                    i.channel(),
                    i.segment(),
                    i.customerRef(),
                    decision.locale(),
                    decision.rule().deliveryChannel(),
                    occurredAt,
                    now,
                    now.plus(decision.rule().invitationTtl()),
                    Invitation.ISSUED,
                    null,
                    null,
                    null,
                    null);
        }
        return new StoredDecision(
                UUID.randomUUID(),
                i.interactionId(),
                p.hash(),
                i.customerRef(),
                touchpoint == null ? i.touchpointKey() : touchpoint.key(),
                i.touchpointSystem(),
                i.touchpointRef(),
                i.channel(),
                i.segment(),
                i.employeeRef(),
                i.processRef(),
                i.locale(),
                occurredAt,
                now,
                decision.outcome(),
                decision.reason(),
                decision.explanation(),
                decision.candidates(),
                invitation);
    }

    /** The invitation's claims, with the dimensions of the interaction it was decided for. */
    private static InvitationClaims claims(StoredDecision d) {
        Invitation i = d.invitation();
        return new InvitationClaims(
                i.id(),
                i.surveyId(),
                i.surveyVersion(),
                i.touchpointKey(),
                i.channel(),
                i.customerRef(),
                i.locale(),
                i.issuedAt(),
                i.expiresAt(),
                d.segment(),
                d.employeeRef(),
                d.processRef());
    }

    private static ReplicatedTouchpoint resolve(Interaction i, Context c) {
        return i.touchpointKey() != null
                ? c.byKey.get(i.touchpointKey())
                : c.byRef.get(ReplicatedTouchpoint.externalRef(i.touchpointSystem(), i.touchpointRef()));
    }

    /** An interaction without a time happened when it was received. */
    private static Instant occurredAt(Interaction i, Instant now) {
        return i.occurredAt() == null ? now : i.occurredAt().truncatedTo(ChronoUnit.MICROS);
    }

    private static List<Event<?>> events(List<StoredDecision> decided) {
        List<Event<?>> events = new ArrayList<>(decided.size() * 2);
        for (StoredDecision d : decided) {
            Invitation v = d.invitation();
            events.add(DistributionDecided.TYPE.of(new DistributionDecided(
                    d.id(),
                    d.interactionId(),
                    d.customerRef(),
                    d.touchpointKey(),
                    d.channel(),
                    d.segment(),
                    d.occurredAt(),
                    d.decidedAt(),
                    d.outcome().name(),
                    d.reason() == null ? null : d.reason().name(),
                    d.explanation(),
                    v == null ? null : v.id(),
                    v == null ? null : v.surveyId(),
                    v == null ? null : v.surveyVersion())));
            if (v != null) {
                events.add(InvitationIssued.TYPE.of(new InvitationIssued(
                        v.id(),
                        v.interactionId(),
                        v.surveyId(),
                        v.surveyVersion(),
                        v.touchpointKey(),
                        v.channel(),
                        v.segment(),
                        v.customerRef(),
                        v.locale(),
                        v.deliveryChannel().name(),
                        v.link(),
                        v.issuedAt(),
                        v.expiresAt())));
            }
        }
        return events;
    }

    private static Conflict conflict(String interactionId) {
        return new Conflict(
                "conflict",
                "Interaction id already used",
                "interaction " + interactionId + " was already received with a different body",
                "interactionId");
    }
}
