package org.voc.survey.domain;

import java.util.Map;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One question of a survey definition; {@code text} maps a locale to its wording. */
@RegisterForReflection
public record Question(String id, QuestionType type, boolean required, Map<String, String> text) {
}
