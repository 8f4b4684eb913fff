package dev.kexwatch.replicas;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The PostgreSQL schema the replicas share, and plain JDBC to look into it. From {@code kexwatch.it.jdbc-url}
 * and {@code kexwatch.it.jdbc-user} (the pom's local-postgres profile passes them to failsafe).
 */
record Database(String base, String user, String schema) {

    static Database fromSystemProperties(String schema) {
        return new Database(System.getProperty("kexwatch.it.jdbc-url", "jdbc:postgresql://localhost:5432/postgres"),
                System.getProperty("kexwatch.it.jdbc-user", "postgres"), schema);
    }

    String url() {
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /** Drops the schema: the replicas create it (Flyway) from nothing. */
    void reset() {
        execute("drop schema if exists " + schema + " cascade");
    }

    void execute(String sql, Object... args) {
        try (Connection c = connect(); PreparedStatement st = prepare(c, sql, args)) {
            st.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Rows as column-to-value maps. */
    List<Map<String, Object>> query(String sql, Object... args) {
        try (Connection c = connect(); PreparedStatement st = prepare(c, sql, args); ResultSet rs = st.executeQuery()) {
            List<Map<String, Object>> rows = new ArrayList<>();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    long count(String sql, Object... args) {
        return ((Number) query(sql, args).get(0).values().iterator().next()).longValue();
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), user, System.getProperty("kexwatch.it.jdbc-password", ""));
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
        PreparedStatement st = c.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            st.setObject(i + 1, args[i]);
        }
        return st;
    }
}
