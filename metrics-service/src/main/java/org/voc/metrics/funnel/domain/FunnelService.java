package org.voc.metrics.funnel.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import org.voc.kit.problem.Invalid;
import org.voc.metrics.funnel.persistence.CohortKey;
import org.voc.metrics.funnel.persistence.FunnelRepository;

/**
 * Records each invitation's steps exactly once and counts them in the cohort of the hour it was issued; answers
 * funnel questions from those counts.
 */
@ApplicationScoped
public class FunnelService {

    /** Roll-up width: a query range covers every issue hour it overlaps, so this is the time resolution. */
    public static final ChronoUnit BUCKET = ChronoUnit.HOURS;

    /** Most periods one answer may hold (per group): beyond it the caller asks for a coarser granularity. */
    static final long MAX_PERIODS = 10_000;

    private final FunnelRepository funnel;

    public FunnelService(FunnelRepository funnel) {
        this.funnel = funnel;
    }

    /**
     * Folds the observed steps (one per event, in offset order) into the invitations' rows and adds what changed to
     * the roll-ups, in the caller's transaction. A step already set stays as it is and counts nothing, so replays
     * and repeated events change nothing; a step seen before its issue is counted when the issue arrives.
     *
     * @return how many steps were counted
     */
    @Transactional
    public long record(List<InvitationFact> observed) {
        if (observed.isEmpty()) {
            return 0;
        }
        Map<UUID, List<InvitationFact>> byInvitation = new LinkedHashMap<>();
        for (InvitationFact fact : observed) {
            byInvitation
                    .computeIfAbsent(fact.invitationId(), id -> new ArrayList<>())
                    .add(fact);
        }
        List<InvitationFact> changed = new ArrayList<>();
        SortedMap<CohortKey, FunnelCounts> increments = new TreeMap<>(CohortKey.ORDER);
        for (InvitationFact before : funnel.lock(byInvitation.keySet())) {
            InvitationFact after = before;
            for (InvitationFact fact : byInvitation.get(before.invitationId())) {
                after = after.merge(fact);
            }
            if (after.equals(before)) {
                continue;
            }
            changed.add(after);
            FunnelCounts added = before.countsAddedBy(after);
            if (!added.isZero()) {
                increments.merge(cohort(after), added, FunnelCounts::plus);
            }
        }
        funnel.update(changed);
        funnel.add(increments);
        return increments.values().stream()
                .mapToLong(c -> c.issued() + c.opened() + c.answered() + c.expired())
                .sum();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<FunnelRow> funnel(FunnelQuery query) {
        if (query.from().isAfter(query.to())) {
            throw Invalid.field("from", "must not be after to (" + query.to() + ")");
        }
        if (query.granularity() != null) {
            Duration range = Duration.between(query.from(), query.to());
            if (range.dividedBy(query.granularity().shortest()) >= MAX_PERIODS) {
                throw Invalid.field(
                        "granularity",
                        "too fine for the range: at most " + MAX_PERIODS + " periods, ask for a coarser one");
            }
        }
        // A bucket [start, start + 1h) overlaps [from, to] exactly when start lies between the two truncations.
        return funnel.sum(query, query.from().truncatedTo(BUCKET), query.to().truncatedTo(BUCKET));
    }

    /** Deletes at most {@code limit} fact rows recorded before the instant (retention); the counts stay. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int forgetBefore(Instant before, int limit) {
        return funnel.deleteBefore(before, limit);
    }

    private static CohortKey cohort(InvitationFact issued) {
        return new CohortKey(
                issued.issuedAt().truncatedTo(BUCKET),
                issued.surveyId(),
                issued.touchpointKey(),
                issued.channel() == null ? "" : issued.channel(),
                issued.deliveryChannel() == null ? "" : issued.deliveryChannel());
    }
}
