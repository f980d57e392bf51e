package org.voc.touchpoint.domain;

/**
 * An event of an external system that means "this touchpoint happened" (system {@code crm}, ref
 * {@code card.delivered}); a pair resolves to at most one touchpoint.
 */
public record ExternalRef(String system, String ref) {

    /** The stored form {@code system:ref}; systems are slugs, so the first colon separates them. */
    public String encoded() {
        return system + ":" + ref;
    }

    public static ExternalRef decode(String encoded) {
        int colon = encoded.indexOf(':');
        return new ExternalRef(encoded.substring(0, colon), encoded.substring(colon + 1));
    }
}
