package org.voc.cases.recovery.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.voc.cases.persistence.CaseEntity;
import org.voc.cases.recovery.persistence.RecoveryRepository;
import org.voc.events.Interaction;
import org.voc.events.ResponseSubmitted;
import org.voc.kit.outbox.Outbox;

/**
 * The recovery re-survey of a closed case (docs/improvement.md): closing a case that a rule with {@code
 * recoverySurvey} opened publishes an interaction of the case-closure touchpoint on {@code voc.interactions}, so
 * survey-service's distribution decides on it like on any other (its rules, contact-fatigue caps, opt-outs); the
 * interaction's {@code processRef} names the case, the invitation carries it into the response, and the first such
 * response is recorded on the case.
 */
@ApplicationScoped
public class RecoverySurveys {

    /** The processRef of a case's recovery interaction: {@code case:<case id>}. */
    public static final String PROCESS_PREFIX = "case:";

    private static final String CSAT = "CSAT";

    private final RecoveryRepository recoveries;
    private final RecoveryConfig config;
    private final Outbox outbox;

    public RecoverySurveys(RecoveryRepository recoveries, RecoveryConfig config, Outbox outbox) {
        this.recoveries = recoveries;
        this.config = config;
        this.outbox = outbox;
    }

    /**
     * Part of closing the locked case: asks for the re-survey when a rule the case matched wants one and the customer
     * is known (not erased). The interaction id counts the reopenings, so a case closed again asks again and
     * survey-service's idempotency keeps a redelivery from asking twice. Returns whether it asked.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean requestOnClose(CaseEntity e, Instant now) {
        if (e.customerRef == null || !recoveries.ruledForRecovery(e.id)) {
            return false;
        }
        outbox.publish(Interaction.TYPE.of(new Interaction(
                "case-closure:" + e.id + ":" + e.reopenedCount,
                e.customerRef,
                config.touchpointKey(),
                null,
                null,
                config.channel(),
                null,
                now,
                null,
                PROCESS_PREFIX + e.id,
                null)));
        e.recoveryRequestedAt = now;
        return true;
    }

    /**
     * Records the recovery answers among a poll's responses (those of the case-closure touchpoint whose processRef
     * names a case), in the poll's transaction: the first answer of a case that asked for one counts, later ones and
     * redeliveries change nothing. Returns the cases that got their answer.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<UUID> record(List<ResponseSubmitted> responses) {
        Map<UUID, RecoveryRepository.Answer> answers = new LinkedHashMap<>();
        for (ResponseSubmitted r : responses) {
            UUID caseId = caseOf(r);
            if (caseId == null) {
                continue;
            }
            RecoveryRepository.Answer answer = answerOf(caseId, r);
            answers.merge(caseId, answer, (a, b) -> b.answeredAt().isBefore(a.answeredAt()) ? b : a);
        }
        return answers.isEmpty() ? Set.of() : recoveries.record(List.copyOf(answers.values()));
    }

    private UUID caseOf(ResponseSubmitted r) {
        String process = r.processRef();
        if (process == null
                || !process.startsWith(PROCESS_PREFIX)
                || !config.touchpointKey().equals(r.touchpointKey())) {
            return null;
        }
        try {
            return UUID.fromString(process.substring(PROCESS_PREFIX.length()));
        } catch (IllegalArgumentException notACase) {
            return null; // another process of that touchpoint, not a case's recovery
        }
    }

    /** NPS 7 or more (a passive or a promoter now), or CSAT 4 or more; null when the answer asked neither. */
    static RecoveryRepository.Answer answerOf(UUID caseId, ResponseSubmitted r) {
        Integer nps = r.nps();
        Integer csat = r.answers() == null
                ? null
                : r.answers().stream()
                        .filter(a -> a != null && CSAT.equalsIgnoreCase(a.type()) && a.score() != null)
                        .map(ResponseSubmitted.Answer::score)
                        .findFirst()
                        .orElse(null);
        Boolean recovered =
                nps == null && csat == null ? null : (nps != null && nps >= 7) || (csat != null && csat >= 4);
        return new RecoveryRepository.Answer(caseId, r.responseId(), r.respondedAt(), nps, csat, recovered);
    }
}
