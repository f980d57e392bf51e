package org.voc.survey.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The answer to a batch, one item per interaction in request order: {@code status} 201 (decided now), 200 (the
 * decision stored for this id before), 409 (the id was used with a different body) or 503 (not decided, send it
 * again); {@code decision} or {@code problem} accordingly.
 */
public record BatchDecisionsView(List<Item> decisions) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(int status, DecisionView decision, Problem problem) {
    }
}
