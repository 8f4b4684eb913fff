package dev.kexwatch.faults;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A schema of its own for a packaged-app test, in the database the tests use: the URL and user come from the
 * system properties the pom's {@code local-postgres} profile gives the test JVMs, else from the environment a
 * CI sets for Quarkus. Plain JDBC, to check what the service stored behind its back.
 */
final class ItDatabase {

    private final String url;
    private final String user;
    private final String password;
    private final String schema;

    private ItDatabase(String url, String user, String password, String schema) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.schema = schema;
    }

    /** The schema {@code <test schema>_<suffix>}, dropped first so the service starts on an empty one. */
    static ItDatabase fresh(String suffix) {
        String base = setting("quarkus.datasource.jdbc.url", "QUARKUS_DATASOURCE_JDBC_URL")
                .orElseThrow(() -> new IllegalStateException("no test database: run with the local-postgres profile "
                        + "or set QUARKUS_DATASOURCE_JDBC_URL"));
        String schema = setting("quarkus.flyway.schemas", "QUARKUS_FLYWAY_SCHEMAS").orElse("kexwatch_test") + "_" + suffix;
        String url = base.replaceAll("[?&]currentSchema=[^&]*", "");
        url += (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        ItDatabase db = new ItDatabase(url, setting("quarkus.datasource.username", "QUARKUS_DATASOURCE_USERNAME")
                .orElse("postgres"), setting("quarkus.datasource.password", "QUARKUS_DATASOURCE_PASSWORD").orElse(""),
                schema);
        db.update("drop schema if exists " + schema + " cascade");
        return db;
    }

    /** System properties that point the service at this schema. */
    Map<String, String> serviceSettings() {
        return Map.of("quarkus.datasource.jdbc.url", url, "quarkus.datasource.username", user,
                "quarkus.datasource.password", password, "quarkus.flyway.schemas", schema);
    }

    long queryLong(String sql, Object... args) {
        List<Long> values = queryLongs(sql, args);
        if (values.size() != 1) {
            throw new IllegalStateException(sql + ": " + values.size() + " rows");
        }
        return values.get(0);
    }

    /** The first column of every row, as numbers. */
    List<Long> queryLongs(String sql, Object... args) {
        try (Connection c = connect(); PreparedStatement statement = prepare(c, sql, args);
                ResultSet rows = statement.executeQuery()) {
            List<Long> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getLong(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    String queryString(String sql, Object... args) {
        try (Connection c = connect(); PreparedStatement statement = prepare(c, sql, args);
                ResultSet rows = statement.executeQuery()) {
            if (!rows.next()) {
                throw new IllegalStateException(sql + ": no row");
            }
            return rows.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private void update(String sql) {
        try (Connection c = connect(); PreparedStatement statement = c.prepareStatement(sql)) {
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
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
