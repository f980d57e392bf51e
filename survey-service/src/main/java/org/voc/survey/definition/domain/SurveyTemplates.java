package org.voc.survey.definition.domain;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.voc.survey.definition.domain.Question.Condition;
import org.voc.survey.definition.domain.Question.Operator;
import org.voc.survey.definition.domain.Question.Option;

/** Ready-made drafts for the standard programs, worded in English; a designer adapts and publishes them. */
public final class SurveyTemplates {

    /** One template: {@code key} names it in the API; {@code definition} has no touchpoints yet. */
    public record Template(String key, String title, String description, SurveyDefinition definition) {}

    private static final String EN = "en";

    private static final List<Template> ALL = List.of(
            new Template(
                    "relationship-nps",
                    "Relationship NPS",
                    "Periodic survey of the whole relationship: NPS, then a follow-up that depends on the score.",
                    definition(
                            "Relationship NPS",
                            new Question(
                                    "nps",
                                    QuestionType.NPS,
                                    true,
                                    en("Based on your experience, how likely "
                                            + "are you to recommend our company to a friend or colleague?")),
                            shownIf(
                                    new Question(
                                            "what-went-wrong",
                                            QuestionType.TEXT,
                                            false,
                                            en("What went wrong, and what should we improve?")),
                                    "nps",
                                    Operator.LE,
                                    6),
                            shownIf(
                                    new Question(
                                            "what-we-did-well",
                                            QuestionType.TEXT,
                                            false,
                                            en("What do you like most about us?")),
                                    "nps",
                                    Operator.GE,
                                    9))),
            new Template(
                    "transactional-csat",
                    "Transactional CSAT",
                    "Right after an interaction: satisfaction 1–5, and what the problem was when it is low.",
                    definition(
                            "Transactional CSAT",
                            new Question(
                                    "csat",
                                    QuestionType.CSAT,
                                    true,
                                    en("How satisfied are you with your "
                                            + "experience today, on a scale from 1 to 5 (5 = very satisfied)?")),
                            new Question(
                                    "problem",
                                    QuestionType.SINGLE_CHOICE,
                                    false,
                                    en("What disappointed you most?"),
                                    null,
                                    null,
                                    List.of(
                                            new Option("waiting-time", en("Waiting time")),
                                            new Option("staff", en("Staff friendliness or competence")),
                                            new Option("outcome", en("My request was not resolved")),
                                            new Option("other", en("Something else"))),
                                    null,
                                    null,
                                    new Condition("csat", Operator.LE, 2, null)),
                            new Question(
                                    "comment",
                                    QuestionType.TEXT,
                                    false,
                                    en("Is there anything else you would like to tell us?")))),
            new Template(
                    "ces-service-request",
                    "CES after a service request",
                    "After a service request is closed: how easy it was to get it done (1–7 agreement).",
                    definition(
                            "Service request effort",
                            new Question(
                                    "ces",
                                    QuestionType.CES,
                                    true,
                                    en("To what extent do you agree with the "
                                            + "statement: \"The company made it easy for me to handle my request\"? "
                                            + "(1 = strongly disagree, 7 = strongly agree)")),
                            shownIf(
                                    new Question("obstacle", QuestionType.TEXT, false, en("What made it difficult?")),
                                    "ces",
                                    Operator.LE,
                                    3))),
            new Template(
                    "loyalty-index",
                    "Customer loyalty index",
                    "NPS and the two loyalty questions (buy again, try other products) whose average is the CLI.",
                    definition(
                            "Customer loyalty index",
                            new Question(
                                    "nps",
                                    QuestionType.NPS,
                                    true,
                                    en("How likely are you to recommend us to a friend or colleague?")),
                            new Question(
                                    "repurchase",
                                    QuestionType.CLI_REPURCHASE,
                                    true,
                                    en("How likely are you to buy from us again?")),
                            new Question(
                                    "cross-buy",
                                    QuestionType.CLI_CROSS_BUY,
                                    true,
                                    en("How likely are you to try our other products or services?")),
                            new Question(
                                    "reason",
                                    QuestionType.TEXT,
                                    false,
                                    en("What is the main reason for your answers?")))),
            new Template(
                    "case-recovery",
                    "Case recovery",
                    "Sent when a case opened from an unhappy answer is closed (the case-closure touchpoint): was the"
                            + " concern handled, and would the customer recommend us now. Case-service records the"
                            + " answer on the case: NPS 7 or more, or CSAT 4 or more, is a recovery.",
                    definition(
                            "Case recovery",
                            new Question(
                                    "csat",
                                    QuestionType.CSAT,
                                    true,
                                    en("We recently followed up on your feedback. How satisfied are you with how"
                                            + " we handled it, on a scale from 1 to 5 (5 = very satisfied)?")),
                            new Question(
                                    "nps",
                                    QuestionType.NPS,
                                    false,
                                    en("How likely are you now to recommend us to a friend or colleague?")),
                            shownIf(
                                    new Question(
                                            "still-wrong", QuestionType.TEXT, false, en("What is still not right?")),
                                    "csat",
                                    Operator.LE,
                                    3))));

    private SurveyTemplates() {}

    public static List<Template> all() {
        return ALL;
    }

    public static Optional<Template> find(String key) {
        return ALL.stream().filter(t -> t.key().equals(key)).findFirst();
    }

    private static SurveyDefinition definition(String name, Question... questions) {
        return new SurveyDefinition(name, EN, List.of(EN), List.of(), List.of(questions));
    }

    private static Map<String, String> en(String text) {
        return Map.of(EN, text);
    }

    private static Question shownIf(Question q, String questionId, Operator operator, int value) {
        return new Question(
                q.id(),
                q.type(),
                q.required(),
                q.text(),
                q.min(),
                q.max(),
                q.options(),
                q.minSelected(),
                q.maxSelected(),
                new Condition(questionId, operator, value, null));
    }
}
