package org.voc.cases.causes.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The whole tree of causes in memory (a taxonomy has tens to a few thousand nodes): paths, tree order and the
 * ancestry a move is checked against. Pure, so its rules are tested without a database.
 */
public final class Taxonomy {

    /** Siblings by name, then code: the order an analyst reads a level in. */
    private static final Comparator<RootCause> SIBLINGS = Comparator.comparing(
                    (RootCause c) -> c.name().toLowerCase(java.util.Locale.ROOT))
            .thenComparing(RootCause::code);

    private final Map<UUID, RootCause> byId = new HashMap<>();
    private final Map<UUID, List<RootCause>> children = new HashMap<>();

    public Taxonomy(List<RootCause> causes) {
        for (RootCause c : causes) {
            byId.put(c.id(), c);
        }
        for (RootCause c : causes) {
            // A parent that is unknown cannot happen (a foreign key); a root is a child of null.
            children.computeIfAbsent(c.parentId(), k -> new ArrayList<>()).add(c);
        }
        children.values().forEach(list -> list.sort(SIBLINGS));
    }

    public RootCause get(UUID id) {
        return byId.get(id);
    }

    /** Depth first from the roots, each level by name: a parent right before its children. */
    public List<Placed> inTreeOrder() {
        List<Placed> out = new ArrayList<>(byId.size());
        walk(null, new ArrayList<>(), out);
        return out;
    }

    private void walk(UUID parent, List<RootCause> path, List<Placed> out) {
        for (RootCause c : children.getOrDefault(parent, List.of())) {
            path.add(c);
            out.add(new Placed(c, List.copyOf(path)));
            walk(c.id(), path, out);
            path.remove(path.size() - 1);
        }
    }

    /** The causes from the root down to {@code id}, itself last. */
    public List<RootCause> pathOf(UUID id) {
        List<RootCause> path = new ArrayList<>();
        for (RootCause c = byId.get(id); c != null; c = c.parentId() == null ? null : byId.get(c.parentId())) {
            path.add(0, c);
            if (path.size() > byId.size()) {
                throw new IllegalStateException("the taxonomy has a cycle through " + id);
            }
        }
        return path;
    }

    /** Whether putting {@code id} under {@code newParent} would make it its own ancestor. */
    public boolean wouldCycle(UUID id, UUID newParent) {
        for (UUID at = newParent; at != null; ) {
            if (at.equals(id)) {
                return true;
            }
            RootCause c = byId.get(at);
            at = c == null ? null : c.parentId();
        }
        return false;
    }

    /** The active children of {@code id}. */
    public List<RootCause> activeChildren(UUID id) {
        return children.getOrDefault(id, List.of()).stream()
                .filter(RootCause::active)
                .toList();
    }
}
