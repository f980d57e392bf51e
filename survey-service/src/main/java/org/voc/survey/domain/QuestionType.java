package org.voc.survey.domain;

/**
 * Kind of question and the range of its score. A TEXT answer has no score; response-service caps it at
 * {@value #TEXT_MAX_LENGTH} characters.
 */
public enum QuestionType {
    /** Net Promoter Score: likelihood to recommend, 0–10; at most one per survey. */
    NPS(0, 10),
    /** Customer satisfaction, 1–5. */
    CSAT(1, 5),
    /** Customer effort, 1–7. */
    CES(1, 7),
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
}
