package org.voc.survey.definition.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.voc.kit.problem.Invalid;
import org.voc.kit.problem.Violation;
import org.voc.survey.definition.domain.Question.Condition;
import org.voc.survey.definition.domain.Question.Operator;
import org.voc.survey.definition.domain.Question.Option;

/**
 * Rules across fields that bean validation cannot express. A draft must be consistent ({@link #check}); it may
 * lack wordings in some declared locales until it is published ({@link #checkPublishable}). Fields are named as
 * JSON paths into the request.
 */
final class DefinitionRules {

    static final int MIN_OPTIONS = 2;
    static final int MAX_OPTIONS = 50;
    static final int MAX_RATING_SPAN = 100;

    private DefinitionRules() {}

    /** Throws on the first rule broken by a draft. */
    static void check(SurveyDefinition definition) {
        List<String> declared = definition.locales();
        if (declared != null && !declared.contains(definition.defaultLocale())) {
            throw Invalid.field("locales", "must include the default locale '" + definition.defaultLocale() + "'");
        }
        Map<String, Integer> earlier = new HashMap<>();
        Map<QuestionType, Integer> unique = new HashMap<>();
        Set<String> firstLocales = null;
        List<Question> questions = definition.questions();
        for (int i = 0; i < questions.size(); i++) {
            Question question = questions.get(i);
            String at = "questions[" + i + "]";
            if (earlier.containsKey(question.id())) {
                throw Invalid.field(at + ".id", "'" + question.id() + "' is already the id of an earlier question");
            }
            if (question.type().isUniquePerSurvey()) {
                Integer previous = unique.putIfAbsent(question.type(), i);
                if (previous != null) {
                    throw Invalid.field(
                            at + ".type",
                            "a survey has at most one " + question.type() + " question and questions[" + previous
                                    + "] is one");
                }
            }
            if (!question.text().containsKey(definition.defaultLocale())) {
                throw Invalid.field(
                        at + ".text", "must have a wording in the default locale '" + definition.defaultLocale() + "'");
            }
            if (declared != null) {
                undeclared(question.text(), declared, at + ".text");
            } else if (firstLocales == null) {
                firstLocales = question.text().keySet();
            } else if (!firstLocales.equals(question.text().keySet())) {
                // Without declared locales, the first question's wordings say which locales the survey has.
                throw Invalid.field(
                        at + ".text", "must be worded in the same locales as questions[0]: " + firstLocales);
            }
            scale(question, at);
            options(question, definition, at);
            selection(question, at);
            condition(question, questions, earlier, at);
            earlier.put(question.id(), i);
        }
        logo(definition.brand());
    }

    /** Every field that keeps a draft from being published, so the designer sees them all at once. */
    static List<Violation> checkPublishable(SurveyDefinition definition) {
        List<Violation> missing = new ArrayList<>();
        List<String> locales = definition.effectiveLocales();
        List<Question> questions = definition.questions();
        for (int i = 0; i < questions.size(); i++) {
            Question question = questions.get(i);
            String at = "questions[" + i + "]";
            worded(question.text(), locales, at + ".text", missing);
            if (question.options() != null) {
                for (int j = 0; j < question.options().size(); j++) {
                    worded(question.options().get(j).text(), locales, at + ".options[" + j + "].text", missing);
                }
            }
        }
        accent(definition.brand(), missing);
        return missing;
    }

    /**
     * The accent carries white text (buttons, selected answers) and is drawn on the white page (borders, focus), so
     * one ratio against white covers both. Checked at publish only: a designer may try colours in a draft.
     */
    private static void accent(Brand brand, List<Violation> missing) {
        if (brand == null || brand.accentColor() == null) {
            return;
        }
        double ratio = Contrast.ratio(brand.accentColor(), Brand.WHITE);
        if (ratio < Brand.MIN_CONTRAST) {
            missing.add(new Violation(
                    "brand.accentColor",
                    String.format(
                            Locale.ROOT,
                            "'%s' contrasts %.2f:1 with white (the text on it and the page around it); WCAG AA needs"
                                    + " at least %.1f:1: choose a darker colour",
                            brand.accentColor(),
                            ratio,
                            Brand.MIN_CONTRAST)));
        }
    }

    /** The page loads the logo itself, so only https, and only a URL whose origin the page's CSP can name. */
    private static void logo(Brand brand) {
        if (brand == null || brand.logoUrl() == null) {
            return;
        }
        try {
            URI uri = new URI(brand.logoUrl());
            // Plain ASCII without quotes or semicolons: the same test the page applies before drawing it.
            boolean plain = brand.logoUrl().chars().allMatch(c -> c > ' ' && c <= '~' && "\"';\\".indexOf(c) < 0);
            if ("https".equals(uri.getScheme()) && uri.getHost() != null && uri.getRawUserInfo() == null && plain) {
                return;
            }
        } catch (URISyntaxException e) {
            // named below like any other URL that is not https
        }
        throw Invalid.field(
                "brand.logoUrl", "must be an https URL with a host, such as https://cdn.example.com/logo.svg");
    }

    private static void worded(Map<String, String> text, List<String> locales, String at, List<Violation> missing) {
        for (String locale : locales) {
            String wording = text == null ? null : text.get(locale);
            if (wording == null || wording.isBlank()) {
                missing.add(new Violation(
                        at + "[" + locale + "]",
                        "has no wording in '" + locale + "', one of the survey's locales " + locales));
            }
        }
    }

