package org.voc.kit.privacy;

/**
 * How one view shows customer data: in clear, or with customer references replaced by their pseudonym and free
 * text masked ({@link TextMask}). A service picks the fields; this class decides nothing about who sees what.
 */
public final class Disclosure {

    /** Everything as stored: for callers entitled to it, and for answers that echo what the caller just sent. */
    public static final Disclosure CLEAR = new Disclosure(null);

    private final Pseudonyms pseudonyms;

    private Disclosure(Pseudonyms pseudonyms) {
        this.pseudonyms = pseudonyms;
    }

    static Disclosure pseudonymised(Pseudonyms pseudonyms) {
        return new Disclosure(pseudonyms);
    }

    /** Whether values are shown as stored. */
    public boolean isClear() {
        return pseudonyms == null;
    }

    /** A customer reference: as stored, or its stable pseudonym. */
    public String customerRef(String customerRef) {
        return pseudonyms == null ? customerRef : pseudonyms.of(customerRef);
    }

    /** Free text a customer wrote (or that may hold their data): as stored, or masked. */
    public String text(String text) {
        return pseudonyms == null ? text : TextMask.mask(text);
    }
}
