package org.voc.response.api;

import io.quarkus.qute.TemplateData;
import java.util.List;
import org.voc.response.domain.SurveyContent;

/** Models of the hosted survey pages (templates under {@code templates/HostedPages/}). */
public final class HostedPage {

    private HostedPage() {}

    /**
     * The survey's brand as the pages draw it: the accent (ours when the survey has none) on buttons and selected
     * answers, and at the top the logo with the brand's name as its text, or the name alone. {@code TemplateData}:
     * the shared header template reads it untyped.
     */
    @TemplateData
    public record Look(String accent, String brandName, String logoUrl, String logoOrigin) {

        /** Our own blue: 6.9:1 with white, so it passes the rule survey-service applies to brands. */
        static final String ACCENT = "#0b5cad";

        static final Look PLAIN = new Look(ACCENT, null, null, null);

        static Look of(SurveyContent.Brand brand) {
            if (brand == null) {
                return PLAIN;
            }
            return new Look(
                    brand.accentColor() == null ? ACCENT : brand.accentColor(),
                    brand.name(),
                    brand.logo() == null ? null : brand.logo().toString(),
                    brand.logoOrigin());
        }

        /** Whether the page has a header with the brand. */
        public boolean branded() {
            return brandName != null || logoUrl != null;
        }
    }

    /** The survey form; {@code formError} is a message above the form, each question may carry its own. */
    public record Survey(
            String lang,
            String nonce,
            RespondentText t,
            Look look,
            String action,
            String responseId,
            String formError,
            List<Field> questions) {}

    /**
     * One question as a fieldset. {@code kind} is scale, single, multi or text; a scale of more points than fit
     * one row of a phone ({@code wraps}) breaks into rows; {@code showIf*} feed the small script that hides the
     * question until its condition is met (the server applies the same rule).
     */
    public record Field(
            String id,
            String domId,
            String kind,
            boolean wraps,
            String name,
            String text,
            boolean required,
            String error,
            String minLabel,
            String maxLabel,
            List<Choice> choices,
            String value,
            String showIfQuestion,
            String showIfOperator,
            String showIfValue) {}

    /** A radio button or check box. */
    public record Choice(String domId, String value, String label, boolean checked) {}

    /** A friendly page with a title and one paragraph (thanks, already answered, closed, not found, …). */
    public record Message(String lang, String nonce, RespondentText t, Look look, String title, String body) {}
}
