package org.voc.survey;

import io.quarkus.runtime.annotations.RegisterForReflection;
import org.voc.events.DistributionDecided;
import org.voc.events.Interaction;
import org.voc.events.InvitationExpired;
import org.voc.events.InvitationIssued;
import org.voc.events.TouchpointState;
import org.voc.survey.distribution.domain.Candidate;
import org.voc.survey.distribution.domain.DistributionRule;

/** Types Jackson reads or writes outside JAX-RS (events, stored rules): registered so a native image keeps them. */
@RegisterForReflection(
        targets = {
            DistributionDecided.class,
            InvitationIssued.class,
            InvitationExpired.class,
            Interaction.class,
            TouchpointState.class,
            TouchpointState.Raci.class,
            TouchpointState.ExternalRef.class,
            Candidate.class,
            DistributionRule.class
        })
public final class EventReflection {

    private EventReflection() {}
}
