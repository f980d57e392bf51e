package org.voc.testsupport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Looks through a service's whole database, e.g. for a secret that must be stored nowhere. */
public final class Tables {

    private Tables() {}

    /** The tables of the {@code public} schema with a row whose text contains {@code value}. */
    public static List<String> holding(DataSource db, String value) throws SQLException {
        List<String> holding = new ArrayList<>();
        try (Connection c = db.getConnection()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = c.getMetaData().getTables(null, "public", "%", new String[] {"TABLE"})) {
                while (rows.next()) {
                    tables.add(rows.getString("TABLE_NAME"));
                }
            }
            for (String table : tables) {
                try (PreparedStatement select =
                        c.prepareStatement("select count(*) from \"" + table + "\" t where strpos(t::text, ?) > 0")) {
                    select.setString(1, value);
                    try (ResultSet rows = select.executeQuery()) {
                        rows.next();
                        if (rows.getLong(1) > 0) {
                            holding.add(table);
                        }
                    }
                }
            }
        }
        return holding;
    }
}
