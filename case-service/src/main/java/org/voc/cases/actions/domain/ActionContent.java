package org.voc.cases.actions.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What an action's owners write (creation, proposal and update): the problem it answers, who owns it, where it acts
 * and the effect expected on the metric. {@code windowDays} and {@code minSample} are filled from the configuration
 * when absent.
 */
public record ActionContent(
        String title,
        String description,
        String ownerTeam,
        List<UUID> rootCauseIds,
        List<String> touchpointKeys,
        LocalDate dueDate,
        String metric,
        String question,
        Double target,
        Integer windowDays,
        Integer minSample) {

    public ActionContent {
        rootCauseIds = rootCauseIds == null ? List.of() : List.copyOf(rootCauseIds);
        touchpointKeys = touchpointKeys == null ? List.of() : List.copyOf(touchpointKeys);
    }
}
