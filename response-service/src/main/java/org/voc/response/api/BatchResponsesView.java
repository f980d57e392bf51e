package org.voc.response.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import org.voc.kit.problem.Problem;

/**
 * The answer to a batch, one item per response in request order: the stored response's fields (as for one
 * submission) with {@code status} 201 (stored now) or 200 (stored under this id before, a retry); or only
 * {@code status} and {@code problem}: 404/410 (its invitation token), 409 (id used with another body, or the
 * invitation already answered) or 503 (not stored: send it again).
 */
public record BatchResponsesView(List<Item> responses) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(int status, @JsonUnwrapped ResponseView response, Problem problem) {}
}
