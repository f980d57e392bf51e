package org.voc.cases.causes.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.voc.cases.causes.persistence.RootCauseRepository;
import org.voc.kit.problem.Conflict;
import org.voc.kit.problem.Invalid;
import org.voc.kit.problem.NotFound;
import org.voc.kit.problem.Revisions;

/**
 * The root-cause taxonomy (docs/improvement.md, "The taxonomy"): creating and changing causes with their history,
 * and checking the causes a case is given. A cause is never deleted, only retired: cases and improvement actions
 * name it by id. Every write takes the taxonomy's lock, so the tree it checks a move against is the one it changes.
 */
@ApplicationScoped
public class RootCauseService {

    /** At most this many causes on one case. */
    public static final int MAX_PER_CASE = 10;

    private final RootCauseRepository causes;
    private final Clock clock;

    public RootCauseService(RootCauseRepository causes, Clock clock) {
        this.causes = causes;
        this.clock = clock;
    }

    /** What a cause is made of, or changed to. */
    public record Fields(String name, String description, UUID parentId, boolean active) {}

    /** A new, active cause; 409 when its code is taken or its parent is retired. */
    @Transactional
    public Placed create(String actor, String code, Fields fields) {
        causes.lockForWrite();
        if (causes.codeTaken(code)) {
            throw new Conflict("code-taken", "Code taken", "a root cause with code '" + code + "' exists", "code");
        }
        Taxonomy tree = new Taxonomy(causes.all());
        checkParent(tree, null, fields.parentId(), true);
        Instant now = now();
        RootCause created = new RootCause(
                UUID.randomUUID(), code, fields.name(), fields.description(), fields.parentId(), true, 0, now, now);
        causes.insert(created);
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("code", change(null, code));
        changes.put("name", change(null, created.name()));
        if (created.description() != null) {
            changes.put("description", change(null, created.description()));
        }
        if (created.parentId() != null) {
            changes.put("parentId", change(null, created.parentId().toString()));
        }
        changes.put("active", change(null, true));
        causes.appendHistory(created.id(), now, actor, "CREATE", changes);
        return placed(created);
    }

    /**
     * Renames, moves, retires or reactivates a cause (the fields replace its own), if the caller read its current
     * version. Refused with 409: a move under itself or one of its descendants (cycle), under a retired parent or a
     * reactivation under one (retired-parent), retiring a cause with active children (active-children). A change
     * that changes nothing keeps the version and writes no history.
     */
    @Transactional
    public Placed update(String actor, UUID id, long expected, Fields fields) {
        causes.lockForWrite();
        Taxonomy tree = new Taxonomy(causes.all());
        RootCause current = tree.get(id);
        if (current == null) {
            throw NotFound.of("root cause", id.toString());
        }
        if (current.version() != expected) {
            throw Revisions.stale("root cause", id, current.version(), expected);
        }
        if (fields.parentId() != null && tree.wouldCycle(id, fields.parentId())) {
            throw new Conflict(
                    "cycle",
                    "Cycle",
                    "root cause '" + current.code() + "' cannot move under itself or one of its descendants",
                    "parentId");
        }
        checkParent(tree, id, fields.parentId(), fields.active());
        if (!fields.active() && current.active() && !tree.activeChildren(id).isEmpty()) {
            throw new Conflict(
                    "active-children",
                    "Active children",
                    "root cause '" + current.code() + "' has active children: retire or move them first",
                    "active");
        }
        Map<String, Object> changes = new LinkedHashMap<>();
        diff(changes, "name", current.name(), fields.name());
        diff(changes, "description", current.description(), fields.description());
        diff(changes, "parentId", text(current.parentId()), text(fields.parentId()));
        diff(changes, "active", current.active(), fields.active());
        if (changes.isEmpty()) {
            return placed(current);
        }
        Instant now = now();
        RootCause changed = new RootCause(
                id,
                current.code(),
                fields.name(),
                fields.description(),
                fields.parentId(),
                fields.active(),
                current.version() + 1,
                current.createdAt(),
                now);
        causes.update(changed);
        causes.appendHistory(id, now, actor, "UPDATE", changes);
        return placed(changed);
    }

    /** The taxonomy in tree order, each cause with its path; only active or only retired ones when asked. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Placed> list(Boolean active) {
        return new Taxonomy(causes.all())
                .inTreeOrder().stream()
                        .filter(p -> active == null || p.cause().active() == active)
                        .toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Placed get(UUID id) {
        return placed(causes.find(id).orElseThrow(() -> NotFound.of("root cause", id.toString())));
    }

    /** The cause's changes, oldest first (at most {@code limit}); 404 for an unknown cause. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CauseChange> history(UUID id, int limit) {
        causes.find(id).orElseThrow(() -> NotFound.of("root cause", id.toString()));
        return causes.history(id, limit);
    }

    /**
     * The causes a case is given, in the agent's order, repeats dropped: each must exist (400 naming it) and be
     * active (409 root-cause-retired); at most {@value #MAX_PER_CASE}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<CauseRef> forCase(List<UUID> ids) {
        List<UUID> distinct = new ArrayList<>(new LinkedHashSet<>(ids));
        if (distinct.size() > MAX_PER_CASE) {
            throw Invalid.field("rootCauses", "must name at most " + MAX_PER_CASE + " root causes");
        }
        Map<UUID, RootCause> found = new LinkedHashMap<>();
        causes.findAll(distinct).forEach(c -> found.put(c.id(), c));
        List<CauseRef> refs = new ArrayList<>(distinct.size());
        for (int i = 0; i < distinct.size(); i++) {
            RootCause c = found.get(distinct.get(i));
            if (c == null) {
                throw Invalid.field("rootCauses[" + ids.indexOf(distinct.get(i)) + "]", "is no root cause's id");
            }
            if (!c.active()) {
                throw new Conflict(
                        "root-cause-retired",
                        "Root cause retired",
                        "root cause '" + c.code() + "' is retired: choose an active one",
                        "rootCauses[" + ids.indexOf(c.id()) + "]");
            }
            refs.add(new CauseRef(c.id(), c.code(), c.name()));
        }
        return refs;
    }

    /** The parent must exist, and be active when the child is. */
    private static void checkParent(Taxonomy tree, UUID child, UUID parentId, boolean childActive) {
        if (parentId == null) {
            return;
        }
        RootCause parent = tree.get(parentId);
        if (parent == null) {
            throw Invalid.field("parentId", "is no root cause's id");
        }
        if (childActive && !parent.active()) {
            throw new Conflict(
                    "retired-parent",
                    "Retired parent",
                    "root cause '" + parent.code() + "' is retired: an active cause cannot be under it",
                    "parentId");
        }
    }

    private Placed placed(RootCause c) {
        return new Placed(c, new Taxonomy(causes.all()).pathOf(c.id()));
    }

    private Instant now() {
        // Postgres keeps microseconds: truncating keeps what is returned equal to what is read back.
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static void diff(Map<String, Object> changes, String field, Object from, Object to) {
        if (!Objects.equals(from, to)) {
            changes.put(field, change(from, to));
        }
    }

    private static Map<String, Object> change(Object from, Object to) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("from", from);
        change.put("to", to);
        return change;
    }

    private static String text(UUID id) {
        return id == null ? null : id.toString();
    }
}
