package org.voc.survey.distribution.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.voc.kit.problem.Conflict;
import org.voc.kit.problem.Invalid;
import org.voc.kit.problem.NotFound;
import org.voc.survey.definition.domain.Survey;
import org.voc.survey.definition.domain.SurveyService;
import org.voc.survey.definition.domain.SurveyStatus;
import org.voc.survey.distribution.persistence.ContactRepository;
import org.voc.survey.distribution.persistence.DecisionRepository;
import org.voc.survey.distribution.persistence.DistributionRepository;
import org.voc.survey.invitation.persistence.InvitationRepository;

/**
 * Everything about distribution except deciding: rules per survey, the contact policy, opt-outs, and reading
 * decisions back for analysts.
 */
@ApplicationScoped
public class DistributionService {

    private final SurveyService surveys;
    private final DistributionRepository distribution;
    private final ContactRepository contacts;
    private final DecisionRepository decisions;
    private final InvitationRepository invitations;

    public DistributionService(
            SurveyService surveys,
            DistributionRepository distribution,
            ContactRepository contacts,
            DecisionRepository decisions,
            InvitationRepository invitations) {
        this.surveys = surveys;
        this.distribution = distribution;
        this.contacts = contacts;
        this.decisions = decisions;
        this.invitations = invitations;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public DistributionSettings settings(UUID surveyId) {
        surveys.get(surveyId); // an unknown survey is not found rather than "never set"
        return distribution.find(surveyId).orElse(DistributionSettings.none(surveyId));
    }

    /** Replaces a survey's distribution; rule touchpoints must be among the survey's own. */
    @Transactional
    public DistributionSettings replace(
            UUID surveyId, Boolean enabled, Duration minGap, List<SettingsRules.RuleInput> rules, String by) {
        Survey survey = surveys.lock(surveyId);
        if (survey.status() == SurveyStatus.ARCHIVED) {
            throw Conflict.of("Conflict", "survey '" + surveyId + "' is ARCHIVED and invites nobody any more", null);
        }
        List<DistributionRule> checked =
                SettingsRules.rules(enabled, minGap, rules, survey.definition().touchpointKeys());
        DistributionSettings settings = new DistributionSettings(
                surveyId, enabled, minGap == null ? Duration.ZERO : minGap, checked, now(), by);
        distribution.save(settings);
        return settings;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ContactPolicy policy() {
        return contacts.policy().orElse(ContactPolicy.DEFAULT);
    }

    @Transactional
    public ContactPolicy replacePolicy(Integer maxInvitations, Duration window, String by) {
        SettingsRules.policy(maxInvitations, window);
        ContactPolicy policy = new ContactPolicy(maxInvitations, window, now(), by);
        contacts.savePolicy(policy);
        return policy;
    }

    @Transactional
    public OptOut optOut(String customerRef, String reason) {
        checkCustomerRef(customerRef);
        if (reason != null && reason.length() > 500) {
            throw Invalid.field("reason", "must be at most 500 characters");
        }
        return contacts.optOut(customerRef, reason, now());
    }

    /** Idempotent: removing a customer who is not on the list changes nothing. */
    @Transactional
    public void optIn(String customerRef) {
        checkCustomerRef(customerRef);
        contacts.remove(customerRef);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public OptOut optOutOf(String customerRef) {
        return contacts.find(customerRef).orElseThrow(() -> NotFound.of("opt-out", customerRef));
    }

    /**
     * Erases what distribution holds about a customer, in the caller's transaction: decisions and invitations are
     * deleted, an opt-out is kept as the keyed hash of the reference. Serialised with decisions being taken for
     * the customer, so none is written half-way. Returns the rows treated by kind.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, Long> erase(String customerRef) {
        decisions.lockCustomers(List.of(customerRef));
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("decisions", (long) decisions.deleteByCustomer(customerRef));
        counts.put("invitations", (long) invitations.deleteByCustomer(customerRef));
        counts.put("optOuts", (long) contacts.eraseOptOut(customerRef));
        return counts;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public StoredDecision decision(String interactionId) {
        return decisions
                .findByInteractionId(interactionId)
                .orElseThrow(() -> NotFound.of("decision for interaction", interactionId));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<StoredDecision> decisions(String customerRef, DecisionCursor after, int limit) {
        return decisions.listByCustomer(customerRef, after, limit);
    }

    private static void checkCustomerRef(String customerRef) {
        if (customerRef == null || customerRef.isBlank() || customerRef.length() > InteractionRules.MAX_REF) {
            throw Invalid.field("customerRef", "must be 1 to " + InteractionRules.MAX_REF + " characters");
        }
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
