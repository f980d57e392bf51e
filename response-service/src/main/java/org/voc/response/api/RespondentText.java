package org.voc.response.api;

import java.util.Locale;
import java.util.Map;

/**
 * The respondent-facing wording that is not the designer's: page chrome, error pages and the end labels of score
 * scales, in English, French and Russian; any other locale falls back to English. Designers' own texts come from the
 * survey version.
 */
public record RespondentText(
        String lang,
        String pageTitle,
        String submit,
        String required,
        String optional,
        String invalidAnswer,
        String errorSummary,
        String thanksTitle,
        String thanksBody,
        String answeredTitle,
        String answeredBody,
        String closedTitle,
        String closedBody,
        String notFoundTitle,
        String notFoundBody,
        String busyTitle,
        String busyBody,
        String unavailableTitle,
        String unavailableBody,
        String tooLargeTitle,
        String tooLargeBody,
        String likelyLow,
        String likelyHigh,
        String satisfiedLow,
        String satisfiedHigh,
        String agreeLow,
        String agreeHigh) {

    private static final RespondentText EN = new RespondentText(
            "en",
            "Your opinion",
            "Send my answers",
            "Please answer this question.",
            "optional",
            "Please check this answer.",
            "Some answers need your attention.",
            "Thank you!",
            "Your answers have been received.",
            "You have already answered",
            "You already answered this survey. Thank you for your time!",
            "This survey has closed",
            "This survey is no longer open for answers. Thank you for your interest.",
            "Survey not found",
            "This link is not a valid survey link. Please check that you copied it whole.",
            "Too many requests",
            "Please wait a moment, then try again.",
            "Please try again shortly",
            "The survey cannot be shown right now. Please try again in a moment.",
            "Your answers are too long",
            "Please shorten your answers and send them again.",
            "Not at all likely",
            "Extremely likely",
            "Very dissatisfied",
            "Very satisfied",
            "Strongly disagree",
            "Strongly agree");

    private static final RespondentText FR = new RespondentText(
            "fr",
            "Votre avis",
            "Envoyer mes réponses",
            "Veuillez répondre à cette question.",
            "facultatif",
            "Veuillez vérifier cette réponse.",
            "Certaines réponses demandent votre attention.",
            "Merci !",
            "Vos réponses ont bien été reçues.",
            "Vous avez déjà répondu",
            "Vous avez déjà répondu à cette enquête. Merci pour votre temps !",
            "Cette enquête est close",
            "Cette enquête n'accepte plus de réponses. Merci de votre intérêt.",
            "Enquête introuvable",
            "Ce lien n'est pas un lien d'enquête valide. Vérifiez qu'il a été copié en entier.",
            "Trop de requêtes",
            "Veuillez patienter un instant, puis réessayer.",
            "Veuillez réessayer bientôt",
            "L'enquête ne peut pas être affichée pour le moment. Réessayez dans un instant.",
            "Vos réponses sont trop longues",
            "Veuillez raccourcir vos réponses et les envoyer à nouveau.",
            "Pas du tout probable",
            "Très probable",
            "Très insatisfait",
            "Très satisfait",
            "Pas du tout d'accord",
            "Tout à fait d'accord");

    private static final RespondentText RU = new RespondentText(
            "ru",
            "Ваше мнение",
            "Отправить ответы",
            "Пожалуйста, ответьте на этот вопрос.",
            "необязательно",
            "Пожалуйста, проверьте этот ответ.",
            "Некоторые ответы требуют вашего внимания.",
            "Спасибо!",
            "Ваши ответы получены.",
            "Вы уже ответили",
            "Вы уже ответили на этот опрос. Спасибо, что уделили нам время!",
            "Опрос закрыт",
            "Этот опрос больше не принимает ответы. Спасибо за интерес.",
            "Опрос не найден",
            "Эта ссылка не ведёт к опросу. Проверьте, что она скопирована целиком.",
            "Слишком много запросов",
            "Пожалуйста, подождите немного и попробуйте снова.",
            "Пожалуйста, попробуйте чуть позже",
            "Сейчас опрос нельзя показать. Попробуйте ещё раз через минуту.",
            "Ваши ответы слишком длинные",
            "Пожалуйста, сократите ответы и отправьте их снова.",
            "Совсем маловероятно",
            "Очень вероятно",
            "Совсем не удовлетворён",
            "Полностью удовлетворён",
            "Совсем не согласен",
            "Полностью согласен");

    private static final Map<String, RespondentText> BY_LANGUAGE = Map.of("en", EN, "fr", FR, "ru", RU);

    /** The wording for a locale tag ({@code fr-CA} → French), English when there is none. */
    static RespondentText of(String locale) {
        if (locale == null || locale.isBlank()) {
            return EN;
        }
        String language = Locale.forLanguageTag(locale.replace('_', '-')).getLanguage();
        return BY_LANGUAGE.getOrDefault(language, EN);
    }

    /** Labels of the two ends of a score scale for a question type, or null where the type has no fixed meaning. */
    String[] scaleEnds(String type) {
        if (type == null) {
            return null;
        }
        return switch (type.toUpperCase(Locale.ROOT)) {
            case "NPS", "CLI_REPURCHASE", "CLI_CROSS_BUY" -> new String[] {likelyLow, likelyHigh};
            case "CSAT" -> new String[] {satisfiedLow, satisfiedHigh};
            case "CES" -> new String[] {agreeLow, agreeHigh};
            default -> null;
        };
    }
}
