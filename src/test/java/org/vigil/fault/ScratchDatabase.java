package org.vigil.fault;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A PostgreSQL database of its own for one test run, created and dropped through the server's maintenance
 * database. Never CI's {@code test} database. Server: {@code -Dfault.pg.host} / env {@code PG_HOST}, default
 * 127.0.0.1:5432, user postgres (trust auth, as on the CI machine).
 */
final class ScratchDatabase implements AutoCloseable {

    private final String host;
    private final String name;

    private ScratchDatabase(String host, String name) {
        this.host = host;
        this.name = name;
    }

    static ScratchDatabase create() {
        String host = System.getProperty("fault.pg.host", System.getenv().getOrDefault("PG_HOST", "127.0.0.1"));
        ScratchDatabase db = new ScratchDatabase(host, "vigil_fault_" + UUID.randomUUID().toString().substring(0, 8));
        db.admin("CREATE DATABASE " + db.name);
        return db;
    }

    String url() {
        return "jdbc:postgresql://" + host + ":5432/" + name;
    }

    /** Rows of a query against this database, each as a list of column values. */
    List<List<Object>> query(String sql) {
        try (Connection c = DriverManager.getConnection(url(), "postgres", "");
                Statement s = c.createStatement(); var rs = s.executeQuery(sql)) {
            List<List<Object>> rows = new ArrayList<>();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.add(rs.getObject(i));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    @Override
    public void close() {
        admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name + "'");
        admin("DROP DATABASE IF EXISTS " + name);
    }

    private void admin(String sql) {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + host + ":5432/postgres", "postgres", "");
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + host + ":5432 (user postgres): " + sql, e);
        }
    }
}
