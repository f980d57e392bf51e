package org.voc.kit.problem;

/** The request carries more than the API takes at once (rows of an import, items of a batch). */
public final class PayloadTooLarge extends DomainException {

    public PayloadTooLarge(String slug, String title, String detail, String field) {
        super(Kind.PAYLOAD_TOO_LARGE, slug, title, detail, at(field, detail));
    }
}
