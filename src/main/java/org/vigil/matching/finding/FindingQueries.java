package org.vigil.matching.finding;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.vigil.advisory.Json;
import org.vigil.api.Page;
import org.vigil.api.PageRequest;
import org.vigil.matching.evidence.Confidence;
import org.vigil.matching.index.CatalogReader;

/**
 * The findings list in one statement: the finding columns with the device and advisory summaries joined in, nothing
 * else. Loading the Advisory entity instead read every advisory's raw document (18 KB on average) once per row, and
 * the devices in a second query; as entities they were also hydrated and dirty-checked. The page is served by
 * {@code ix_finding_hospital_seen_id} in its order, so only the rows of the page are read; the total is counted only
 * when the page does not already tell it (a page shorter than its size is the last one).
 */
@ApplicationScoped
public class FindingQueries {

    private static final String COLUMNS = "f.id, f.device_id, f.confidence, f.needs_review, f.reasons_json, f.state, "
            + "f.justification, f.resolution, f.triaged_by, f.triaged_at, f.advisory_revision, f.first_seen, f.last_seen, "
            + "d.id, d.asset_id, d.manufacturer, d.model, d.version, d.location, d.department, d.quantity, "
            + "a.id, a.source, a.title, a.severity, a.cvss_max, a.kev, a.url, a.revision, a.published, a.updated";

    private static final java.util.regex.Pattern ADVISORY_COLUMN = java.util.regex.Pattern.compile("\\ba\\.");

    private final CatalogReader reader;
    private final boolean postgres;

    public FindingQueries(CatalogReader reader,
            @org.eclipse.microprofile.config.inject.ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind) {
        this.reader = reader;
        this.postgres = org.vigil.db.Dialect.postgres(dbKind);
    }

    /** A WHERE clause over {@code finding f} (and {@code advisory a} when {@code needsAdvisory}) with its parameters. */
    public record Where(String sql, List<Object> params, boolean needsAdvisory) {
    }

    /** The API's order, which {@code ix_finding_hospital_seen_id} serves. */
    public static final String NEWEST_FIRST = "f.last_seen DESC";

    /** One page of the hospital's findings, newest first; runs on the caller's transaction. */
    public Page<FindingView> page(Where where, PageRequest page) {
        return page(where, NEWEST_FIRST, page);
    }

    /** One page in another order ({@code orderBy} is trusted SQL over f and a; the id breaks ties). */
    public Page<FindingView> page(Where where, String orderBy, PageRequest page) {
        List<Object> params = new ArrayList<>(where.params());
        params.add(page.size());
        params.add((long) page.page() * page.size());
        List<FindingView> items = new ArrayList<>(page.size());
        // The device must belong to the finding's hospital too: defence in depth, the finding alone decides nothing.
        String joins = " JOIN advisory a ON a.id = f.advisory_id"
                + " LEFT JOIN device d ON d.id = f.device_id AND d.hospital_id = f.hospital_id";
        String order = " ORDER BY " + orderBy + ", f.id";
        String sql;
        if (postgres) {
            // PostgreSQL walks ix_finding_hospital_seen_id and joins each row of the page as it goes (the plan
            // bench/run prints); the page cut first would make it hash the whole advisory table instead.
            sql = "SELECT " + COLUMNS + " FROM finding f" + joins + " WHERE " + where.sql() + order + " LIMIT ? OFFSET ?";
        } else {
            // H2 joins every finding of the hospital before it sorts and cuts the page (3.4 ms of CPU a request at
            // 400 findings): the page's findings first, then only those joined.
            boolean advisoryInPage = where.needsAdvisory() || ADVISORY_COLUMN.matcher(orderBy).find();
            sql = "SELECT " + COLUMNS + " FROM (SELECT f.* FROM finding f"
                    + (advisoryInPage ? " JOIN advisory a ON a.id = f.advisory_id" : "") + " WHERE " + where.sql()
                    + order + " LIMIT ? OFFSET ?) f" + joins + order;
        }
        reader.query(sql, params, rs -> items.add(view(rs)));
        return page.of(items, page.total(items.size(), () -> count(where)));
    }

    private long count(Where where) {
        long[] total = new long[1];
        reader.query("SELECT COUNT(*) FROM finding f" + (where.needsAdvisory() ? " JOIN advisory a ON a.id = f.advisory_id"
                : "") + " WHERE " + where.sql(), where.params(), rs -> total[0] = rs.getLong(1));
        return total[0];
    }

    private static FindingView view(ResultSet rs) throws SQLException {
        UUID deviceId = rs.getObject(2, UUID.class);
        FindingView.DeviceSummary device = rs.getObject(14) == null
                ? new FindingView.DeviceSummary(deviceId, null, null, null, null, null, null, 0)
                : new FindingView.DeviceSummary(deviceId, rs.getString(15), rs.getString(16), rs.getString(17),
                        rs.getString(18), rs.getString(19), rs.getString(20), rs.getInt(21));
        double score = rs.getDouble(26);
        Double cvss = rs.wasNull() ? null : score;
        FindingView.AdvisorySummary advisory = new FindingView.AdvisorySummary(rs.getString(22), rs.getString(23),
                rs.getString(24), rs.getString(25), cvss, rs.getBoolean(27), rs.getString(28),
                rs.getString(29), instant(rs, 30), instant(rs, 31));
        return new FindingView(rs.getObject(1, UUID.class), device, advisory, Confidence.valueOf(rs.getString(3)),
                rs.getBoolean(4), Json.readList(rs.getString(5), String.class), FindingState.valueOf(rs.getString(6)),
                rs.getString(7), rs.getString(8), rs.getString(9), instant(rs, 10), rs.getString(11), instant(rs, 12),
                instant(rs, 13));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
