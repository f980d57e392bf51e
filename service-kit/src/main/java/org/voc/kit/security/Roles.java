package org.voc.kit.security;

/** Realm roles of the VoC realm (docs/security.md has the role matrix). */
public final class Roles {
    public static final String ADMIN = "voc-admin";
    public static final String DESIGNER = "cx-designer";
    public static final String ANALYST = "cx-analyst";
    public static final String AGENT = "case-agent";
    public static final String INGEST = "voc-ingest";
    /** Requests and follows erasures of a customer's data (docs/security.md, "Privacy"). */
    public static final String PRIVACY = "voc-privacy";

    private Roles() {}
}