    private static void undeclared(Map<String, String> text, List<String> declared, String at) {
        for (String locale : text.keySet()) {
            if (!declared.contains(locale)) {
                throw Invalid.field(
                        at + "[" + locale + "]", "'" + locale + "' is not one of the survey's locales " + declared);
            }
        }
    }

    private static void scale(Question q, String at) {
        if (q.type() != QuestionType.RATING) {
            if (q.min() != null || q.max() != null) {
                throw Invalid.field(
                        at + (q.min() != null ? ".min" : ".max"),
                        "only RATING questions " + "take min and max; " + q.type() + " has a fixed scale");
            }
            return;
        }
        if (q.min() == null) {
            throw Invalid.field(at + ".min", "is required for a RATING question");
        }
        if (q.max() == null) {
            throw Invalid.field(at + ".max", "is required for a RATING question");
        }
        if (q.min() >= q.max()) {
            throw Invalid.field(at + ".max", "must be greater than min (" + q.min() + ")");
        }
        if ((long) q.max() - q.min() > MAX_RATING_SPAN) {
            throw Invalid.field(at + ".max", "a rating scale spans at most " + MAX_RATING_SPAN + " points");
        }
    }

    private static void options(Question q, SurveyDefinition definition, String at) {
        if (!q.type().isChoice()) {
            if (q.options() != null) {
                throw Invalid.field(at + ".options", "only SINGLE_CHOICE and MULTI_CHOICE questions take options");
            }
            return;
        }
        List<Option> options = q.options();
        if (options == null || options.size() < MIN_OPTIONS || options.size() > MAX_OPTIONS) {
            throw Invalid.field(
                    at + ".options",
                    "a " + q.type() + " question needs " + MIN_OPTIONS + " to " + MAX_OPTIONS + " options");
        }
        Set<String> ids = new HashSet<>();
        for (int j = 0; j < options.size(); j++) {
            Option option = options.get(j);
            String optionAt = at + ".options[" + j + "]";
            if (!ids.add(option.id())) {
                throw Invalid.field(optionAt + ".id", "'" + option.id() + "' is already the id of an earlier option");
            }
            if (!option.text().containsKey(definition.defaultLocale())) {
                throw Invalid.field(
                        optionAt + ".text",
                        "must have a wording in the default locale '" + definition.defaultLocale() + "'");
            }
            List<String> locales = definition.locales() != null
                    ? definition.locales()
                    : List.copyOf(q.text().keySet());
            undeclared(option.text(), locales, optionAt + ".text");
        }
    }

    private static void selection(Question q, String at) {
        if (q.type() != QuestionType.MULTI_CHOICE) {
            if (q.minSelected() != null || q.maxSelected() != null) {
                throw Invalid.field(
                        at + (q.minSelected() != null ? ".minSelected" : ".maxSelected"),
                        "only MULTI_CHOICE questions take minSelected and maxSelected");
            }
            return;
        }
        int count = q.options().size();
        if (q.minSelected() != null && q.minSelected() > count) {
            throw Invalid.field(at + ".minSelected", "must be at most the number of options (" + count + ")");
        }
        if (q.maxSelected() != null && q.maxSelected() > count) {
            throw Invalid.field(at + ".maxSelected", "must be at most the number of options (" + count + ")");
        }
        if (q.minSelected() != null && q.maxSelected() != null && q.minSelected() > q.maxSelected()) {
            throw Invalid.field(at + ".minSelected", "must not be greater than maxSelected");
        }
    }

    private static void condition(Question q, List<Question> questions, Map<String, Integer> earlier, String at) {
        Condition c = q.showIf();
        if (c == null) {
            return;
        }
        String cat = at + ".showIf";
        Integer index = earlier.get(c.questionId());
        if (index == null) {
            throw Invalid.field(cat + ".questionId", "'" + c.questionId() + "' is not the id of an earlier question");
        }
        Question source = questions.get(index);
        if (source.type() == QuestionType.TEXT) {
            throw Invalid.field(
                    cat + ".questionId",
                    "'" + c.questionId() + "' is a TEXT question; only scores and choices can be conditions");
        }
        if (source.type().isChoice()) {
            if (c.operator() != Operator.IN) {
                throw Invalid.field(
                        cat + ".operator", "a condition on the choice question '" + source.id() + "' uses IN");
            }
            if (c.value() != null) {
                throw Invalid.field(cat + ".value", "a condition with IN takes values, not value");
            }
            if (c.values() == null || c.values().isEmpty()) {
                throw Invalid.field(cat + ".values", "must name at least one option of '" + source.id() + "'");
            }
            Set<String> optionIds =
                    new HashSet<>(source.options().stream().map(Option::id).toList());
            for (int k = 0; k < c.values().size(); k++) {
                if (!optionIds.contains(c.values().get(k))) {
                    throw Invalid.field(
                            cat + ".values[" + k + "]",
                            "'" + c.values().get(k) + "' is not an option of '" + source.id() + "'");
                }
            }
            return;
        }
        if (c.operator() == Operator.IN) {
            throw Invalid.field(
                    cat + ".operator",
                    "IN is for choice questions; '" + source.id() + "' is scored: use LE, LT, GE, GT, EQ or NE");
        }
        if (c.values() != null) {
            throw Invalid.field(cat + ".values", "a condition on a score takes value, not values");
        }
        if (c.value() == null) {
            throw Invalid.field(cat + ".value", "is required");
        }
        if (c.value() < source.lowest() || c.value() > source.highest()) {
            throw Invalid.field(
                    cat + ".value",
                    "must be within the scale of '" + source.id() + "' (" + source.lowest() + "–" + source.highest()
                            + ")");
        }
    }
}
