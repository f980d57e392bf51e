package org.voc.survey.distribution.api;

import java.time.Instant;
import org.voc.kit.privacy.Disclosure;
import org.voc.survey.distribution.domain.OptOut;

/**
 * A customer on the opt-out list. On reads by callers without voc-pii or voc-ingest, {@code customerRef} is a
 * pseudonym and {@code reason} (free text that may quote the customer) is masked.
 */
public record OptOutView(String customerRef, String reason, Instant optedOutAt) {

    static OptOutView of(OptOut o, Disclosure disclosure) {
        return new OptOutView(disclosure.customerRef(o.customerRef()), disclosure.text(o.reason()), o.optedOutAt());
    }
}
