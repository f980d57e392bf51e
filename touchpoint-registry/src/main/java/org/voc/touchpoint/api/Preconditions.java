package org.voc.touchpoint.api;

import org.voc.kit.problem.Invalid;

/** What every keyed resource of the registry checks: keys are immutable. */
final class Preconditions {

    private Preconditions() {}

    /** A body may repeat the key of the path it is sent to, but never change it. */
    static void sameKey(String pathKey, String bodyKey) {
        if (bodyKey != null && !bodyKey.equals(pathKey)) {
            throw Invalid.field("key", "keys are immutable: omit it or send '" + pathKey + "'");
        }
    }
}
