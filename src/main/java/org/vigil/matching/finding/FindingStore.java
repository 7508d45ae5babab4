package org.vigil.matching.finding;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.vigil.matching.evidence.Confidence;
import org.vigil.matching.index.CatalogReader;

/** Findings and match events in bulk, with batched JDBC in the caller's transaction. */
@ApplicationScoped
public class FindingStore {

    private static final String COLUMNS = "id, hospital_id, device_id, advisory_id, confidence, needs_review, "
            + "reasons_json, state, resolution, advisory_revision";

    /** The fields reconciliation compares and changes. */
    public static final class Row {
        public UUID id;
        public UUID hospitalId;
        public UUID deviceId;
        public String advisoryId;
        public Confidence confidence;
        public boolean needsReview;
        public String reasonsJson;
        public FindingState state;
        public String resolution;
        public String revision;
        public boolean isNew;
        /** Set by reconciliation when it changes the state (resolve, reopen): the change goes into the history. */
        public FindingState previousState;
    }

    private final DataSource dataSource;
    private final CatalogReader reader;

    public FindingStore(DataSource dataSource, CatalogReader reader) {
        this.dataSource = dataSource;
        this.reader = reader;
    }

    public List<Row> byAdvisory(String advisoryId) {
        List<Row> out = new ArrayList<>();
        reader.query("SELECT " + COLUMNS + " FROM finding WHERE advisory_id = ?", List.of(advisoryId), rs -> out.add(row(rs)));
        return out;
    }

    public List<Row> byDevices(Collection<UUID> deviceIds) {
        List<Row> out = new ArrayList<>();
        for (List<UUID> chunk : CatalogReader.chunks(deviceIds)) {
            reader.query("SELECT " + COLUMNS + " FROM finding WHERE device_id = ANY(?)", CatalogReader.uuids(chunk),
                    rs -> out.add(row(rs)));
        }
        return out;
    }


    private static Row row(ResultSet rs) throws SQLException {
        Row r = new Row();
        r.id = rs.getObject(1, UUID.class);
        r.hospitalId = rs.getObject(2, UUID.class);
        r.deviceId = rs.getObject(3, UUID.class);
        r.advisoryId = rs.getString(4);
        r.confidence = Confidence.valueOf(rs.getString(5));
        r.needsReview = rs.getBoolean(6);
        r.reasonsJson = rs.getString(7);
        r.state = FindingState.valueOf(rs.getString(8));
        r.resolution = rs.getString(9);
        r.revision = rs.getString(10);
        return r;
    }

    /** Inserts the new rows and updates the changed ones; {@code now} is first/last seen and triage time. */
    public void write(List<Row> inserts, List<Row> updates, Instant now) {
        Timestamp ts = Timestamp.from(now);
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO finding (id, hospital_id, device_id, advisory_id, "
                    + "confidence, reasons_json, needs_review, state, advisory_revision, first_seen, last_seen) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                int n = 0;
                for (Row r : inserts) {
                    ps.setObject(1, r.id);
                    ps.setObject(2, r.hospitalId);
                    ps.setObject(3, r.deviceId);
                    ps.setString(4, r.advisoryId);
                    ps.setString(5, r.confidence.name());
                    ps.setString(6, r.reasonsJson);
                    ps.setBoolean(7, r.needsReview);
                    ps.setString(8, r.state.name());
                    ps.setString(9, r.revision);
                    ps.setTimestamp(10, ts);
                    ps.setTimestamp(11, ts);
                    ps.addBatch();
                    if (++n % 1000 == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE finding SET confidence = ?, reasons_json = ?, "
                    + "needs_review = ?, state = ?, resolution = ?, advisory_revision = ?, last_seen = ?, "
                    + "triaged_by = CASE WHEN ? THEN 'vigil' ELSE triaged_by END, "
                    + "triaged_at = CASE WHEN ? THEN ? ELSE triaged_at END WHERE id = ?")) {
                for (Row r : updates) {
                    boolean byVigil = r.resolution != null;
                    ps.setString(1, r.confidence.name());
                    ps.setString(2, r.reasonsJson);
                    ps.setBoolean(3, r.needsReview);
                    ps.setString(4, r.state.name());
                    ps.setString(5, r.resolution);
                    ps.setString(6, r.revision);
                    ps.setTimestamp(7, ts);
                    ps.setBoolean(8, byVigil);
                    ps.setBoolean(9, byVigil);
                    ps.setTimestamp(10, ts);
                    ps.setObject(11, r.id);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            writeHistory(c, updates, ts);
        } catch (SQLException e) {
            throw new IllegalStateException("finding write failed", e);
        }
    }

    /** Vigil's own state changes (resolved: no longer affected; reopened: affected again), by "vigil". */
    private static void writeHistory(Connection c, List<Row> updates, Timestamp ts) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO finding_history (id, finding_id, hospital_id, "
                + "changed_at, changed_by, from_state, to_state, resolution) VALUES (?, ?, ?, ?, 'vigil', ?, ?, ?)")) {
            int n = 0;
            for (Row r : updates) {
                if (r.previousState == null || r.previousState == r.state) {
                    continue;
                }
                ps.setObject(1, UUID.randomUUID());
                ps.setObject(2, r.id);
                ps.setObject(3, r.hospitalId);
                ps.setTimestamp(4, ts);
                ps.setString(5, r.previousState.name());
                ps.setString(6, r.state.name());
                ps.setString(7, r.resolution == null ? "affected again" : r.resolution);
                ps.addBatch();
                n++;
            }
            if (n > 0) {
                ps.executeBatch();
            }
        }
    }

    public void writeEvents(List<MatchEvent> events) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO match_event (id, hospital_id, finding_id, device_id, advisory_id, advisory_revision, type, "
                        + "detail, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int n = 0;
            for (MatchEvent e : events) {
                ps.setObject(1, e.id);
                ps.setObject(2, e.hospitalId);
                ps.setObject(3, e.findingId);
                ps.setObject(4, e.deviceId);
                ps.setString(5, e.advisoryId);
                ps.setString(6, e.advisoryRevision);
                ps.setString(7, e.type.name());
                ps.setString(8, e.detail == null ? null : e.detail.substring(0, Math.min(2000, e.detail.length())));
                ps.setTimestamp(9, Timestamp.from(e.createdAt));
                ps.addBatch();
                if (++n % 1000 == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("match event write failed", e);
        }
    }
}
