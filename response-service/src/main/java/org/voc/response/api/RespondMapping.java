package org.voc.response.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.voc.kit.problem.Invalid;
import org.voc.response.domain.Dimensions;
import org.voc.response.domain.Submission;

/** Request bodies to domain submissions, shared by the authenticated and the respondent API. */
final class RespondMapping {

    private RespondMapping() {}

    static Submission submission(
            UUID id,
            UUID surveyId,
            Integer surveyVersion,
            String touchpointKey,
            String channel,
            String customerRef,
            Instant respondedAt,
            List<SubmitRequest.AnswerRequest> answers,
            Dimensions dimensions) {
        return new Submission(
                id,
                surveyId,
                surveyVersion,
                touchpointKey,
                channel,
                customerRef,
                respondedAt,
                answers(answers),
                dimensions);
    }

    static List<Submission.AnswerInput> answers(List<SubmitRequest.AnswerRequest> requests) {
        List<Submission.AnswerInput> answers = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            SubmitRequest.AnswerRequest a = requests.get(i);
            answers.add(new Submission.AnswerInput(
                    a.questionId(), score(a.score(), i), a.text(), a.optionId(), a.optionIds()));
        }
        return answers;
    }

    /** JSON numbers go to the domain as they are (it reports fractions and ranges); anything else is refused here. */
    private static BigDecimal score(JsonNode score, int index) {
        if (score == null || score.isNull()) {
            return null;
        }
        if (!score.isNumber() || score.isFloatingPointNumber() && !Double.isFinite(score.doubleValue())) {
            throw Invalid.field("answers[" + index + "].score", "must be an integer");
        }
        return score.decimalValue();
    }
}
