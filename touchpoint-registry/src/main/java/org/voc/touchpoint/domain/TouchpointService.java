package org.voc.touchpoint.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hibernate.exception.ConstraintViolationException;
import org.voc.events.TouchpointState;
import org.voc.kit.outbox.Outbox;
import org.voc.kit.problem.Conflict;
import org.voc.kit.problem.Invalid;
import org.voc.kit.problem.NotFound;
import org.voc.kit.problem.Revisions;
import org.voc.touchpoint.persistence.TouchpointChangeEntity;
import org.voc.touchpoint.persistence.TouchpointEntity;
import org.voc.touchpoint.persistence.TouchpointHistoryRepository;
import org.voc.touchpoint.persistence.TouchpointRepository;

/**
 * Registers and changes touchpoints; every change publishes the full new state through the outbox and appends
 * a history entry naming who made it.
 */
@ApplicationScoped
public class TouchpointService {

    /** Keys that would be read as another operation's path segment. */
    public static final Set<String> RESERVED_KEYS = Set.of("by-ref", "import");

    private final TouchpointRepository touchpoints;
    private final TouchpointHistoryRepository history;
    private final Outbox outbox;
    private final EntityManager em;
    private final ObjectMapper json;

    public TouchpointService(
            TouchpointRepository touchpoints,
            TouchpointHistoryRepository history,
            Outbox outbox,
            EntityManager em,
            ObjectMapper json) {
        this.touchpoints = touchpoints;
        this.history = history;
        this.outbox = outbox;
        this.em = em;
        this.json = json;
    }

    @Transactional
    public Touchpoint register(String key, TouchpointFields fields, Actor actor) {
        if (RESERVED_KEYS.contains(key)) {
            throw Invalid.field("key", "'" + key + "' is reserved: choose another key");
        }
        if (touchpoints.findByKey(key).isPresent()) {
            throw conflict(key);
        }
        TouchpointEntity touchpoint = new TouchpointEntity();
        touchpoint.id = UUID.randomUUID();
        touchpoint.key = key;
        touchpoint.createdAt = now();
        TouchpointSnapshot.apply(touchpoint, fields, TouchpointStatus.ACTIVE, touchpoint.createdAt);
        checkRefs(touchpoint, fields.externalRefs());
        try {
            touchpoints.persistAndFlush(touchpoint);
        } catch (ConstraintViolationException e) {
            throw conflict(key); // a concurrent register of the same key won the race
        }
        touchpoints.replaceRefs(Map.of(touchpoint.id, refs(fields)));
        record(touchpoint, "CREATED", null, actor);
        publish(touchpoint);
        return TouchpointRepository.toTouchpoint(touchpoint);
    }

    @Transactional
    public Touchpoint change(String key, long expectedRevision, TouchpointFields fields, Actor actor) {
        TouchpointEntity touchpoint =
                touchpoints.findEntityByKey(key).orElseThrow(() -> NotFound.of("touchpoint", key));
        if (touchpoint.version != expectedRevision) {
            throw Revisions.stale("touchpoint", key, touchpoint.version, expectedRevision);
        }
        Map<String, Object> before = TouchpointSnapshot.of(touchpoint);
        TouchpointSnapshot.apply(touchpoint, fields, touchpoint.status, now());
        if (TouchpointSnapshot.diff(before, TouchpointSnapshot.of(touchpoint)).isEmpty()) {
            em.detach(touchpoint); // nothing changed: no new revision, no event, no history entry
            return touchpoints.findByKey(key).orElseThrow();
        }
        checkRefs(touchpoint, fields.externalRefs());
        em.flush(); // bumps the revision before it is published
        touchpoints.replaceRefs(Map.of(touchpoint.id, refs(fields)));
        record(touchpoint, "UPDATED", before, actor);
        publish(touchpoint);
        return TouchpointRepository.toTouchpoint(touchpoint);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Touchpoint get(String key) {
        return touchpoints.findByKey(key).orElseThrow(() -> NotFound.of("touchpoint", key));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Touchpoint resolve(String system, String ref) {
        return touchpoints
                .findByRef(system, ref)
                .orElseThrow(() -> new NotFound(
                        "not-found",
                        "touchpoint not found",
                        "no touchpoint is registered for " + system + " event '" + ref + "'",
                        null));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Touchpoint> list(TouchpointFilter filter, TouchpointSort sort, TouchpointCursor after, int limit) {
        return touchpoints.list(filter, sort, after, limit);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long count(TouchpointFilter filter) {
        return touchpoints.count(filter);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TouchpointChange> history(String key, Long beforeRevision, int limit) {
        return history.of(get(key).id(), beforeRevision, limit);
    }

    /** A reference resolves to one touchpoint only: another touchpoint holding it is a conflict. */
    private void checkRefs(TouchpointEntity touchpoint, List<ExternalRef> refs) {
        if (refs == null || refs.isEmpty()) {
            return;
        }
        Map<String, String> held = touchpoints.refsHeldByOthers(refs, Set.of(touchpoint.id));
        for (int i = 0; i < refs.size(); i++) {
            String owner = held.get(refs.get(i).encoded());
            if (owner != null) {
                throw new Conflict(
                        "conflict",
                        "Reference already registered",
                        refs.get(i).system() + " event '" + refs.get(i).ref() + "' already resolves to touchpoint '"
                                + owner + "'",
                        "externalRefs[" + i + "]");
            }
        }
    }

    private void record(TouchpointEntity t, String action, Map<String, Object> before, Actor actor) {
        history.persist(change(t, action, before, actor, json));
    }

    /** The history entry of a new revision of {@code t}; {@code before} is null for a creation. */
    static TouchpointChangeEntity change(
            TouchpointEntity t, String action, Map<String, Object> before, Actor actor, ObjectMapper json) {
        TouchpointChangeEntity change = new TouchpointChangeEntity();
        change.touchpointId = t.id;
        change.revision = t.version;
        change.action = action;
        change.actor = actor.subject();
        change.actorName = actor.name();
        change.changedAt = t.updatedAt;
        try {
            change.changes = json.writeValueAsString(TouchpointSnapshot.diff(before, TouchpointSnapshot.of(t)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return change;
    }

    private void publish(TouchpointEntity t) {
        outbox.publish(TouchpointState.TYPE.of(TouchpointSnapshot.state(t)));
    }

    private static List<ExternalRef> refs(TouchpointFields fields) {
        return fields.externalRefs() == null
                ? List.of()
                : new ArrayList<>(fields.externalRefs().stream().distinct().toList());
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static Conflict conflict(String key) {
        return new Conflict(
                "conflict", "Key already registered", "a touchpoint with key '" + key + "' already exists", "key");
    }
}
