package org.voc.survey.distribution.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;
import org.voc.kit.jdbc.Jdbc;
import org.voc.survey.distribution.domain.ActiveSurvey;
import org.voc.survey.distribution.domain.DistributionRule;
import org.voc.survey.distribution.domain.DistributionSettings;

/** Distribution settings per survey, and the surveys that may invite for a batch of touchpoints. */
@ApplicationScoped
public class DistributionRepository {

    private static final TypeReference<List<DistributionRule>> RULES = new TypeReference<>() {};
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    private final EntityManager em;
    private final ObjectMapper json;
    private final ObjectReader rulesReader;
    private final ObjectReader stringsReader;

    public DistributionRepository(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
        // Rows may have been written by a newer release during a rolling upgrade: tolerate added fields.
        this.rulesReader = json.readerFor(RULES).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.stringsReader = json.readerFor(STRINGS);
    }

    public Optional<DistributionSettings> find(UUID surveyId) {
        return session().doReturningWork(connection -> {
            try (PreparedStatement select =
                    connection.prepareStatement("select enabled, min_gap_seconds, rules::text, updated_at, updated_by"
                            + " from survey_distribution where survey_id = ?")) {
                select.setObject(1, surveyId);
                try (ResultSet rows = select.executeQuery()) {
                    if (!rows.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new DistributionSettings(
                            surveyId,
                            rows.getBoolean(1),
                            Duration.ofSeconds(rows.getLong(2)),
                            read(rulesReader, rows.getString(3)),
                            Jdbc.instant(rows, 4),
                            rows.getString(5)));
                }
            }
        });
    }

    public void save(DistributionSettings s) {
        String rules = write(s.rules());
        String[] keys = s.rules().stream()
                .flatMap(r -> r.touchpointKeys().stream())
                .distinct()
                .toArray(String[]::new);
        session().doWork(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("""
                    insert into survey_distribution (survey_id, enabled, min_gap_seconds, rules, touchpoint_keys,
                                                     updated_at, updated_by)
                    values (?, ?, ?, ?::jsonb, ?, ?, ?)
                    on conflict (survey_id) do update set enabled = excluded.enabled,
                        min_gap_seconds = excluded.min_gap_seconds, rules = excluded.rules,
                        touchpoint_keys = excluded.touchpoint_keys, updated_at = excluded.updated_at,
                        updated_by = excluded.updated_by""")) {
                upsert.setObject(1, s.surveyId());
                upsert.setBoolean(2, s.enabled());
                upsert.setLong(3, s.minGapPerCustomer().toSeconds());
                upsert.setString(4, rules);
                upsert.setArray(5, connection.createArrayOf("text", keys));
                Jdbc.setInstant(upsert, 6, s.updatedAt());
                upsert.setString(7, s.updatedBy());
                upsert.executeUpdate();
            }
        });
    }

    /**
     * Surveys that may invite for any of these touchpoints: PUBLISHED (not paused or archived), with a latest
     * version and enabled distribution naming one of the keys. One query for a whole batch of interactions.
     */
    public List<ActiveSurvey> active(Collection<String> touchpointKeys) {
        if (touchpointKeys.isEmpty()) {
            return List.of();
        }
        return session().doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    select s.id, v.definition->>'name', s.latest_version, v.definition->>'defaultLocale',
                           (v.definition->'locales')::text, (v.definition->'touchpointKeys')::text,
                           d.min_gap_seconds, d.rules::text
                    from survey_distribution d
                    join survey s on s.id = d.survey_id
                    join survey_version v on v.survey_id = s.id and v.version = s.latest_version
                    where d.enabled and s.status = 'PUBLISHED' and d.touchpoint_keys && ?::text[]""")) {
                select.setArray(1, connection.createArrayOf("text", touchpointKeys.toArray()));
                List<ActiveSurvey> active = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        String defaultLocale = rows.getString(4);
                        String locales = rows.getString(5);
                        String keys = rows.getString(6);
                        active.add(new ActiveSurvey(
                                rows.getObject(1, UUID.class),
                                rows.getString(2),
                                rows.getInt(3),
                                defaultLocale,
                                locales == null || "null".equals(locales)
                                        ? List.of(defaultLocale)
                                        : read(stringsReader, locales),
                                keys == null || "null".equals(keys) ? List.of() : read(stringsReader, keys),
                                Duration.ofSeconds(rows.getLong(7)),
                                read(rulesReader, rows.getString(8))));
                    }
                }
                return active;
            }
        });
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("distribution rules are not serialisable", e);
        }
    }

    private static <T> T read(ObjectReader reader, String value) {
        try {
            return reader.readValue(value);
        } catch (IOException e) {
            throw new IllegalStateException("stored distribution JSON cannot be read", e);
        }
    }

    private Session session() {
        return em.unwrap(Session.class);
    }
}
