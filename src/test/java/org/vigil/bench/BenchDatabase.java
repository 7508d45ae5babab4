package org.vigil.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark's own access to the database Vigil runs on: a fresh scratch database per run, counts, and the plans
 * of the list queries. On H2 the file is locked by the running service, so these work only while it is stopped.
 */
final class BenchDatabase {

    private final BenchSettings settings;

    BenchDatabase(BenchSettings settings) {
        this.settings = settings;
    }

    /** PostgreSQL: drops and creates the scratch database. H2: the file is new in the run's temp directory. */
    void recreate() throws SQLException {
        if (!settings.pg()) {
            return;
        }
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + settings.pgServer() + "/postgres",
                settings.pgUser(), ""); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + settings.pgDatabase() + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + settings.pgDatabase());
        }
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(settings.jdbcUrl(), settings.jdbcUser(), "");
    }

    long count(String sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Sequential and index scans of the big tables, and when they were last analyzed (PostgreSQL only). */
    List<String> tableStats() throws SQLException {
        List<String> out = new ArrayList<>();
        if (!settings.pg()) {
            return out;
        }
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW autovacuum")) {
            rs.next();
            out.add("autovacuum = " + rs.getString(1) + " (off: only Vigil's own ANALYZE after bulk writes keeps the"
                    + " statistics; no visibility map, so counts cannot be index-only)");
        }
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT relname, n_live_tup, seq_scan, idx_scan, last_analyze, last_autoanalyze FROM pg_stat_user_tables"
                        + " WHERE relname IN ('device', 'finding', 'match_device_signature', 'match_signature_term',"
                        + " 'match_event', 'delivery', 'ingest_run') ORDER BY relname")) {
            while (rs.next()) {
                out.add(String.format("%-24s rows %,10d  seq scans %,8d  index scans %,12d  analyzed %s / auto %s",
                        rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getString(5), rs.getString(6)));
            }
        }
        return out;
    }

    /** EXPLAIN (ANALYZE, BUFFERS) of one statement with its parameters inlined by the caller. */
    List<String> explain(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        String prefix = settings.pg() ? "EXPLAIN (ANALYZE, BUFFERS) " : "EXPLAIN ANALYZE ";
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(prefix + sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
