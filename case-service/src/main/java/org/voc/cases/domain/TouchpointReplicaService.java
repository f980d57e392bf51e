package org.voc.cases.domain;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.voc.cases.persistence.CaseRepository;
import org.voc.cases.persistence.TouchpointReplicaRepository;
import org.voc.events.TouchpointState;

/**
 * Keeps the local touchpoint replica (newest revision wins) and routes the cases that were opened before their
 * touchpoint's owner was known (with their team's due times): responses and touchpoint states travel on different
 * topics.
 */
@ApplicationScoped
public class TouchpointReplicaService {

    private final TouchpointReplicaRepository touchpoints;
    private final CaseRepository cases;
    private final CaseService service;
    private final Counter routed;

    public TouchpointReplicaService(
            TouchpointReplicaRepository touchpoints,
            CaseRepository cases,
            CaseService service,
            MeterRegistry registry) {
        this.touchpoints = touchpoints;
        this.cases = cases;
        this.service = service;
        this.routed = registry.counter("voc.cases.routed.late");
    }

    /** Applies a batch of states in one transaction; returns how many unrouted cases got their team. */
    @Transactional
    public int apply(List<TouchpointState> states) {
        // One upsert statement cannot touch the same row twice, so only the newest state per touchpoint goes in.
        Map<UUID, TouchpointState> newest = new LinkedHashMap<>();
        for (TouchpointState state : states) {
            newest.merge(state.id(), state, (a, b) -> b.revision() > a.revision() ? b : a);
        }
        if (newest.isEmpty()) {
            return 0;
        }
        touchpoints.lockRouting(
                newest.values().stream().map(TouchpointState::key).toList());
        Map<String, String> changed = touchpoints.upsertNewer(new ArrayList<>(newest.values()));
        // The owner of a key is its preferred row's, which need not be the row just changed (a key held twice).
        List<CaseRepository.Routed> late = cases.routeUnassigned(touchpoints.ownerTeams(changed.keySet()));
        // Their clocks count from their opening, with the team's calendar now that the team is known.
        service.routed(late);
        routed.increment(late.size());
        return late.size();
    }
}
