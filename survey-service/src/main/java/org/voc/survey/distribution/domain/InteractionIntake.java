package org.voc.survey.distribution.domain;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.voc.events.Interaction;
import org.voc.kit.commit.Settled;
import org.voc.kit.problem.Invalid;
import org.voc.kit.problem.Unavailable;
import org.voc.kit.problem.Violation;

/**
 * The one way into distribution, for the API and the Kafka consumer: checks interactions, then hands them to the
 * {@link DecisionWriter}. A batch is checked whole before anything is queued, so one bad item stores nothing.
 */
@ApplicationScoped
public class InteractionIntake {

    public static final int MAX_BATCH = 1000;

    private final DecisionWriter writer;
    private final DistributionConfig config;

    public InteractionIntake(DecisionWriter writer, DistributionConfig config) {
        this.writer = writer;
        this.config = config;
    }

    public CompletableFuture<DecisionResult> submit(Interaction interaction) {
        List<Violation> violations = InteractionRules.violations(interaction, "", Instant.now());
        if (!violations.isEmpty()) {
            throw Invalid.of(violations);
        }
        return writer.decide(interaction);
    }

    /**
     * Decisions in the order of the interactions, each settled on its own: its decision, or why it has none (a
     * Conflict: id reused; Unavailable: not stored). {@code field} names the list in problem paths.
     */
    public CompletableFuture<List<Settled<DecisionResult>>> submitAll(List<Interaction> interactions, String field) {
        if (interactions.size() > MAX_BATCH) {
            throw Invalid.field(
                    field,
                    "holds " + interactions.size() + " interactions; at most " + MAX_BATCH + " are taken at once");
        }
        Instant now = Instant.now();
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < interactions.size(); i++) {
            Interaction interaction = interactions.get(i);
            if (interaction == null) {
                violations.add(new Violation(field + "[" + i + "]", "must not be null"));
            } else {
                violations.addAll(InteractionRules.violations(interaction, field + "[" + i + "].", now));
            }
        }
        if (!violations.isEmpty()) {
            throw Invalid.of(violations);
        }
        if (writer.remainingCapacity() < interactions.size()) {
            throw new Unavailable("too many interactions are waiting to be decided", config.retryAfter());
        }
        // The queue may fill up meanwhile: what is queued is decided; the rest is Unavailable (retry is safe).
        return Settled.all(interactions, writer::decide, config.retryAfter());
    }
}
