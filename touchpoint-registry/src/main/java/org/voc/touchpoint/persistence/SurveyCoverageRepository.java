package org.voc.touchpoint.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;

/** Published survey versions as far as coverage needs them: which touchpoints each one asks about. */
@ApplicationScoped
public class SurveyCoverageRepository {

    /** One published version. */
    public record Version(UUID surveyId, int version, List<String> touchpointKeys, java.time.Instant publishedAt) {}

    private final EntityManager em;

    public SurveyCoverageRepository(EntityManager em) {
        this.em = em;
    }

    /** Inserts the versions not stored yet (versions are immutable, so a replay changes nothing); returns how many. */
    public int storeAll(List<Version> versions) {
        if (versions.isEmpty()) {
            return 0;
        }
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into survey_version (survey_id, version, touchpoint_keys, published_at) values (?, ?, ?, ?)
                    on conflict (survey_id, version) do nothing""")) {
                for (Version v : versions) {
                    insert.setObject(1, v.surveyId());
                    insert.setInt(2, v.version());
                    insert.setArray(
                            3,
                            connection.createArrayOf("text", v.touchpointKeys().toArray()));
                    insert.setTimestamp(4, v.publishedAt() == null ? null : Timestamp.from(v.publishedAt()));
                    insert.addBatch();
                }
                int inserted = 0;
                for (int count : insert.executeBatch()) {
                    inserted += Math.max(0, count);
                }
                return inserted;
            }
        });
    }

    /** Keys listed by the latest published version of some survey. */
    public Set<String> coveredTouchpointKeys() {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement query = connection.prepareStatement("""
                    select distinct unnest(touchpoint_keys) from (
                      select distinct on (survey_id) touchpoint_keys from survey_version
                      order by survey_id, version desc) latest""");
                    ResultSet rows = query.executeQuery()) {
                Set<String> keys = new HashSet<>();
                while (rows.next()) {
                    keys.add(rows.getString(1));
                }
                return keys;
            }
        });
    }
}
