package org.voc.kit.security;

/** Realm roles of the VoC realm (docs/security.md has the role matrix). */
public final class Roles {
    public static final String ADMIN = "voc-admin";
    public static final String DESIGNER = "cx-designer";
    public static final String ANALYST = "cx-analyst";
    public static final String AGENT = "case-agent";
    public static final String INGEST = "voc-ingest";

    private Roles() {}
}
