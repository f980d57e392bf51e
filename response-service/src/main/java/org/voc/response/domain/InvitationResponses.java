package org.voc.response.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.voc.kit.problem.DomainException;
import org.voc.kit.problem.Unavailable;
import org.voc.response.persistence.ResponseRepository;

/**
 * Respondents answering their invitation, with nothing but the token: what the hosted page and the respondent
 * API show ({@link #open}, which records the first view) and take ({@link #answer}). Validation and storing are the
 * same {@link ResponseIntake} every response goes through; the survey, version, touchpoint, channel, customer and
 * the interaction's dimensions come from the token only.
 */
@ApplicationScoped
public class InvitationResponses {

    /** Whether the invitation can still be answered. */
    public enum Status {
        OPEN,
        ANSWERED
    }

    /** A verified invitation, whether it was answered, and its survey in the invitation's locale. */
    public record Opened(Invitation invitation, Status status, SurveyContent.Localized survey) {}

    /** The replica learns a version from Kafka; an invitation sent right after publishing may be a moment early. */
    private static final Duration REPLICA_LAG = Duration.ofSeconds(2);

    private final InvitationVerifier verifier;
    private final SurveyCatalog catalog;
    private final ResponseIntake intake;
    private final ResponseRepository responses;
    private final OpenedInvitations opened;

    public InvitationResponses(
            InvitationVerifier verifier,
            SurveyCatalog catalog,
            ResponseIntake intake,
            ResponseRepository responses,
            OpenedInvitations opened) {
        this.verifier = verifier;
        this.catalog = catalog;
        this.intake = intake;
        this.responses = responses;
        this.opened = opened;
    }

    /**
     * The invitation and its survey; not found when invalid, gone when expired or the survey archived, unavailable
     * while the version is not replicated yet. The first view of an invitation that can still be answered is
     * recorded as its opening, {@code via} the hosted page or the respondent API ({@link OpenedInvitations}).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Opened open(String token, String via) {
        Invitation invitation = verifier.verify(token, null);
        SurveyContent content = catalog.content(invitation.surveyId(), invitation.surveyVersion())
                .orElseThrow(InvitationResponses::notReplicatedYet);
        closed(invitation);
        Status status = responses.answered(invitation.id()) ? Status.ANSWERED : Status.OPEN;
        if (status == Status.OPEN) {
            opened.viewed(invitation, via);
        }
        return new Opened(invitation, status, content.in(invitation.locale()));
    }

    /** The survey of an invitation already verified, in its locale (for re-rendering a page with errors). */
    public SurveyContent.Localized survey(Invitation invitation) {
        return catalog.content(invitation.surveyId(), invitation.surveyVersion())
                .orElseThrow(InvitationResponses::notReplicatedYet)
                .in(invitation.locale());
    }

    /** Verifies the token; refuses as {@link InvitationVerifier#verify} does. */
    public Invitation verify(String token) {
        return verifier.verify(token, null);
    }

    /**
     * Validates and stores the respondent's answers. Throws at once for an invalid token (404), an expired one
     * (410), an archived survey (410) or invalid answers (400); the future fails with 409 {@code already-answered}
     * when another response to the invitation was stored first. No database read on this path: "answered" is
     * decided by the unique index in the writer's batch.
     */
    public CompletableFuture<Outcome> answer(String token, UUID responseId, List<Submission.AnswerInput> answers) {
        return answer(verifier.verify(token, null), responseId, answers);
    }

    /** As {@link #answer(String, UUID, List)} for an invitation already verified. */
    public CompletableFuture<Outcome> answer(
            Invitation invitation, UUID responseId, List<Submission.AnswerInput> answers) {
        if (catalog.version(invitation.surveyId(), invitation.surveyVersion()).isEmpty()) {
            throw notReplicatedYet();
        }
        closed(invitation);
        return intake.submit(invitation.submission(responseId, answers));
    }

    private void closed(Invitation invitation) {
        if (catalog.archived(invitation.surveyId())) {
            throw InvitationRefusal.surveyClosed();
        }
    }

    private static DomainException notReplicatedYet() {
        return new Unavailable("the survey of this invitation is not available yet; try again shortly", REPLICA_LAG);
    }
}
