package org.voc.response.config;

import io.quarkus.runtime.annotations.RegisterForReflection;
import org.voc.events.InvitationOpened;
import org.voc.events.ResponseSubmitted;
import org.voc.events.SurveyStatusChanged;
import org.voc.events.SurveyVersionPublished;
import org.voc.response.domain.Answer;

/** Types Jackson reads or writes outside JAX-RS (events, stored answers): registered so a native image keeps them. */
@RegisterForReflection(
        targets = {
            ResponseSubmitted.class,
            ResponseSubmitted.Answer.class,
            InvitationOpened.class,
            SurveyVersionPublished.class,
            SurveyVersionPublished.Question.class,
            SurveyVersionPublished.Option.class,
            SurveyVersionPublished.Condition.class,
            SurveyStatusChanged.class,
            Answer.class
        })
public final class EventReflection {

    private EventReflection() {}
}
