package org.voc.response.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a respondent sees of one published survey version: its questions with their wordings in every locale.
 * {@link #in} picks one locale for a page or a widget.
 */
public record SurveyContent(
        SurveyDefinition definition,
        String defaultLocale,
        List<String> locales,
        List<QuestionText> questions,
        Brand brand) {

    /** A version published before brands existed, or without one. */
    public SurveyContent(
            SurveyDefinition definition, String defaultLocale, List<String> locales, List<QuestionText> questions) {
        this(definition, defaultLocale, locales, questions, null);
    }

    /**
     * The survey's brand on the respondent page, each part optional. survey-service checked it on publish; it is
     * read again here because the accent goes into a style sheet and the logo's origin into a header, so
     * {@link #of} keeps only an exact {@code #rrggbb} and an https URL with a host, whatever a record on the topic
     * says.
     */
    public record Brand(String name, URI logo, String accentColor) {

        private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");

        /** The parts that are safe to render; null when none is. */
        public static Brand of(String name, String logoUrl, String accentColor) {
            String shownName = name == null || name.isBlank() ? null : name.strip();
            URI logo = https(logoUrl);
            String accent = accentColor != null && COLOUR.matcher(accentColor).matches()
                    ? accentColor.toLowerCase(Locale.ROOT)
                    : null;
            return shownName == null && logo == null && accent == null ? null : new Brand(shownName, logo, accent);
        }

        /** {@code https://host[:port]}, what the page's Content-Security-Policy names for the logo. */
        public String logoOrigin() {
            return logo == null ? null : "https://" + logo.getRawAuthority();
        }

        private static URI https(String url) {
            if (url == null) {
                return null;
            }
            try {
                URI uri = new URI(url);
                boolean plain = url.chars().noneMatch(c -> c <= ' ' || c == '"' || c == '\'' || c == ';' || c > '~');
                return "https".equals(uri.getScheme()) && uri.getHost() != null && uri.getRawUserInfo() == null && plain
                        ? uri
                        : null;
            } catch (URISyntaxException e) {
                return null;
            }
        }
    }

    /** The wordings of one question (and of its options), by locale tag. */
    public record QuestionText(String id, Map<String, String> text, List<OptionText> options) {}

    /** One option of a choice question with its wordings. */
    public record OptionText(String id, Map<String, String> text) {}

    /** One question in one locale: the definition's rules and the wordings a respondent reads. */
    public record LocalizedQuestion(SurveyDefinition.Question question, String text, List<LocalizedOption> options) {}

    /** One option in one locale. */
    public record LocalizedOption(String id, String text) {}

    /**
     * The survey in one locale: {@code locale} is the one actually used, after any fallback; {@code brand} is null
     * when the version has none.
     */
    public record Localized(
            SurveyDefinition definition, String locale, List<LocalizedQuestion> questions, Brand brand) {}

    public SurveyContent {
        locales = locales == null ? List.of() : List.copyOf(locales);
        questions = questions == null ? List.of() : List.copyOf(questions);
    }

    /**
     * The survey in the wanted locale ({@code fr-CA} falls back to {@code fr}), or in the default locale when the
     * survey is not worded in it. A single missing wording also falls back to the default one, so a respondent
     * never sees an empty question.
     */
    public Localized in(String wanted) {
        String locale = supported(wanted);
        Map<String, SurveyDefinition.Question> rules = definition.questionsById();
        List<LocalizedQuestion> localized = questions.stream()
                .filter(q -> rules.containsKey(q.id()))
                .map(q -> new LocalizedQuestion(
                        rules.get(q.id()),
                        word(q.text(), locale, q.id()),
                        q.options() == null
                                ? List.of()
                                : q.options().stream()
                                        .map(o -> new LocalizedOption(o.id(), word(o.text(), locale, o.id())))
                                        .toList()))
                .toList();
        return new Localized(definition, locale, localized, brand);
    }

    private String supported(String wanted) {
        if (wanted != null && !wanted.isBlank()) {
            String tag = Locale.forLanguageTag(wanted.replace('_', '-')).toLanguageTag();
            for (String candidate : List.of(tag, Locale.forLanguageTag(tag).getLanguage())) {
                if (!candidate.isEmpty() && worded(candidate)) {
                    return candidate;
                }
            }
        }
        return defaultLocale;
    }

    /** Declared locales when the version lists them; otherwise the locales every question is worded in. */
    private boolean worded(String locale) {
        if (!locales.isEmpty()) {
            return locales.contains(locale);
        }
        return !questions.isEmpty()
                && questions.stream().allMatch(q -> q.text() != null && q.text().containsKey(locale));
    }

    private String word(Map<String, String> texts, String locale, String id) {
        if (texts == null) {
            return id;
        }
        String text = texts.get(locale);
        if (text == null || text.isBlank()) {
            text = texts.get(defaultLocale);
        }
        return text == null || text.isBlank() ? id : text;
    }
}
