package org.voc.kit.security;

/** Realm roles of the VoC realm (docs/security.md has the role matrix). */
public final class Roles {
    public static final String ADMIN = "voc-admin";
    public static final String DESIGNER = "cx-designer";
    public static final String ANALYST = "cx-analyst";
    public static final String AGENT = "case-agent";
    /** Team leads and supervisors: read and work every team's cases, where an agent sees only their teams'. */
    public static final String MANAGER = "case-manager";
    /**
     * Sees customer data in clear (customer references, free text) in every view; without it views show pseudonyms
     * and masked text (docs/security.md, "Personal data"). Given on its own, next to a working role.
     */
    public static final String PII = "voc-pii";

    public static final String INGEST = "voc-ingest";
    /** Requests and follows erasures of a customer's data (docs/security.md, "Privacy"). */
    public static final String PRIVACY = "voc-privacy";

    private Roles() {}
}
