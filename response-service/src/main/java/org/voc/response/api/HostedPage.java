package org.voc.response.api;

import java.util.List;

/** Models of the hosted survey pages (templates under {@code templates/HostedPages/}). */
public final class HostedPage {

    private HostedPage() {}

    /** The survey form; {@code formError} is a message above the form, each question may carry its own. */
    public record Survey(
            String lang,
            String nonce,
            RespondentText t,
            String action,
            String responseId,
            String formError,
            List<Field> questions) {}

    /**
     * One question as a fieldset. {@code kind} is scale, single, multi or text; {@code showIf*} feed the small
     * script that hides the question until its condition is met (the server applies the same rule).
     */
    public record Field(
            String id,
            String domId,
            String kind,
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
    public record Message(String lang, String nonce, RespondentText t, String title, String body) {}
}
