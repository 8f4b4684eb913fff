package dev.kexwatch.fleet;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes an import in JDBC batches: 100,000 rows would otherwise be 100,000 look-ups and inserts. New hosts
 * are inserted; a host that exists (same address and port) gets the imported labels and enabled flag.
 */
final class HostUpserts {

    private static final int BATCH = 1000;
    private static final int ANALYZE_FROM = 1000;
    // nextval of a sequence Hibernate uses with blocks of 50: each value is the top of a block no one else
    // hands out, so ids taken here never collide with Hibernate's.
    private static final String INSERT = "insert into host (id, address, port, labels, enabled, created_at) "
            + "values (nextval('host_seq'), ?, ?, cast(? as jsonb), ?, ?) on conflict (address, port) do nothing";
    private static final String UPDATE = "update host set labels = cast(? as jsonb), enabled = ? "
            + "where address = ? and port = ?";

    private HostUpserts() {
    }

    static Hosts.Written write(Connection connection, List<Hosts.Entry> specs, Instant now) throws SQLException {
        List<Hosts.Entry> known = new ArrayList<>();
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (int from = 0; from < specs.size(); from += BATCH) {
                List<Hosts.Entry> chunk = specs.subList(from, Math.min(specs.size(), from + BATCH));
                for (Hosts.Entry spec : chunk) {
                    insert.setString(1, spec.address());
                    insert.setInt(2, spec.port());
                    insert.setString(3, Labels.toJson(spec.labels()));
                    insert.setBoolean(4, spec.enabled());
                    insert.setTimestamp(5, Timestamp.from(now));
                    insert.addBatch();
                }
                int[] counts = insert.executeBatch();
                for (int i = 0; i < counts.length; i++) {
                    if (counts[i] == 0) {
                        known.add(chunk.get(i));
                    }
                }
            }
        }
        try (PreparedStatement update = connection.prepareStatement(UPDATE)) {
            for (Hosts.Entry spec : known) {
                update.setString(1, Labels.toJson(spec.labels()));
                update.setBoolean(2, spec.enabled());
                update.setString(3, spec.address());
                update.setInt(4, spec.port());
                update.addBatch();
            }
            update.executeBatch();
        }
        if (specs.size() >= ANALYZE_FROM) {
            // The planner would otherwise plan label filters for the table as it was before the import.
            try (var analyze = connection.createStatement()) {
                analyze.execute("analyze host");
            }
        }
        return new Hosts.Written(specs.size() - known.size(), known.size());
    }
}
