package org.voc.survey.distribution.domain;

import java.util.List;
import java.util.UUID;

/** survey-service's copy of a registry touchpoint: what resolving an interaction needs. */
public record ReplicatedTouchpoint(
        UUID id,
        String key,
        String status,
        String channel,
        List<String> segments,
        String ownerTeam,
        List<String> externalRefs,
        long revision) {

    public boolean retired() {
        return "RETIRED".equals(status);
    }

    /** The stored form of an external reference: {@code system:ref} (systems are slugs without colons). */
    public static String externalRef(String system, String ref) {
        return system + ":" + ref;
    }
}
