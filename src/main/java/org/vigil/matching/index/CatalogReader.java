package org.vigil.matching.index;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.vigil.advisory.Json;
import org.vigil.advisory.ProductStatus;
import org.vigil.matching.evidence.DeviceFacts;
import org.vigil.matching.evidence.ProductFacts;

/**
 * Reads devices and affected products with plain JDBC: matching reads many rows and needs none of them managed.
 * Runs on the caller's transaction (Agroal hands out the connection enlisted in it).
 */
@ApplicationScoped
public class CatalogReader {

    static final int CHUNK = 500;
    /** A device given only by its DI has no manufacturer or model until GUDID names it: matching reads "". */
    private static final String DEVICE_COLUMNS =
            "d.id, d.hospital_id, COALESCE(d.manufacturer, ''), COALESCE(d.model, ''), d.version, d.udi_di, "
            + "d.product_code, d.catalog_number, d.lot_number, d.serial_number";

    private final DataSource dataSource;

    public CatalogReader(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Affected products of these advisories, grouped by advisory, in document order. */
    public Map<String, List<ProductFacts>> products(Collection<String> advisoryIds) {
        Map<String, List<ProductFacts>> out = new LinkedHashMap<>();
        for (List<String> chunk : chunks(advisoryIds)) {
            query("SELECT advisory_id, product_id, vendor, product, version_text, status, product_code, "
                    + "model_numbers_json, catalog_numbers_json, udi_dis_json, lots_json, serials_json, full_name "
                    + "FROM affected_product WHERE advisory_id = ANY(?) ORDER BY advisory_id, position", texts(chunk),
                    rs -> out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(product(rs)));
        }
        return out;
    }

    /** Every advisory's products, for the full re-match. */
    public Map<String, List<ProductFacts>> allProducts() {
        Map<String, List<ProductFacts>> out = new LinkedHashMap<>();
        query("SELECT advisory_id, product_id, vendor, product, version_text, status, product_code, model_numbers_json, "
                + "catalog_numbers_json, udi_dis_json, lots_json, serials_json, full_name FROM affected_product "
                + "ORDER BY advisory_id, position", List.of(),
                rs -> out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(product(rs)));
        return out;
    }

    /** Advisory id → revision, for these advisories. */
    public Map<String, String> revisions(Collection<String> advisoryIds) {
        Map<String, String> out = new HashMap<>();
        for (List<String> chunk : chunks(advisoryIds)) {
            query("SELECT id, revision FROM advisory WHERE id = ANY(?)", texts(chunk),
                    rs -> out.put(rs.getString(1), rs.getString(2)));
        }
        return out;
    }

    public List<DeviceFacts> devices(Collection<UUID> ids) {
        List<DeviceFacts> out = new ArrayList<>();
        for (List<UUID> chunk : chunks(ids)) {
            query("SELECT " + DEVICE_COLUMNS + " FROM device d WHERE d.id = ANY(?)", uuids(chunk),
                    rs -> out.add(device(rs)));
        }
        return out;
    }

    /** Devices having any of these index terms: first the term sets holding them, then their devices. */
    public List<DeviceFacts> devicesWithTerms(Collection<String> terms) {
        java.util.Set<String> signatures = new java.util.HashSet<>();
        for (List<String> chunk : chunks(terms)) {
            query("SELECT DISTINCT signature FROM match_signature_term WHERE term = ANY(?)", texts(chunk), rs -> signatures.add(rs.getString(1)));
        }
        List<DeviceFacts> out = new ArrayList<>();
        for (List<String> chunk : chunks(signatures)) {
            query("SELECT " + DEVICE_COLUMNS + " FROM match_device_signature s JOIN device d ON d.id = s.device_id "
                    + "WHERE s.signature = ANY(?)", texts(chunk), rs -> out.add(device(rs)));
        }
        return out;
    }

    /** One page of all devices in id order, after {@code after} (null: from the start). */
    public List<DeviceFacts> devicePage(UUID after, int size) {
        List<DeviceFacts> out = new ArrayList<>(size);
        if (after == null) {
            query("SELECT " + DEVICE_COLUMNS + " FROM device d ORDER BY d.id LIMIT " + size, List.of(),
                    rs -> out.add(device(rs)));
        } else {
            query("SELECT " + DEVICE_COLUMNS + " FROM device d WHERE d.id > ? ORDER BY d.id LIMIT " + size,
                    List.of(after), rs -> out.add(device(rs)));
        }
        return out;
    }


    private static ProductFacts product(ResultSet rs) throws SQLException {
        String status = rs.getString(6);
        return new ProductFacts(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                status == null ? ProductStatus.AFFECTED : ProductStatus.valueOf(status), rs.getString(7),
                Json.readList(rs.getString(8), String.class), Json.readList(rs.getString(9), String.class),
                Json.readList(rs.getString(10), String.class), Json.readList(rs.getString(11), String.class),
                Json.readList(rs.getString(12), String.class), rs.getString(13));
    }

    private static DeviceFacts device(ResultSet rs) throws SQLException {
        return new DeviceFacts(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                rs.getString(10));
    }

    public interface RowHandler {
        void row(ResultSet rs) throws SQLException;
    }

    public void query(String sql, List<?> params, RowHandler handler) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(c, ps, params);
            ps.setFetchSize(1000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    handler.row(rs);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("matching query failed", e);
        }
    }

    /**
     * Values for one {@code = ANY(?)} parameter. One statement text for any number of values: with an {@code IN}
     * list every chunk size was its own prepared statement, and PostgreSQL kept the generic plan it chose for each
     * while the table was small (a sequential scan per chunk of a 1,000,000-row device table).
     */
    public record SqlArray(String type, Object[] values) {
    }

    public static List<Object> uuids(Collection<UUID> values) {
        return List.of(new SqlArray("uuid", values.toArray()));
    }

    public static List<Object> texts(Collection<String> values) {
        return List.of(new SqlArray("varchar", values.toArray()));
    }

    /** Binds parameters in order; a {@link SqlArray} becomes a JDBC array of this connection. */
    public static void bind(Connection c, PreparedStatement ps, List<?> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            if (params.get(i) instanceof SqlArray a) {
                ps.setArray(i + 1, c.createArrayOf(a.type(), a.values()));
            } else {
                ps.setObject(i + 1, params.get(i));
            }
        }
    }

    public static <T> List<List<T>> chunks(Collection<T> all) {
        List<T> list = List.copyOf(new java.util.LinkedHashSet<>(all));
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i += CHUNK) {
            out.add(list.subList(i, Math.min(list.size(), i + CHUNK)));
        }
        return out;
    }
}
