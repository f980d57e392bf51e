package org.voc.cases.causes.domain;

import java.util.List;

/** A cause with its place in the tree: the causes from the root down to itself (itself last) and its depth (0). */
public record Placed(RootCause cause, List<RootCause> path) {

    public int depth() {
        return path.size() - 1;
    }
}
