package org.voc.kit.problem;

/** What the request names existed but no longer takes requests: an expired invitation, a closed survey. */
public final class Gone extends DomainException {

    public Gone(String slug, String title, String detail, String field) {
        super(Kind.GONE, slug, title, detail, at(field, detail));
    }
}
