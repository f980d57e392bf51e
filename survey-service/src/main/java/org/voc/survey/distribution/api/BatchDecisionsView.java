package org.voc.survey.distribution.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import org.voc.kit.problem.Problem;

/**
 * The answer to a batch, one item per interaction in request order: the decision's fields (as for one
 * interaction) with {@code status} 201 (decided now) or 200 (the decision stored for this id before); or only
 * {@code status} 409 (the id was used with a different body) or 503 (not decided, send it again) with
 * {@code problem}.
 */
public record BatchDecisionsView(List<Item> decisions) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(int status, @JsonUnwrapped DecisionView decision, Problem problem) {}
}
