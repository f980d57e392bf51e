package org.voc.survey.distribution.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.voc.events.Interaction;
import org.voc.survey.invitation.domain.PastInvitation;

/**
 * Decides whether one interaction invites its customer, and why not. Pure: everything it needs is in
 * {@link Input}, so it is unit-tested without a database and a replay decides the same. The checks run in the
 * order of docs/distribution.md: touchpoint, opt-out, matching surveys, staleness, then per candidate (priority,
 * then survey id) sampling, minimum gap and fatigue cap. Contact windows are symmetric around the interaction's
 * time: an invitation counts when {@code |t_i − t| < window}, so an interaction replayed out of order cannot
 * squeeze in between two others, and one exactly a window away does not count.
 */
public final class Decider {

    /**
     * What the decision knows. {@code touchpoint} is null when the interaction's key or reference resolved to
     * none; {@code optedOutAt} is null unless the customer opted out; {@code history} holds the customer's
     * invitations around {@code occurredAt}, including those issued earlier in the same batch.
     */
    public record Input(
            Interaction interaction,
            Instant occurredAt,
            ReplicatedTouchpoint touchpoint,
            Instant optedOutAt,
            List<ActiveSurvey> surveys,
            ContactPolicy policy,
            List<PastInvitation> history,
            Instant now) {}

    private static final String NOT_TRIED = "NOT_TRIED";

    private Decider() {}

    public static Decision decide(Input in) {
        Interaction i = in.interaction();
        if (in.touchpoint() == null || in.touchpoint().retired()) {
            return suppressed(SuppressionReason.UNKNOWN_TOUCHPOINT, unknownTouchpoint(in), List.of());
        }
        String key = in.touchpoint().key();
        if (in.optedOutAt() != null) {
            return suppressed(
                    SuppressionReason.OPTED_OUT,
                    "Customer " + i.customerRef() + " opted out of surveys at " + in.optedOutAt() + ": no invitation.",
                    List.of());
        }
        List<Match> matches = matches(in, key);
        if (matches.isEmpty()) {
            return suppressed(
                    SuppressionReason.NO_ACTIVE_SURVEY,
                    "No enabled rule of a published survey matches "
                            + "touchpoint " + key + ", channel " + i.channel() + ", segment "
                            + (i.segment() == null ? "(none)" : i.segment()) + ".",
                    List.of());
        }

        List<Candidate> considered = new ArrayList<>();
        SuppressionReason furthest = null;
        Match chosen = null;
        Duration age = Duration.between(in.occurredAt(), in.now());
        for (Match m : matches) {
            if (chosen != null) {
                considered.add(candidate(m, null, NOT_TRIED, "not tried: an earlier candidate invited"));
                continue;
            }
            DistributionRule rule = m.rule();
            if (age.compareTo(rule.invitationTtl()) > 0) {
                considered.add(candidate(
                        m,
                        null,
                        SuppressionReason.STALE_INTERACTION.name(),
                        "the interaction at " + in.occurredAt() + " is " + Durations.words(age.withNanos(0))
                                + " old, more than the invitation TTL of " + Durations.words(rule.invitationTtl())));
                furthest = further(furthest, SuppressionReason.STALE_INTERACTION);
                continue;
            }
            double draw = Sampling.draw(m.survey().surveyId(), i.customerRef(), i.interactionId());
            if (!Sampling.sampled(draw, rule.samplingRate())) {
                considered.add(candidate(
                        m,
                        draw,
                        SuppressionReason.NOT_SAMPLED.name(),
                        "sampled out at rate " + rate(rule.samplingRate()) + " (draw " + rate(draw) + ")"));
                furthest = further(furthest, SuppressionReason.NOT_SAMPLED);
                continue;
            }
            String sampledIn = "sampled in at rate " + rate(rule.samplingRate()) + " (draw " + rate(draw) + ")";
            Duration gap = m.survey().minGapPerCustomer();
            if (!gap.isZero()) {
                PastInvitation close = in.history().stream()
                        .filter(p -> p.surveyId().equals(m.survey().surveyId()))
                        .filter(p -> within(p.occurredAt(), in.occurredAt(), gap))
                        .min(Comparator.comparing(p -> Duration.between(p.occurredAt(), in.occurredAt())
                                .abs()))
                        .orElse(null);
                if (close != null) {
                    considered.add(candidate(
                            m,
                            draw,
                            SuppressionReason.MIN_GAP.name(),
                            sampledIn
                                    + ", but this survey invited the customer for an interaction at "
                                    + close.occurredAt()
                                    + ", less than the minimum gap of " + Durations.words(gap) + " from "
                                    + in.occurredAt()));
                    furthest = further(furthest, SuppressionReason.MIN_GAP);
                    continue;
                }
            }
            ContactPolicy policy = in.policy();
            long around = in.history().stream()
                    .filter(p -> within(p.occurredAt(), in.occurredAt(), policy.window()))
                    .count();
            String fatigue = plural(around, "invitation") + " in the " + Durations.words(policy.window()) + " around "
                    + in.occurredAt() + " (cap " + policy.maxInvitations() + ")";
            if (around >= policy.maxInvitations()) {
                considered.add(
                        candidate(m, draw, SuppressionReason.FATIGUE_CAP.name(), sampledIn + ", but " + fatigue));
                furthest = further(furthest, SuppressionReason.FATIGUE_CAP);
                continue;
            }
            chosen = m;
            considered.add(candidate(
                    m,
                    draw,
                    DecisionOutcome.INVITED.name(),
                    sampledIn + "; " + fatigue
                            + "; invited through " + rule.deliveryChannel() + ", link valid for "
                            + Durations.words(rule.invitationTtl())));
        }

        if (chosen != null) {
            String explanation = "Invited to survey " + label(chosen.survey()) + " version "
                    + chosen.survey().version() + " through " + chosen.rule().deliveryChannel() + ". Candidates: "
                    + list(considered);
            return new Decision(
                    DecisionOutcome.INVITED,
                    null,
                    explanation,
                    List.copyOf(considered),
                    chosen.survey(),
                    chosen.rule(),
                    chosen.survey().locale(i.locale()));
        }
        String headline = switch (furthest) {
            case STALE_INTERACTION ->
                "Not invited: the interaction is older than the invitation TTL of every " + "matching rule.";
            case NOT_SAMPLED -> "Not invited: sampled out of every matching survey.";
            case MIN_GAP -> "Not invited: a matching survey invited this customer too recently (minimum gap).";
            case FATIGUE_CAP -> "Not invited: contact fatigue cap reached.";
            default -> throw new IllegalStateException("unexpected reason " + furthest);
        };
        return suppressed(furthest, headline + " Candidates: " + list(considered), considered);
    }

