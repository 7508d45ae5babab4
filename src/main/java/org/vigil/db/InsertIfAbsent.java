package org.vigil.db;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Inserts that skip a row whose key already exists, also when a concurrent transaction has just written it, on
 * both databases: PostgreSQL with {@code ON CONFLICT DO NOTHING} (it waits for the other writer, then skips);
 * H2 by ignoring the duplicate-key failure of that one statement, which H2 rolls back alone, leaving the
 * transaction intact (PostgreSQL would abort the whole transaction, hence the clause there). Two imports of the
 * same new spelling, or two matchers writing the same follow-up notification, then both commit instead of one
 * failing with a 500.
 */
public final class InsertIfAbsent {

    private static final String DUPLICATE_KEY = "23505";

    private InsertIfAbsent() {
    }

    /** Inserts every row of {@code insert} (an INSERT ... VALUES statement), skipping those already present. */
    public static void batch(Connection c, String insert, List<Object[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        boolean postgres = postgres(c);
        try (PreparedStatement ps = c.prepareStatement(postgres ? insert + " ON CONFLICT DO NOTHING" : insert)) {
            int n = 0;
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    ps.setObject(i + 1, row[i]);
                }
                ps.addBatch();
                if (++n % 1000 == 0) {
                    execute(ps);
                }
            }
            execute(ps);
        }
    }

    /** One row; true when it was inserted, false when its key was taken. */
    public static boolean one(Connection c, String insert, Object... values) throws SQLException {
        boolean postgres = postgres(c);
        try (PreparedStatement ps = c.prepareStatement(postgres ? insert + " ON CONFLICT DO NOTHING" : insert)) {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            if (DUPLICATE_KEY.equals(e.getSQLState())) {
                return false;
            }
            throw e;
        }
    }

    private static void execute(PreparedStatement ps) throws SQLException {
        try {
            ps.executeBatch();
        } catch (BatchUpdateException e) {
            // H2 goes on with the rest of the batch and chains one exception per failed row: all must be duplicates.
            for (SQLException x = e; x != null; x = x.getNextException()) {
                if ((x != e || x.getSQLState() != null) && !DUPLICATE_KEY.equals(x.getSQLState())) {
                    throw e;
                }
            }
        }
    }

    private static boolean postgres(Connection c) throws SQLException {
        return c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
    }
}
