package org.voc.survey.distribution.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.voc.events.TouchpointState;
import org.voc.survey.distribution.persistence.TouchpointReplicaRepository;

/** Keeps the local touchpoint replica: the newest revision of each touchpoint wins, whatever the arrival order. */
@ApplicationScoped
public class TouchpointReplicaService {

    private final TouchpointReplicaRepository touchpoints;

    public TouchpointReplicaService(TouchpointReplicaRepository touchpoints) {
        this.touchpoints = touchpoints;
    }

    /** Applies a batch of states in one transaction; returns how many rows changed. */
    @Transactional
    public int apply(List<TouchpointState> states) {
        // One upsert statement cannot touch the same row twice, so only the newest state per touchpoint goes in.
        Map<UUID, TouchpointState> newest = new LinkedHashMap<>();
        for (TouchpointState state : states) {
            newest.merge(state.id(), state, (a, b) -> b.revision() > a.revision() ? b : a);
        }
        List<ReplicatedTouchpoint> rows = new ArrayList<>(newest.size());
        for (TouchpointState s : newest.values()) {
            // Optional fields are read tolerantly: states published before them lack them.
            List<String> refs = s.externalRefs() == null
                    ? List.of()
                    : s.externalRefs().stream()
                            .filter(r -> r != null && r.system() != null && r.ref() != null)
                            .map(r -> ReplicatedTouchpoint.externalRef(r.system(), r.ref()))
                            .distinct()
                            .toList();
            rows.add(new ReplicatedTouchpoint(
                    s.id(),
                    s.key(),
                    s.status(),
                    s.channel(),
                    s.segments() == null
                            ? List.of()
                            : s.segments().stream().filter(x -> x != null).toList(),
                    s.ownerTeam(),
                    refs,
                    s.revision()));
        }
        return touchpoints.upsertNewer(rows);
    }
}
