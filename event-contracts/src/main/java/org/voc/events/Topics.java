package org.voc.events;

/** Kafka topic names of the suite; docs/events.md describes each one. */
public final class Topics {
    /** Compacted: full current state of every touchpoint, keyed by touchpoint id. */
    public static final String TOUCHPOINTS = "voc.touchpoints";
    /** Compacted: full current state of every team, keyed by team id. */
    public static final String TEAMS = "voc.teams";
    /**
     * Compacted: every published survey version, keyed by {@code surveyId:version}, and each survey's current
     * lifecycle status, keyed by {@code surveyId:status}; the ce_type header tells them apart.
     */
    public static final String SURVEYS = "voc.surveys";
    /** Every accepted response, keyed by response id. */
    public static final String RESPONSES = "voc.responses";
    /** Invitations issued, opened and expired, keyed by invitation id. */
    public static final String INVITATIONS = "voc.invitations";
    /**
     * Compacted: invitations revoked (keyed by invitation id) and signing keys retired early (keyed by key id); what
     * verifiers must refuse although the signature is good. Compacted so that a new verifier reads them all.
     */
    public static final String INVITATION_REVOCATIONS = "voc.invitation-revocations";
    /** Interactions streamed by source systems for survey-service to decide on, keyed by customer reference. */
    public static final String INTERACTIONS = "voc.interactions";
    /** Every distribution decision (invited or suppressed, with the reason), keyed by customer reference. */
    public static final String DECISIONS = "voc.decisions";

    /**
     * Erasure requests (GDPR art. 17) from survey-service's coordinator to every service holding customer data,
     * keyed by erasure id. Carries the clear customer reference, so its retention is short (docs/security.md).
     */
    public static final String ERASURES = "voc.erasures";
    /** Each service's report that it erased a customer, keyed by erasure id; survey-service's coordinator reads it. */
    public static final String ERASURE_REPORTS = "voc.erasure-reports";

    /**
     * Case work in case-service (opened, assigned, contacted, resolved, closed, reopened; breached and escalated by
     * its SLA scheduler), keyed by case id, so one case's events stay in order. No free text: notes stay in the
     * service.
     */
    public static final String CASES = "voc.cases";
    /** Metric alerts fired and resolved by metrics-service, keyed by alert rule id. */
    public static final String ALERTS = "voc.alerts";
    /** Improvement actions of the outer loop marked DONE or VERIFIED by case-service, keyed by action id. */
    public static final String ACTIONS = "voc.actions";
    /** metrics-service's verdicts on the effect of improvement actions, keyed by action id. */
    public static final String IMPACT = "voc.impact";
    /**
     * "You said, we did": the customers to tell about a verified improvement action, opt-outs and erasures left out
     * by survey-service; keyed by action id, read by delivery adapters outside the suite.
     */
    public static final String ANNOUNCEMENTS = "voc.announcements";

    private Topics() {}
}
