package org.voc.metrics.scores.domain;

/**
 * What a score can be filtered or grouped by. The response carries touchpoint, channel, segment, survey and the
 * employee and process references; product, journey stage and owner team come from the touchpoint replica at
 * query time (the touchpoint's current attribution).
 */
public enum Dimension {
    TOUCHPOINT("touchpoint", false),
    CHANNEL("channel", false),
    SEGMENT("segment", false),
    SURVEY("survey", false),
    PRODUCT("product", true),
    JOURNEY_STAGE("journeyStage", true),
    OWNER_TEAM("ownerTeam", true),
    EMPLOYEE("employee", false),
    PROCESS("process", false);

    private final String param;
    private final boolean fromRegistry;

    Dimension(String param, boolean fromRegistry) {
        this.param = param;
        this.fromRegistry = fromRegistry;
    }

    /** The query parameter and the name in answers. */
    public String param() {
        return param;
    }

    /** Whether the value comes from the touchpoint replica rather than from the response. */
    public boolean fromRegistry() {
        return fromRegistry;
    }

    /** Employee and process references: high cardinality, kept in a daily roll-up of their own. */
    public boolean person() {
        return this == EMPLOYEE || this == PROCESS;
    }

    public static Dimension byParam(String param) {
        for (Dimension d : values()) {
            if (d.param.equals(param)) {
                return d;
            }
        }
        return null;
    }
}
