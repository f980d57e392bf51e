package org.voc.metrics.zones;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.voc.kit.input.TimeParams;
import org.voc.kit.problem.Invalid;

/**
 * The {@code tz} of a metrics query, accepted only when both Java and PostgreSQL know the zone: dates are read by
 * Java and periods cut by PostgreSQL ({@code at time zone}), and their time-zone databases are updated apart (this
 * JDK lacks zones the database lists, and a JDK may know a zone the database does not). A name only one side knows
 * would otherwise fail inside the query, as a 500. PostgreSQL is asked once per zone name and the verdict kept: only
 * names Java accepted are asked, so the cache holds at most the JDK's few hundred zones.
 */
@ApplicationScoped
public class Zones {

    /** PostgreSQL's invalid_parameter_value: "time zone ... not recognized". */
    private static final String INVALID_PARAMETER = "22023";

    private final AgroalDataSource dataSource;
    private final Map<String, Boolean> known = new ConcurrentHashMap<>();

    public Zones(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The zone named by {@code tz} (UTC when blank); 400 naming {@code field} when either side lacks it. */
    public ZoneId zone(String tz, String field) {
        ZoneId zone = TimeParams.zone(tz, field);
        if (!known.computeIfAbsent(zone.getId(), this::databaseKnows)) {
            throw Invalid.field(
                    field, "is a time zone that Java knows and this service's database does not: " + zone.getId());
        }
        return zone;
    }

    private boolean databaseKnows(String zone) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement probe = connection.prepareStatement("select now() at time zone ?")) {
            probe.setString(1, zone);
            probe.executeQuery().close();
            return true;
        } catch (SQLException e) {
            if (INVALID_PARAMETER.equals(e.getSQLState())) {
                return false;
            }
            throw new PersistenceException("could not ask the database about time zone " + zone, e);
        }
    }
}
