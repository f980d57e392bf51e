package org.voc.metrics.funnel.domain;

import java.util.Arrays;
import java.util.Optional;

/** What the funnel can be filtered and grouped by: the dimensions of the issued invitation. */
public enum Dimension {
    SURVEY("survey"),
    TOUCHPOINT("touchpoint"),
    CHANNEL("channel"),
    DELIVERY_CHANNEL("deliveryChannel");

    private final String parameter;

    Dimension(String parameter) {
        this.parameter = parameter;
    }

    /** Its name in the API, as a filter parameter and a {@code groupBy} value. */
    public String parameter() {
        return parameter;
    }

    public static Optional<Dimension> of(String parameter) {
        return Arrays.stream(values())
                .filter(d -> d.parameter.equals(parameter))
                .findFirst();
    }
}
