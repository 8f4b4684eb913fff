package dev.kexwatch.testsupport;

import dev.kexwatch.devdb.EmbeddedDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A schema of its own for a test that starts the packaged service, and plain JDBC to look at what the service
 * stored behind its back. The database is the configured one ({@code -Dquarkus.datasource.jdbc.url} or
 * {@code QUARKUS_DATASOURCE_JDBC_URL}, user and password likewise), else the embedded PostgreSQL this JVM shares
 * (see {@link EmbeddedDatabase}).
 */
public final class TestDatabase {

    private final String url;
    private final String user;
    private final String password;
    private final String schema;

    private TestDatabase(String url, String user, String password, String schema) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.schema = schema;
    }

    /** The schema {@code schema}, dropped first so the service creates it (Flyway) from nothing. */
    public static TestDatabase freshSchema(String schema) {
        Optional<String> configured = setting("quarkus.datasource.jdbc.url", "QUARKUS_DATASOURCE_JDBC_URL");
        String base = configured.orElseGet(EmbeddedDatabase::shared).replaceAll("[?&]currentSchema=[^&]*", "");
        String user = setting("quarkus.datasource.username", "QUARKUS_DATASOURCE_USERNAME").orElse("postgres");
        String password = configured.flatMap(c -> setting("quarkus.datasource.password",
                "QUARKUS_DATASOURCE_PASSWORD")).orElse("");
        TestDatabase db = new TestDatabase(base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema, user,
                password, schema);
        db.execute("drop schema if exists " + schema + " cascade");
        return db;
    }

    /** System properties that point the service at this schema. */
    public Map<String, String> serviceSettings() {
        return Map.of("quarkus.datasource.jdbc.url", url, "quarkus.datasource.username", user,
                "quarkus.datasource.password", password, "quarkus.flyway.schemas", schema);
    }

    public void execute(String sql, Object... args) {
        try (Connection c = connect(); PreparedStatement statement = prepare(c, sql, args)) {
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Rows as column-to-value maps. */
    public List<Map<String, Object>> query(String sql, Object... args) {
        try (Connection c = connect(); PreparedStatement statement = prepare(c, sql, args);
                ResultSet rows = statement.executeQuery()) {
            List<Map<String, Object>> result = new ArrayList<>();
            while (rows.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                    row.put(rows.getMetaData().getColumnLabel(i), rows.getObject(i));
                }
                result.add(row);
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** The first column of every row, as numbers. */
    public List<Long> queryLongs(String sql, Object... args) {
        return query(sql, args).stream().map(row -> ((Number) row.values().iterator().next()).longValue()).toList();
    }

    /** The first column of the one row, as a number. */
    public long queryLong(String sql, Object... args) {
        List<Long> values = queryLongs(sql, args);
        if (values.size() != 1) {
            throw new IllegalStateException(sql + ": " + values.size() + " rows");
        }
        return values.get(0);
    }

    /** The first column of the first row, as text. */
    public String queryString(String sql, Object... args) {
        List<Map<String, Object>> rows = query(sql, args);
        if (rows.isEmpty()) {
            throw new IllegalStateException(sql + ": no row");
        }
        Object value = rows.get(0).values().iterator().next();
        return value == null ? null : value.toString();
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
        PreparedStatement statement = c.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            statement.setObject(i + 1, args[i]);
        }
        return statement;
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    private static Optional<String> setting(String property, String env) {
        return Optional.ofNullable(System.getProperty(property)).or(() -> Optional.ofNullable(System.getenv(env)))
                .filter(v -> !v.isBlank());
    }
}
