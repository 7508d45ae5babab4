package org.vigil.inventory;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.vigil.support.Api;
import org.vigil.udi.HibccCode;

/** The device list as a spreadsheet: what Excel-style readers parse back, and what imports again. */
@QuarkusTest
class DeviceExportTest {

    @Test
    void csvExportParsesBackAndImportsAgain() throws Exception {
        Api.Tenant t = Api.newHospital("Export");
        String hibcc = HibccCode.withCheck("+H123PN10011/$$3271231LOT9");
        String csv = "asset_id,manufacturer,model,version,udi,serial_number,location\n"
                + "E-1,Dräger,Infinity Delta,VF8.4,,ASDF-1,\"ICU, bed 4\"\n"
                + "E-2,Acme,\"Pump \"\"X\"\"\",,\"" + hibcc + "\",,=cmd|' /C calc'!A0\n"
                + "E-3,Philips,IntelliVue MX40,B.06,,,4B\n";
        t.call().contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8)).post("/api/v1/devices/import")
                .then().statusCode(200).body("created", equalTo(3));

        byte[] body = t.call().accept("text/csv").get("/api/v1/devices?manufacturer=e").then().statusCode(200)
                .contentType("text/csv; charset=UTF-8").extract().asByteArray();
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(body, 3),
                "UTF-8 byte-order mark, so Excel reads Dräger right");
        List<CSVRecord> rows;
        try (CSVParser p = CSVParser.parse(new StringReader(new String(body, StandardCharsets.UTF_8).substring(1)),
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            assertEquals(List.of("id", "assetId", "manufacturer", "model", "version", "udiDi", "udi", "serialNumber",
                    "lotNumber", "expirationDate", "manufacturingDate", "productCode", "catalogNumber", "quantity",
                    "location", "department", "gudidStatus", "createdAt", "updatedAt"), p.getHeaderNames());
            rows = p.getRecords();
        }
        assertEquals(2, rows.size(), "the same filter as the JSON list: manufacturer contains e (Dräger, Acme)");
        CSVRecord draeger = rows.stream().filter(r -> r.get("assetId").equals("E-1")).findFirst().orElseThrow();
        assertEquals("Dräger", draeger.get("manufacturer"));
        assertEquals("ICU, bed 4", draeger.get("location"));
        assertEquals("ASDF-1", draeger.get("serialNumber"));

        byte[] all = t.call().accept("text/csv").get("/api/v1/devices").then().statusCode(200).extract().asByteArray();
        String text = new String(all, StandardCharsets.UTF_8);
        org.junit.jupiter.api.Assertions.assertTrue(text.contains("'=cmd|"), "a formula is shown, never run");
        org.junit.jupiter.api.Assertions.assertTrue(text.contains("'" + hibcc), "so is a HIBCC UDI starting with +");

        Api.Tenant other = Api.newHospital("Reimport");
        other.call().contentType("text/csv").body(all).post("/api/v1/devices/import").then().statusCode(200)
                .body("created", equalTo(3)).body("rejected", equalTo(0));
        other.call().get("/api/v1/devices?q=E-2").then().body("items[0].udi", equalTo(hibcc))
                .body("items[0].model", equalTo("Pump \"X\"")).body("items[0].lotNumber", equalTo("LOT9"))
                .body("items[0].location", equalTo("=cmd|' /C calc'!A0"));
    }
}
