package org.vigil.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.vigil.matching.SyntheticInventory;

/**
 * Hospitals through {@code POST /api/v1/hospitals}, then their inventories through {@code POST /api/v1/devices/import}
 * (CSV, one hospital per request, one client), and at the end one 50,000-device health system in a single request.
 * The rate is printed per tenth of the hospitals, so a rate that falls as the table grows shows.
 */
final class InventoryPhase {

    static final int HEALTH_SYSTEM = 50_000;

    private final BenchSettings settings;
    private final BenchClient client;
    private final Bench bench;

    InventoryPhase(BenchSettings settings, BenchClient client, Bench bench) {
        this.settings = settings;
        this.client = client;
        this.bench = bench;
    }

    List<BenchClient.Tenant> createHospitals() {
        long t = System.nanoTime();
        List<BenchClient.Tenant> tenants = new ArrayList<>();
        for (int h = 0; h < settings.hospitals(); h++) {
            tenants.add(client.createHospital("Bench hospital " + h));
        }
        bench.note(String.format("%,d hospitals created through the API in %.1f s", tenants.size(), Bench.seconds(t)));
        return tenants;
    }

    void importAll(List<BenchClient.Tenant> tenants) {
        int perTenth = Math.max(1, tenants.size() / 10);
        List<String> tenths = new ArrayList<>();
        long start = System.nanoTime();
        long tenthStart = start;
        long devices = 0;
        long tenthDevices = 0;
        for (int h = 0; h < tenants.size(); h++) {
            String csv = csv(new Random(h), settings.devicesPerHospital(), "A-");
            JsonNode result = client.post(tenants.get(h).key(), "/api/v1/devices/import", "text/csv", csv, 200);
            if (result.get("rejected").asInt() != 0) {
                throw new IllegalStateException("import rejected rows: " + result);
            }
            devices += settings.devicesPerHospital();
            tenthDevices += settings.devicesPerHospital();
            if ((h + 1) % perTenth == 0 || h == tenants.size() - 1) {
                tenths.add(String.format("%,.0f", tenthDevices / Bench.seconds(tenthStart)));
                tenthStart = System.nanoTime();
                tenthDevices = 0;
            }
        }
        double seconds = Bench.seconds(start);
        bench.figure(String.format("import %,d × %,d devices (one hospital per request)", tenants.size(),
                settings.devicesPerHospital()), String.format("%,.0f devices/s (%,d in %.1f s)", devices / seconds,
                devices, seconds), "≥ 10,000 devices/s");
        bench.note("import rate per tenth of the hospitals, devices/s: " + String.join(", ", tenths));
    }

    /** One health system's whole inventory in one request, into a table that already holds everything above. */
    void importHealthSystem() {
        BenchClient.Tenant system = client.createHospital("Bench health system");
        String csv = csv(new Random(-1), HEALTH_SYSTEM, "HS-");
        long t = System.nanoTime();
        JsonNode result = client.post(system.key(), "/api/v1/devices/import", "text/csv", csv, 200);
        double seconds = Bench.seconds(t);
        bench.figure(String.format("import one %,d-device health system (one request)", HEALTH_SYSTEM),
                String.format("%.1f s, %,.0f devices/s (%d created)", seconds, HEALTH_SYSTEM / seconds,
                        result.get("created").asInt()), "≥ 10,000 devices/s");
    }

    static String csv(Random r, int rows, String assetPrefix) {
        StringBuilder sb = new StringBuilder("asset_id,manufacturer,model,version,product_code,quantity,location\n");
        for (int d = 0; d < rows; d++) {
            SyntheticInventory.Row row = SyntheticInventory.next(r);
            sb.append(assetPrefix).append(d).append(',').append(quote(row.manufacturer())).append(',')
                    .append(quote(row.model())).append(',').append(quote(row.version())).append(',')
                    .append(row.productCode() == null ? "" : row.productCode()).append(',').append(1 + r.nextInt(20))
                    .append(",Ward ").append(r.nextInt(12)).append('\n');
        }
        return sb.toString();
    }

    private static String quote(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }
}
