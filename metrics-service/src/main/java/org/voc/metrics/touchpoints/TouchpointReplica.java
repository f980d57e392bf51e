package org.voc.metrics.touchpoints;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.voc.events.TouchpointState;

/**
 * The replica of what metrics need of each touchpoint (journey stage, product, owner team), newest revision wins.
 * Queries join it by key at query time: a breakdown shows each touchpoint's current attribution.
 */
@ApplicationScoped
public class TouchpointReplica {

    private final AgroalDataSource dataSource;

    public TouchpointReplica(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Stores each state newer than the stored one, in one statement; a replayed or older state changes nothing. */
    @Transactional
    public void apply(List<TouchpointState> states) {
        // One upsert cannot touch a row twice: only the newest state per touchpoint goes in, in id order.
        Map<UUID, TouchpointState> newest = new LinkedHashMap<>();
        for (TouchpointState state : states) {
            newest.merge(state.id(), state, (a, b) -> b.revision() > a.revision() ? b : a);
        }
        if (newest.isEmpty()) {
            return;
        }
        List<TouchpointState> sorted = new ArrayList<>(newest.values());
        sorted.sort(Comparator.comparing(TouchpointState::id));
        String sql = "insert into touchpoint_replica (id, key, journey_stage, product, owner_team, status, revision)"
                + " values " + String.join(", ", Collections.nCopies(sorted.size(), "(?, ?, ?, ?, ?, ?, ?)"))
                + " on conflict (id) do update set key = excluded.key, journey_stage = excluded.journey_stage,"
                + " product = excluded.product, owner_team = excluded.owner_team, status = excluded.status,"
                + " revision = excluded.revision, stored_seq = nextval('touchpoint_replica_stored_seq')"
                + " where touchpoint_replica.revision < excluded.revision";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement upsert = connection.prepareStatement(sql)) {
            int i = 0;
            for (TouchpointState state : sorted) {
                upsert.setObject(++i, state.id());
                upsert.setString(++i, state.key());
                upsert.setString(++i, state.journeyStage());
                upsert.setString(++i, state.product());
                upsert.setString(++i, state.ownerTeam());
                upsert.setString(++i, state.status());
                upsert.setLong(++i, state.revision());
            }
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new PersistenceException("could not update the touchpoint replica", e);
        }
    }
}
