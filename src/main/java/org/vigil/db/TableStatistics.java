package org.vigil.db;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.vigil.advisory.AdvisoryChanged;
import org.vigil.inventory.DevicesChanged;
import org.vigil.matching.finding.MatchEventsRecorded;

/**
 * Keeps PostgreSQL's planner statistics current after bulk writes. Autovacuum analyzes a table only after it noticed
 * the changes, with naps of up to a minute, and not at all where it is off; an import of a million devices outruns it.
 * Meanwhile every pooled connection keeps the generic plans PostgreSQL chose while the table was small (sequential
 * scans), so each chunk of the import scanned the whole table. ANALYZE both refreshes the estimates and invalidates
 * those plans. Checked after each committed write, on one background thread: a table is analyzed again once its rows
 * changed by a fifth (at least 1,000) since the last time, so a growing table is analyzed a few dozen times in all.
 * H2 keeps its own selectivity statistics; there this does nothing.
 */
@ApplicationScoped
public class TableStatistics {

    private static final Logger LOG = Logger.getLogger(TableStatistics.class);
    /** The tables bulk writes grow: imports, matching, the outbox, and retention's deletes. */
    static final List<String> TABLES = List.of("device", "match_device_signature", "match_signature_term", "finding",
            "match_event", "delivery", "affected_product", "match_advisory_term", "advisory", "ingest_run");
    private static final long MIN_CHANGED = 1000;
    private static final double FRACTION = 0.2;
    private static final long CHECK_DELAY_MILLIS = 1500;

    private final DataSource dataSource;
    private final boolean postgres;
    private final AtomicBoolean queued = new AtomicBoolean();
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "vigil-analyze");
        t.setDaemon(true);
        return t;
    });

    TableStatistics(DataSource dataSource, @ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind) {
        this.dataSource = dataSource;
        this.postgres = Dialect.postgres(dbKind);
    }

    void afterDevices(@Observes(during = TransactionPhase.AFTER_SUCCESS) DevicesChanged change) {
        refreshSoon();
    }

    void afterAdvisory(@Observes(during = TransactionPhase.AFTER_SUCCESS) AdvisoryChanged change) {
        refreshSoon();
    }

    void afterMatching(@Observes(during = TransactionPhase.AFTER_SUCCESS) MatchEventsRecorded recorded) {
        refreshSoon();
    }

    /**
     * After a bulk write committed (e.g. retention's deletes): checks the tables in a moment, once however often asked.
     * The moment is for the writing backend: PostgreSQL publishes a backend's row counts up to a second after commit.
     */
    public void refreshSoon() {
        if (postgres && queued.compareAndSet(false, true)) {
            worker.schedule(() -> {
                queued.set(false);
                analyzeStale();
            }, CHECK_DELAY_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /** Analyzes the watched tables whose statistics are stale; returns their names. */
    public List<String> analyzeStale() {
        List<String> analyzed = new ArrayList<>();
        if (!postgres) {
            return analyzed;
        }
        try (Connection c = dataSource.getConnection()) {
            List<String> stale = new ArrayList<>();
            // n_live_tup - n_mod_since_analyze approximates the rows the last ANALYZE saw (0 when there was none).
            try (PreparedStatement ps = c.prepareStatement("SELECT relname FROM pg_stat_user_tables WHERE relname = ANY(?) "
                    + "AND n_mod_since_analyze >= GREATEST(?, ? * (n_live_tup - n_mod_since_analyze))")) {
                ps.setArray(1, c.createArrayOf("varchar", TABLES.toArray()));
                ps.setLong(2, MIN_CHANGED);
                ps.setDouble(3, FRACTION);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        stale.add(rs.getString(1));
                    }
                }
            }
            for (String table : stale) {
                if (TABLES.contains(table)) {   // only our own constant names reach the statement text
                    long t = System.nanoTime();
                    try (Statement s = c.createStatement()) {
                        s.execute("ANALYZE " + table);
                    }
                    analyzed.add(table);
                    LOG.debugf("ANALYZE %s in %d ms", table, (System.nanoTime() - t) / 1_000_000);
                }
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("Could not refresh table statistics: %s", e.getMessage());
        }
        return analyzed;
    }
}
