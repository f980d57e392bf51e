package org.voc.survey.distribution.api;

import java.time.Instant;
import org.voc.survey.distribution.domain.OptOut;

/** A customer on the opt-out list. */
public record OptOutView(String customerRef, String reason, Instant optedOutAt) {

    static OptOutView of(OptOut o) {
        return new OptOutView(o.customerRef(), o.reason(), o.optedOutAt());
    }
}
