package org.voc.response.verbatims.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.voc.kit.jdbc.Jdbc;
import org.voc.kit.paging.PageCursor;
import org.voc.response.domain.Answer;
import org.voc.response.verbatims.domain.Verbatim;
import org.voc.response.verbatims.domain.VerbatimFilter;
import org.voc.response.verbatims.domain.VerbatimSink;

/**
 * Reads responses for search and export with plain JDBC: one statement built from the filter's conditions, newest
 * first by (responded_at, id). Pages use the keyset index {@code response_recent}; an export reads through a
 * server-side cursor, so a million rows never sit in memory at once.
 */
@ApplicationScoped
public class VerbatimQueries {

    /** Rows the driver fetches per round trip of an export's cursor: memory stays at one batch of rows. */
    static final int FETCH_SIZE = 500;

    private static final TypeReference<List<Answer>> ANSWERS = new TypeReference<>() {};
    private static final String COLUMNS = "select id, survey_id, survey_version, touchpoint_key, channel, customer_ref,"
            + " responded_at, received_at, nps, answers::text, invitation_id, segment, employee_ref, process_ref"
            + " from response where true";
    private static final String NEWEST_FIRST = " order by responded_at desc, id desc";

    private final DataSource db;
    private final ObjectMapper json;

    public VerbatimQueries(DataSource db, ObjectMapper json) {
        this.db = db;
        this.json = json;
    }

    /** Up to {@code limit} responses after {@code after} (null: from the newest). */
    public List<Verbatim> page(VerbatimFilter filter, PageCursor.Position after, int limit) {
        Query query = where(filter);
        if (after != null) {
            query.sql.append(" and (responded_at, id) < (?, ?)");
            query.params.add(after.at());
            query.params.add(after.id());
        }
        query.sql.append(NEWEST_FIRST).append(" limit ?");
        query.params.add(limit);
        try (Connection c = db.getConnection();
                PreparedStatement select = query.prepare(c);
                ResultSet rows = select.executeQuery()) {
            List<Verbatim> page = new ArrayList<>(limit);
            while (rows.next()) {
                page.add(verbatim(rows));
            }
            return page;
        } catch (SQLException e) {
            throw new IllegalStateException("searching responses failed", e);
        }
    }

    /**
     * Hands every matching response to {@code sink}, newest first, through a server-side cursor: PostgreSQL's JDBC
     * driver fetches {@link #FETCH_SIZE} rows at a time only outside autocommit, so the read runs in its own
     * read-only transaction (one snapshot for the whole export).
     */
    public void each(VerbatimFilter filter, VerbatimSink sink) throws IOException {
        Query query = where(filter);
        query.sql.append(NEWEST_FIRST);
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement select = query.prepare(c)) {
                select.setFetchSize(FETCH_SIZE);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        sink.accept(verbatim(rows));
                    }
                }
            } finally {
                c.rollback(); // nothing was written; ends the transaction before the connection returns to the pool
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("exporting responses failed", e);
        }
    }

    /** The versions of a survey this service knows, oldest first. */
    public List<Integer> versions(UUID surveyId) {
        try (Connection c = db.getConnection();
                PreparedStatement select =
                        c.prepareStatement("select version from survey_version where survey_id = ? order by version")) {
            select.setObject(1, surveyId);
            try (ResultSet rows = select.executeQuery()) {
                List<Integer> versions = new ArrayList<>();
                while (rows.next()) {
                    versions.add(rows.getInt(1));
                }
                return versions;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading survey versions failed", e);
        }
    }

    private static Query where(VerbatimFilter f) {
        Query q = new Query();
        q.and(f.surveyId() != null, " and survey_id = ?", f.surveyId());
        q.and(f.surveyVersion() != null, " and survey_version = ?", f.surveyVersion());
        q.and(f.touchpointKey() != null, " and touchpoint_key = ?", f.touchpointKey());
        q.and(f.from() != null, " and responded_at >= ?", f.from());
        q.and(f.to() != null, " and responded_at <= ?", f.to());
        if (f.questionId() != null || f.minScore() != null || f.maxScore() != null) {
            // The score conditions hold for one and the same answer; values travel as jsonpath variables.
            List<String> conditions = new ArrayList<>(List.of("@.score.type() == \"number\""));
            if (f.questionId() != null) {
                conditions.add("@.questionId == $q");
            }
            if (f.minScore() != null) {
                conditions.add("@.score >= $min");
            }
            if (f.maxScore() != null) {
                conditions.add("@.score <= $max");
            }
            q.sql.append(" and jsonb_path_exists(answers, '$[*] ? (")
                    .append(String.join(" && ", conditions))
                    .append(")', jsonb_build_object('q', ?::text, 'min', ?::int, 'max', ?::int))");
            q.params.add(f.questionId());
            q.params.add(f.minScore());
            q.params.add(f.maxScore());
        }
        if (f.hasComment() != null) {
            q.sql.append(f.hasComment() ? " and comment_text is not null" : " and comment_text is null");
        }
        q.and(f.text() != null, " and comment_text ilike ? escape '\\'", f.text() == null ? null : contains(f.text()));
        return q;
    }

    /** An ILIKE pattern matching the text anywhere, its own wildcards taken literally. */
    static String contains(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private Verbatim verbatim(ResultSet rows) throws SQLException {
        UUID id = rows.getObject(1, UUID.class);
        String customerRef = rows.getString(6);
        short score = rows.getShort(9);
        Integer nps = rows.wasNull() ? null : (int) score;
        return new Verbatim(
                id,
                rows.getObject(2, UUID.class),
                rows.getInt(3),
                rows.getString(4),
                rows.getString(5),
                customerRef,
                customerRef == null,
                Jdbc.instant(rows, 7),
                Jdbc.instant(rows, 8),
                nps,
                answers(id, rows.getString(10)),
                rows.getObject(11, UUID.class),
                rows.getString(12),
                rows.getString(13),
                rows.getString(14));
    }

    private List<Answer> answers(UUID id, String stored) {
        try {
            return json.readValue(stored, ANSWERS);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("stored answers of response " + id + " are not valid JSON", e);
        }
    }

    /** A statement under construction: SQL and its parameters in order. */
    private static final class Query {
        final StringBuilder sql = new StringBuilder(COLUMNS);
        final List<Object> params = new ArrayList<>();

        void and(boolean applies, String condition, Object param) {
            if (applies) {
                sql.append(condition);
                params.add(param);
            }
        }

        PreparedStatement prepare(Connection c) throws SQLException {
            PreparedStatement statement = c.prepareStatement(sql.toString());
            for (int i = 0; i < params.size(); i++) {
                Object p = params.get(i);
                if (p instanceof Instant instant) {
                    Jdbc.setInstant(statement, i + 1, instant);
                } else if (p == null) {
                    statement.setNull(i + 1, Types.OTHER);
                } else {
                    statement.setObject(i + 1, p);
                }
            }
            return statement;
        }
    }
}
