package org.voc.survey.definition.domain;

/**
 * Kind of question and the range of its score. A TEXT answer has no score; response-service caps it at
 * {@value #TEXT_MAX_LENGTH} characters. RATING takes its scale from the question; choice questions are answered
 * with option ids, not scores.
 */
public enum QuestionType {
    /** Net Promoter Score: likelihood to recommend, 0–10; at most one per survey. */
    NPS(0, 10),
    /** Customer satisfaction, 1–5. */
    CSAT(1, 5),
    /** Customer effort: agreement with "the company made it easy for me to…", 1–7. */
    CES(1, 7),
    /** Loyalty index: likelihood to buy again, 0–10; with NPS and CLI_CROSS_BUY it gives the CLI. */
    CLI_REPURCHASE(0, 10),
    /** Loyalty index: likelihood to try other products or services, 0–10. */
    CLI_CROSS_BUY(0, 10),
    /** Generic rating on the question's own min..max scale. */
    RATING(null, null),
    /** Exactly one of the question's options. */
    SINGLE_CHOICE(null, null),
    /** Any number of the question's options, within minSelected..maxSelected. */
    MULTI_CHOICE(null, null),
    /** Free text. */
    TEXT(null, null);

    public static final int TEXT_MAX_LENGTH = 4000;

    private final Integer min;
    private final Integer max;

    QuestionType(Integer min, Integer max) {
        this.min = min;
        this.max = max;
    }

    public Integer min() {
        return min;
    }

    public Integer max() {
        return max;
    }

    public boolean isChoice() {
        return this == SINGLE_CHOICE || this == MULTI_CHOICE;
    }

    /** Answered with an integer score: the fixed-scale types and RATING. */
    public boolean isScore() {
        return this != TEXT && !isChoice();
    }

    /** At most one question of this type per survey, because a metric is computed from it. */
    public boolean isUniquePerSurvey() {
        return this == NPS || this == CLI_REPURCHASE || this == CLI_CROSS_BUY;
    }
}
