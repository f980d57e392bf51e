package org.voc.survey.domain;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Everything a designer edits; the working draft holds one, and each published version freezes a copy. */
@RegisterForReflection
public record SurveyDefinition(String name, String defaultLocale, List<String> touchpointKeys,
        List<Question> questions) {
}
