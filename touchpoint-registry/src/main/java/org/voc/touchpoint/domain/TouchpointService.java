package org.voc.touchpoint.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.exception.ConstraintViolationException;
import org.voc.events.EventTypes;
import org.voc.events.Topics;
import org.voc.events.TouchpointState;
import org.voc.touchpoint.messaging.Outbox;
import org.voc.touchpoint.persistence.TouchpointEntity;
import org.voc.touchpoint.persistence.TouchpointFilter;
import org.voc.touchpoint.persistence.TouchpointRepository;

/** Registers and changes touchpoints; every change publishes the full new state through the outbox. */
@ApplicationScoped
public class TouchpointService {

    /** Field values of a touchpoint as the caller wants them. */
    public record Fields(String name, String description, Channel channel, JourneyStage journeyStage,
            SignalKind signalKind, List<String> segments, String product, String ownerTeam,
            TouchpointStatus status) {
    }

    private final TouchpointRepository touchpoints;
    private final Outbox outbox;
    private final EntityManager em;

    public TouchpointService(TouchpointRepository touchpoints, Outbox outbox, EntityManager em) {
        this.touchpoints = touchpoints;
        this.outbox = outbox;
        this.em = em;
    }

    @Transactional
    public TouchpointEntity register(String key, Fields fields) {
        if (touchpoints.findByKey(key).isPresent()) {
            throw conflict(key);
        }
        TouchpointEntity touchpoint = new TouchpointEntity();
        touchpoint.id = UUID.randomUUID();
        touchpoint.key = key;
        touchpoint.createdAt = Instant.now();
        apply(touchpoint, fields, TouchpointStatus.ACTIVE);
        try {
            touchpoints.persistAndFlush(touchpoint);
        } catch (ConstraintViolationException e) {
            throw conflict(key); // a concurrent register of the same key won the race
        }
        publish(touchpoint);
        return touchpoint;
    }

    @Transactional
    public TouchpointEntity change(String key, long expectedRevision, Fields fields) {
        TouchpointEntity touchpoint = get(key);
        if (touchpoint.version != expectedRevision) {
            throw new ProblemException(412, "stale-revision", "Precondition failed",
                    "touchpoint '" + key + "' is at revision " + touchpoint.version + ", not " + expectedRevision
                            + ": read it again and reapply the change",
                    null);
        }
        apply(touchpoint, fields, touchpoint.status);
        em.flush(); // bumps the revision before it is published
        publish(touchpoint);
        return touchpoint;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public TouchpointEntity get(String key) {
        return touchpoints.findByKey(key).orElseThrow(() -> ProblemException.notFound("touchpoint", key));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TouchpointEntity> list(TouchpointFilter filter, String after, int limit) {
        return touchpoints.list(filter, after, limit);
    }

    private static void apply(TouchpointEntity touchpoint, Fields fields, TouchpointStatus defaultStatus) {
        touchpoint.name = fields.name();
        touchpoint.description = fields.description();
        touchpoint.channel = fields.channel();
        touchpoint.journeyStage = fields.journeyStage();
        touchpoint.signalKind = fields.signalKind();
        touchpoint.segments = fields.segments() == null ? new String[0]
                : fields.segments().stream().distinct().toArray(String[]::new);
        touchpoint.product = fields.product();
        touchpoint.ownerTeam = fields.ownerTeam();
        touchpoint.status = fields.status() == null ? defaultStatus : fields.status();
        touchpoint.updatedAt = Instant.now();
    }

    private void publish(TouchpointEntity t) {
        outbox.add(Topics.TOUCHPOINTS, t.id.toString(), EventTypes.TOUCHPOINT_STATE_V1,
                new TouchpointState(t.id, t.key, t.name, t.channel.name(), t.journeyStage.name(),
                        t.signalKind.name(), List.of(t.segments), t.product, t.ownerTeam, t.status.name(), t.version,
                        t.updatedAt));
    }

    private static ProblemException conflict(String key) {
        return new ProblemException(409, "conflict", "Key already registered",
                "a touchpoint with key '" + key + "' already exists", "key");
    }
}
