package org.voc.events;

/** CloudEvents {@code ce_type} values. A breaking change gets a new version suffix, never an edit. */
public final class EventTypes {
    public static final String TOUCHPOINT_STATE_V1 = "voc.touchpoint.state.v1";
    public static final String TEAM_STATE_V1 = "voc.team.state.v1";
    public static final String SURVEY_VERSION_PUBLISHED_V1 = "voc.survey.version-published.v1";
    public static final String SURVEY_STATUS_CHANGED_V1 = "voc.survey.status-changed.v1";
    public static final String RESPONSE_SUBMITTED_V1 = "voc.response.submitted.v1";
    public static final String INTERACTION_V1 = "voc.interaction.v1";
    public static final String INVITATION_ISSUED_V1 = "voc.invitation.issued.v1";
    public static final String INVITATION_EXPIRED_V1 = "voc.invitation.expired.v1";
    public static final String DISTRIBUTION_DECIDED_V1 = "voc.distribution.decided.v1";

    private EventTypes() {
    }
}
