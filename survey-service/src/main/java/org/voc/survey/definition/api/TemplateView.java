package org.voc.survey.definition.api;

import java.util.List;
import org.voc.survey.definition.domain.SurveyTemplates;

/** A survey template as the API shows it. */
public record TemplateView(
        String key,
        String title,
        String description,
        String name,
        String defaultLocale,
        List<String> locales,
        List<QuestionView> questions) {

    static TemplateView of(SurveyTemplates.Template t) {
        return new TemplateView(
                t.key(),
                t.title(),
                t.description(),
                t.definition().name(),
                t.definition().defaultLocale(),
                t.definition().locales(),
                t.definition().questions().stream().map(QuestionView::of).toList());
    }
}
