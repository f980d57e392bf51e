package org.voc.survey.distribution.api;

import java.time.Instant;
import org.voc.survey.distribution.domain.ContactPolicy;
import org.voc.survey.distribution.domain.Durations;

/** The contact policy in force; {@code defaults} is true while it was never set. */
public record ContactPolicyView(
        int maxInvitations, String window, boolean defaults, Instant updatedAt, String updatedBy) {

    static ContactPolicyView of(ContactPolicy p) {
        return new ContactPolicyView(
                p.maxInvitations(), Durations.iso(p.window()), p.updatedAt() == null, p.updatedAt(), p.updatedBy());
    }
}
