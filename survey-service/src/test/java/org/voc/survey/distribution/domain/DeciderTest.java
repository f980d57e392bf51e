package org.voc.survey.distribution.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.voc.events.Interaction;
import org.voc.survey.invitation.domain.DeliveryChannel;
import org.voc.survey.invitation.domain.PastInvitation;

/** The pure decision: order of the checks, deterministic sampling, and the symmetric contact windows. */
class DeciderTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final Instant T = Instant.parse("2026-11-20T10:00:00Z");
    private static final UUID SURVEY_A = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID SURVEY_B = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    private static final ReplicatedTouchpoint CARD = new ReplicatedTouchpoint(
            UUID.randomUUID(),
            "card-delivery",
            "ACTIVE",
            "BRANCH",
            List.of("RETAIL"),
            "cards-ops",
            List.of("crm:card.delivered"),
            3);
    private static final ContactPolicy POLICY = new ContactPolicy(3, Duration.ofDays(30), null, null);

    private static DistributionRule rule(double rate, int priority) {
        return new DistributionRule(
                List.of("card-delivery"),
                List.of("BRANCH"),
                List.of("RETAIL"),
                rate,
                Duration.ofDays(7),
                DeliveryChannel.SMS,
                priority);
    }

    private static ActiveSurvey survey(UUID id, Duration gap, DistributionRule... rules) {
        return new ActiveSurvey(
                id,
                "Survey " + id.toString().substring(35),
                2,
                "en",
                List.of("en", "fr"),
                List.of("card-delivery"),
                gap,
                List.of(rules));
    }

    private static Interaction interaction(String id, String customer) {
        return new Interaction(id, customer, "card-delivery", null, null, "BRANCH", "RETAIL", T, null, null, "fr");
    }

    private static Decision decide(
            Interaction i, Instant optedOut, List<ActiveSurvey> surveys, List<PastInvitation> history) {
        return Decider.decide(new Decider.Input(i, i.occurredAt(), CARD, optedOut, surveys, POLICY, history, NOW));
    }

    private static Decision decide(List<ActiveSurvey> surveys, List<PastInvitation> history) {
        return decide(interaction("i-1", "cust-1"), null, surveys, history);
    }

    @Test
    void samplingIsDeterministicAndSpreadsEvenly() {
        assertEquals(Sampling.draw(SURVEY_A, "cust-1", "i-1"), Sampling.draw(SURVEY_A, "cust-1", "i-1"));
        int sampled = 0;
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            double draw = Sampling.draw(SURVEY_A, "cust-" + (i % 997), "interaction-" + i);
            assertTrue(draw >= 0 && draw < 1, "draw in [0, 1)");
            if (Sampling.sampled(draw, 0.25)) {
                sampled++;
            }
        }
        // Deterministic ids: the share is the same on every run; ±1.5 points is ~5 standard deviations.
        double share = sampled / (double) n;
        assertTrue(Math.abs(share - 0.25) < 0.015, "share sampled at rate 0.25 was " + share);
        assertTrue(Sampling.sampled(Sampling.draw(SURVEY_A, "c", "i"), 1.0), "rate 1 always samples");
        assertTrue(!Sampling.sampled(Sampling.draw(SURVEY_A, "c", "i"), 0.0), "rate 0 never samples");
        // The same interaction decided twice gets the same decision.
        Decision first = decide(List.of(survey(SURVEY_A, Duration.ZERO, rule(0.5, 1))), List.of());
        Decision again = decide(List.of(survey(SURVEY_A, Duration.ZERO, rule(0.5, 1))), List.of());
        assertEquals(first.outcome(), again.outcome());
        assertEquals(first.explanation(), again.explanation());
    }

    @Test
    void unknownAndRetiredTouchpointsComeFirst() {
        Interaction i = interaction("i-1", "cust-1");
        Decision unknown = Decider.decide(new Decider.Input(i, T, null, NOW, List.of(), POLICY, List.of(), NOW));
        assertEquals(SuppressionReason.UNKNOWN_TOUCHPOINT, unknown.reason());
        ReplicatedTouchpoint retired =
                new ReplicatedTouchpoint(CARD.id(), CARD.key(), "RETIRED", "BRANCH", List.of(), null, List.of(), 4);
        Decision gone = Decider.decide(new Decider.Input(i, T, retired, null, List.of(), POLICY, List.of(), NOW));
        assertEquals(SuppressionReason.UNKNOWN_TOUCHPOINT, gone.reason());
        assertTrue(gone.explanation().contains("RETIRED"), gone.explanation());
    }

    @Test
    void optOutBeforeRulesAndNoActiveSurveyWhenNothingMatches() {
        List<ActiveSurvey> surveys = List.of(survey(SURVEY_A, Duration.ZERO, rule(1, 1)));
        assertEquals(
                SuppressionReason.OPTED_OUT,
                decide(interaction("i", "c"), NOW, surveys, List.of()).reason());
        Interaction online =
                new Interaction("i", "c", "card-delivery", null, null, "WEB", "RETAIL", T, null, null, null);
        assertEquals(
                SuppressionReason.NO_ACTIVE_SURVEY,
                decide(online, null, surveys, List.of()).reason());
        Interaction noSegment =
                new Interaction("i", "c", "card-delivery", null, null, "BRANCH", null, T, null, null, null);
        assertEquals(
                SuppressionReason.NO_ACTIVE_SURVEY,
                decide(noSegment, null, surveys, List.of()).reason(),
                "a rule naming segments needs the interaction's segment");
        DistributionRule anyone = new DistributionRule(
                List.of("card-delivery"), List.of(), List.of(), 1, Duration.ofDays(7), DeliveryChannel.EMAIL, 0);
        assertTrue(
                decide(noSegment, null, List.of(survey(SURVEY_A, Duration.ZERO, anyone)), List.of())
                        .invited(),
                "empty channels and segments match any");
    }

    @Test
    void staleInteractionsAreNotInvited() {
        Interaction old = new Interaction(
                "i",
                "c",
                "card-delivery",
                null,
                null,
                "BRANCH",
                "RETAIL",
                NOW.minus(Duration.ofDays(7)).minusSeconds(1),
                null,
                null,
                null);
        Decision stale = decide(old, null, List.of(survey(SURVEY_A, Duration.ZERO, rule(1, 1))), List.of());
        assertEquals(SuppressionReason.STALE_INTERACTION, stale.reason());
        Interaction justInTime = new Interaction(
                "i",
                "c",
                "card-delivery",
                null,
                null,
                "BRANCH",
                "RETAIL",
                NOW.minus(Duration.ofDays(7)),
                null,
                null,
                null);
        assertTrue(decide(justInTime, null, List.of(survey(SURVEY_A, Duration.ZERO, rule(1, 1))), List.of())
                .invited());
    }

    @Test
    void fatigueCapCountsInvitationsStrictlyWithinTheWindowOnBothSides() {
        List<ActiveSurvey> surveys = List.of(survey(SURVEY_A, Duration.ZERO, rule(1, 1)));
        Duration window = Duration.ofDays(30);
        UUID other = UUID.randomUUID();
        // Two invitations well inside, one exactly a window before: it does not count.
        List<PastInvitation> edge = List.of(
                new PastInvitation(other, T.minus(Duration.ofDays(1))),
                new PastInvitation(other, T.minus(Duration.ofDays(2))),
                new PastInvitation(other, T.minus(window)));
        assertTrue(decide(surveys, edge).invited(), "exactly one window away is allowed");
        List<PastInvitation> inside = List.of(
                new PastInvitation(other, T.minus(Duration.ofDays(1))),
                new PastInvitation(other, T.minus(Duration.ofDays(2))),
                new PastInvitation(other, T.minus(window).plusSeconds(1)));
        Decision capped = decide(surveys, inside);
        assertEquals(SuppressionReason.FATIGUE_CAP, capped.reason());
        assertTrue(
                capped.explanation().contains("3 invitations in the 30 days around 2026-11-20T10:00:00Z (cap 3)"),
                capped.explanation());
        // Out of order: the three invitations lie AFTER the interaction; symmetric, so it is capped too.
        List<PastInvitation> later = List.of(
                new PastInvitation(other, T.plus(Duration.ofDays(10))),
                new PastInvitation(other, T.plus(Duration.ofDays(11))),
                new PastInvitation(other, T.plus(window).minusSeconds(1)));
        assertEquals(SuppressionReason.FATIGUE_CAP, decide(surveys, later).reason());
        List<PastInvitation> laterEdge = List.of(
                new PastInvitation(other, T.plus(Duration.ofDays(10))),
                new PastInvitation(other, T.plus(Duration.ofDays(11))),
                new PastInvitation(other, T.plus(window)));
        assertTrue(decide(surveys, laterEdge).invited());
    }

    @Test
    void minGapIsPerSurveyAndSymmetric() {
        Duration gap = Duration.ofDays(30);
        List<ActiveSurvey> surveys = List.of(survey(SURVEY_A, gap, rule(1, 1)));
        Decision inside = decide(
                surveys, List.of(new PastInvitation(SURVEY_A, T.minus(gap).plusSeconds(1))));
        assertEquals(SuppressionReason.MIN_GAP, inside.reason());
        assertTrue(decide(surveys, List.of(new PastInvitation(SURVEY_A, T.minus(gap))))
                .invited());
        assertEquals(
                SuppressionReason.MIN_GAP,
                decide(surveys, List.of(new PastInvitation(SURVEY_A, T.plus(Duration.ofDays(3)))))
                        .reason());
        assertTrue(
                decide(surveys, List.of(new PastInvitation(SURVEY_B, T))).invited(),
                "another survey's invitation does not count for the gap");
    }

    @Test
    void candidatesInPriorityOrderAndTheFurthestReasonWins() {
        // A (priority 10) is sampled out at rate 0; B (priority 20) is tried first and hits its min gap.
        List<ActiveSurvey> surveys = List.of(
                survey(SURVEY_A, Duration.ZERO, rule(0, 10)), survey(SURVEY_B, Duration.ofDays(30), rule(1, 20)));
        Decision d = decide(surveys, List.of(new PastInvitation(SURVEY_B, T.minus(Duration.ofDays(1)))));
        assertEquals(SuppressionReason.MIN_GAP, d.reason(), "MIN_GAP is further than NOT_SAMPLED");
        assertEquals(
                List.of(SURVEY_B, SURVEY_A),
                d.candidates().stream().map(Candidate::surveyId).toList());
        assertEquals(
                List.of("MIN_GAP", "NOT_SAMPLED"),
                d.candidates().stream().map(Candidate::result).toList());

        // When the first candidate invites, later ones are listed as not tried.
        List<ActiveSurvey> both =
                List.of(survey(SURVEY_A, Duration.ZERO, rule(1, 10)), survey(SURVEY_B, Duration.ZERO, rule(1, 10)));
        Decision invited = decide(both, List.of());
        assertEquals(SURVEY_A, invited.survey().surveyId(), "equal priorities: lower survey id first");
        assertEquals("NOT_TRIED", invited.candidates().get(1).result());
        assertEquals("fr", invited.locale());
        assertNull(invited.reason());
    }

    @Test
    void explanationsListEveryCandidateWithItsFigures() {
        Decision d = decide(List.of(survey(SURVEY_A, Duration.ZERO, rule(0.25, 100))), new ArrayList<>());
        for (Candidate c : d.candidates()) {
            assertTrue(d.explanation().contains(c.surveyId().toString()), d.explanation());
        }
        assertTrue(d.explanation().contains("rate 0.25"), d.explanation());
    }
}
