package org.voc.survey.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.voc.events.EventTypes;
import org.voc.events.Interaction;
import org.voc.survey.config.DistributionConfig;
import org.voc.survey.domain.DecisionResult;
import org.voc.survey.domain.DecisionWriter;
import org.voc.survey.domain.InteractionRules;
import org.voc.survey.domain.ProblemException;

import io.smallrye.common.annotation.Blocking;

/**
 * Interactions streamed by source systems on {@code voc.interactions}, decided on the same path as the API. The
 * method returns (and the batch's offsets are committed) only once every decision of the poll is committed and
 * every unusable record is on {@code voc.interactions.dlq}. A record reusing an interaction id with a different
 * body is dead-lettered too. When decisions cannot be stored, the batch is retried a few times and then the
 * channel fails (readiness goes down, the pod restarts and resumes from the last committed offset).
 */
@ApplicationScoped
public class InteractionConsumer {

    private static final Logger LOG = Logger.getLogger(InteractionConsumer.class);
    private static final int ATTEMPTS = 10;

    private final InboundEvents events;
    private final DeadLetters deadLetters;
    private final DecisionWriter writer;
    private final DistributionConfig config;

    public InteractionConsumer(InboundEvents events, DeadLetters deadLetters, DecisionWriter writer,
            DistributionConfig config) {
        this.events = events;
        this.deadLetters = deadLetters;
        this.writer = writer;
        this.config = config;
    }

    @Incoming("interactions")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) throws InterruptedException {
        InboundEvents.Parsed<Interaction> parsed = events.parse(records, EventTypes.INTERACTION_V1, Interaction.class,
                InteractionConsumer::invalid);
        List<InboundEvents.Rejected> rejected = new ArrayList<>(parsed.rejected());
        List<InboundEvents.Accepted<Interaction>> waiting = parsed.accepted();
        for (int attempt = 1; !waiting.isEmpty(); attempt++) {
            List<InboundEvents.Accepted<Interaction>> retry = new ArrayList<>();
            List<CompletableFuture<DecisionResult>> futures = new ArrayList<>(waiting.size());
            for (InboundEvents.Accepted<Interaction> a : waiting) {
                CompletableFuture<DecisionResult> future;
                try {
                    future = writer.decide(a.event());
                } catch (ProblemException e) {
                    future = CompletableFuture.failedFuture(e);
                }
                futures.add(future);
            }
            for (int i = 0; i < waiting.size(); i++) {
                InboundEvents.Accepted<Interaction> a = waiting.get(i);
                try {
                    futures.get(i).get();
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause() instanceof CompletionException c && c.getCause() != null
                            ? c.getCause() : e.getCause();
                    if (cause instanceof ProblemException p && p.status() == 409) {
                        rejected.add(events.reject(a.record(), p.getMessage()));
                    } else {
                        retry.add(a);
                    }
                }
            }
            if (!retry.isEmpty()) {
                if (attempt >= ATTEMPTS) {
                    throw new IllegalStateException(retry.size() + " interactions could not be decided after "
                            + ATTEMPTS + " attempts");
                }
                Duration pause = config.retryAfter().multipliedBy(attempt);
                LOG.warnf("%d interactions not decided yet, retrying in %s", retry.size(), pause);
                Thread.sleep(pause.toMillis());
            }
            waiting = retry;
        }
        deadLetters.send(rejected);
    }

    private static String invalid(Interaction interaction) {
        var violations = InteractionRules.violations(interaction, "", Instant.now());
        return violations.isEmpty() ? null
                : String.join("; ", violations.stream().map(v -> v.field() + " " + v.message()).toList());
    }
}