    /** A survey with the rule of it that matched (the highest priority one when several do). */
    private record Match(ActiveSurvey survey, DistributionRule rule) {}

    private static List<Match> matches(Input in, String key) {
        Interaction i = in.interaction();
        List<Match> matches = new ArrayList<>();
        for (ActiveSurvey survey : in.surveys()) {
            if (!survey.touchpointKeys().contains(key)) {
                continue; // the latest version is not bound to this touchpoint: a response would be refused
            }
            survey.rules().stream()
                    .filter(r -> r.matches(key, i.channel(), i.segment()))
                    .max(Comparator.comparingInt(DistributionRule::priority))
                    .ifPresent(rule -> matches.add(new Match(survey, rule)));
        }
        matches.sort(Comparator.comparingInt((Match m) -> -m.rule().priority())
                .thenComparing(m -> m.survey().surveyId().toString()));
        return matches;
    }

    /** Strictly closer than the window: invitations exactly one window apart are allowed. */
    static boolean within(Instant a, Instant b, Duration window) {
        return Duration.between(a, b).abs().compareTo(window) < 0;
    }

    private static SuppressionReason further(SuppressionReason current, SuppressionReason next) {
        return current == null || next.ordinal() > current.ordinal() ? next : current;
    }

    private static Candidate candidate(Match m, Double draw, String result, String detail) {
        return new Candidate(
                m.survey().surveyId(),
                m.survey().version(),
                m.survey().name(),
                m.rule().priority(),
                m.rule().samplingRate(),
                draw,
                result,
                detail);
    }

    private static Decision suppressed(SuppressionReason reason, String explanation, List<Candidate> candidates) {
        return new Decision(DecisionOutcome.SUPPRESSED, reason, explanation, List.copyOf(candidates), null, null, null);
    }

    private static String unknownTouchpoint(Input in) {
        Interaction i = in.interaction();
        String asked = i.touchpointKey() != null
                ? "touchpoint " + i.touchpointKey()
                : "external reference " + i.touchpointSystem() + "/" + i.touchpointRef();
        if (in.touchpoint() != null) {
            return "Not invited: " + asked + " resolves to touchpoint "
                    + in.touchpoint().key() + ", which is RETIRED.";
        }
        return "Not invited: no touchpoint is known for " + asked
                + " (it is not registered, or its state has not reached survey-service yet).";
    }

    private static String list(List<Candidate> candidates) {
        List<String> parts = new ArrayList<>();
        for (Candidate c : candidates) {
            parts.add("survey " + (c.surveyName() == null ? "" : "'" + c.surveyName() + "' ") + "(" + c.surveyId()
                    + ", priority " + c.priority() + "): " + c.detail());
        }
        return String.join("; ", parts) + ".";
    }

    private static String label(ActiveSurvey s) {
        return "'" + s.name() + "' (" + s.surveyId() + ")";
    }

    private static String rate(double value) {
        return String.format(Locale.ROOT, "%.4f", value).replaceAll("0+$", "").replaceAll("\\.$", ".0");
    }

    private static String plural(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
