package org.voc.survey.definition.domain;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Everything a designer edits; the working draft holds one, and each published version freezes a copy.
 * {@code locales} are the languages the survey is worded in (the default locale among them); null when a request
 * did not declare them, in which case the service derives them from the first question. {@code brand} is null when
 * the survey has none (and in drafts and versions stored before brands existed).
 */
@RegisterForReflection
public record SurveyDefinition(
        String name,
        String defaultLocale,
        List<String> locales,
        List<String> touchpointKeys,
        List<Question> questions,
        Brand brand) {

    /** A definition without a brand. */
    public SurveyDefinition(
            String name,
            String defaultLocale,
            List<String> locales,
            List<String> touchpointKeys,
            List<Question> questions) {
        this(name, defaultLocale, locales, touchpointKeys, questions, null);
    }

    /** The declared locales, or for definitions that predate them: the default locale and the first question's. */
    public List<String> effectiveLocales() {
        if (locales != null && !locales.isEmpty()) {
            return locales;
        }
        Set<String> derived = new LinkedHashSet<>();
        derived.add(defaultLocale);
        if (!questions.isEmpty() && questions.get(0).text() != null) {
            derived.addAll(questions.get(0).text().keySet().stream().sorted().toList());
        }
        return new ArrayList<>(derived);
    }

    public SurveyDefinition withLocales(List<String> declared) {
        return new SurveyDefinition(name, defaultLocale, declared, touchpointKeys, questions, brand);
    }
}
