package org.voc.cases.rules.domain;

import java.util.List;

/**
 * What a response must show for a rule to open a case: every condition that is set must hold (AND); a null one is
 * not asked. Within {@code textAnyOf} and each filter, one entry is enough (OR). Thresholds are checked by the API
 * before a rule is stored; this is also the form a rule's conditions are stored in (JSON).
 *
 * @param npsAtMost NPS 0–10 at or below this (the response's NPS score)
 * @param csatBelow a CSAT answer (1–5) below this
 * @param cesAtLeast a CES answer (1–7) at or above this: high effort
 * @param cliAtMost a part of the customer loyalty index (NPS, repurchase or cross-buy, each 0–10) at or below this
 * @param ratingQuestionId the RATING question {@code ratingBelow} applies to; null: any RATING answer
 * @param ratingBelow a RATING answer below this
 * @param textAnyOf keywords or phrases, one of which a free-text answer contains in some word form
 * @param touchpoints touchpoint keys, one of which the response came through
 * @param segments customer segments, one of which is the response's (case-insensitive)
 * @param channels channels, one of which is the response's (case-insensitive)
 */
public record RuleConditions(
        Integer npsAtMost,
        Integer csatBelow,
        Integer cesAtLeast,
        Integer cliAtMost,
        String ratingQuestionId,
        Integer ratingBelow,
        List<String> textAnyOf,
        List<String> touchpoints,
        List<String> segments,
        List<String> channels) {

    public RuleConditions {
        textAnyOf = textAnyOf == null ? List.of() : List.copyOf(textAnyOf);
        touchpoints = touchpoints == null ? List.of() : List.copyOf(touchpoints);
        segments = segments == null ? List.of() : List.copyOf(segments);
        channels = channels == null ? List.of() : List.copyOf(channels);
    }

    /** Whether anything about the answers is asked; filters alone would open a case for every response. */
    public boolean asksAboutAnswers() {
        return npsAtMost != null
                || csatBelow != null
                || cesAtLeast != null
                || cliAtMost != null
                || ratingBelow != null
                || !textAnyOf.isEmpty();
    }

    /** NPS ≤ {@code atMost}, nothing else: the shape of the default rules. */
    public static RuleConditions npsAtMost(int atMost) {
        return new RuleConditions(atMost, null, null, null, null, null, null, null, null, null);
    }
}
