package org.voc.survey.invitation.domain;

/** How an invitation's link reaches the customer; delivery adapters read it from {@code InvitationIssued}. */
public enum DeliveryChannel {
    EMAIL,
    SMS,
    PUSH,
    WEB,
    IN_APP,
    WHATSAPP
}
