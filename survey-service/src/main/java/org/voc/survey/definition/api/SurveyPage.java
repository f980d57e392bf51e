package org.voc.survey.definition.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of surveys; pass {@code nextCursor} as {@code after} to read the next one. */
public record SurveyPage(
        List<SurveyView> items,

        @Schema(description = "Cursor of the next page, absent on the last page")
        String nextCursor) {}
