package org.vigil.matching.index;

import jakarta.enterprise.context.ApplicationScoped;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.sql.Connection;
import java.util.ArrayList;
import org.vigil.db.InsertIfAbsent;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.vigil.matching.evidence.DeviceFacts;

/** Writes and reads the match index tables ({@link Terms}) with batched JDBC. */
@ApplicationScoped
public class TermIndex {

    private final DataSource dataSource;
    private final CatalogReader reader;

    public TermIndex(DataSource dataSource, CatalogReader reader) {
        this.dataSource = dataSource;
        this.reader = reader;
    }

    /** Replaces the terms of these devices (device → hospital and terms). */
    public void replaceDevices(Map<DeviceFacts, Set<String>> terms) {
        deleteDevices(terms.keySet().stream().map(DeviceFacts::id).toList());
        insertDevices(terms);
    }

    /** Adds index rows for devices that have none (a device indexed meanwhile by another writer keeps its row). */
    public void insertDevices(Map<DeviceFacts, Set<String>> terms) {
        Map<Set<String>, String> signatures = new java.util.HashMap<>();
        terms.values().forEach(t -> signatures.computeIfAbsent(t, TermIndex::signature));
        Set<String> known = new HashSet<>();
        for (List<String> chunk : CatalogReader.chunks(signatures.values())) {
            reader.query("SELECT DISTINCT signature FROM match_signature_term WHERE signature = ANY(?)",
                    CatalogReader.texts(chunk), rs -> known.add(rs.getString(1)));
        }
        List<Object[]> signatureTerms = new ArrayList<>();
        for (var e : signatures.entrySet()) {
            if (known.add(e.getValue())) {
                e.getKey().forEach(t -> signatureTerms.add(new Object[] {e.getValue(), t}));
            }
        }
        if (!signatureTerms.isEmpty()) {
            // A term set is content-addressed, the same for everyone who writes it: committed at once in a short
            // transaction of its own, so eight imports of the same new spelling wait milliseconds for each other
            // (and skip the rows that exist), not for each other's whole import.
            QuarkusTransaction.requiringNew().run(() -> insert(
                    "INSERT INTO match_signature_term (signature, term) VALUES (?, ?)", signatureTerms));
        }
        List<Object[]> devices = new ArrayList<>();
        terms.forEach((d, t) -> devices.add(new Object[] {d.id(), d.hospitalId(), signatures.get(t)}));
        insert("INSERT INTO match_device_signature (device_id, hospital_id, signature) VALUES (?, ?, ?)", devices);
    }

    private void insert(String sql, List<Object[]> rows) {
        try (Connection c = dataSource.getConnection()) {
            InsertIfAbsent.batch(c, sql, rows);
        } catch (SQLException e) {
            throw new IllegalStateException("match index write failed", e);
        }
    }

    /** A content hash of a term set: equal sets, equal signature. */
    static String signature(Set<String> terms) {
        try {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
            new java.util.TreeSet<>(terms).forEach(t -> {
                md.update(t.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                md.update((byte) 0);
            });
            return java.util.HexFormat.of().formatHex(md.digest()).substring(0, 40);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public void deleteDevices(Collection<UUID> ids) {
        for (List<UUID> chunk : CatalogReader.chunks(ids)) {
            update("DELETE FROM match_device_signature WHERE device_id = ANY(?)", CatalogReader.uuids(chunk));
        }
    }

    public void replaceAdvisory(String advisoryId, Set<String> terms) {
        update("DELETE FROM match_advisory_term WHERE advisory_id = ?", List.of(advisoryId));
        insert("INSERT INTO match_advisory_term (advisory_id, term) VALUES (?, ?)",
                terms.stream().map(t -> new Object[] {advisoryId, t}).toList());
    }

    public Set<String> advisoriesWithTerms(Collection<String> terms) {
        Set<String> out = new HashSet<>();
        for (List<String> chunk : CatalogReader.chunks(terms)) {
            reader.query("SELECT DISTINCT advisory_id FROM match_advisory_term WHERE term = ANY(?)",
                    CatalogReader.texts(chunk), rs -> out.add(rs.getString(1)));
        }
        return out;
    }

    /** Term → advisories having it, for these terms. */
    public Map<String, Set<String>> advisoriesByTerm(Collection<String> terms) {
        Map<String, Set<String>> out = new java.util.HashMap<>();
        for (List<String> chunk : CatalogReader.chunks(terms)) {
            reader.query("SELECT term, advisory_id FROM match_advisory_term WHERE term = ANY(?)",
                    CatalogReader.texts(chunk),
                    rs -> out.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getString(2)));
        }
        return out;
    }

    /** Devices indexed under any of these company heads ("m:head" terms). */
    public Set<UUID> devicesOfCompanies(Collection<String> heads) {
        Set<UUID> out = new HashSet<>();
        List<String> terms = heads.stream().map(h -> "m:" + h).toList();
        for (List<String> chunk : CatalogReader.chunks(terms)) {
            reader.query("SELECT s.device_id FROM match_signature_term t JOIN match_device_signature s "
                    + "ON s.signature = t.signature WHERE t.term = ANY(?)", CatalogReader.texts(chunk),
                    rs -> out.add(rs.getObject(1, UUID.class)));
        }
        return out;
    }

    private void update(String sql, List<?> params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            CatalogReader.bind(c, ps, params);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("match index write failed", e);
        }
    }
}
