package org.vigil.inventory;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigil.support.Api;

/** Serial, lot and the UDI as scanned, next to the DI: through the device API and the CSV import. */
@QuarkusTest
class DeviceIdentityTest {

    private static Map<String, Object> pump(String asset) {
        Map<String, Object> d = new HashMap<>();
        d.put("assetId", asset);
        d.put("manufacturer", "Medtronic");
        d.put("model", "MiniMed 780G");
        return d;
    }

    @Test
    void labelUdiGivesTheDiAndTheProductionIdentifiers() {
        Api.Tenant t = Api.newHospital("Identity");
        Map<String, Object> body = pump("P-1");
        body.put("udi", "(01)00884838101180(17)250101(10)ABC123(21)SN-0042");
        t.call().contentType(ContentType.JSON).body(body).post("/api/v1/devices").then().statusCode(201)
                .body("udi", equalTo("(01)00884838101180(17)250101(10)ABC123(21)SN-0042"))
                .body("udiDi", equalTo("00884838101180"))
                .body("lotNumber", equalTo("ABC123"))
                .body("serialNumber", equalTo("SN-0042"))
                .body("expirationDate", equalTo("2025-01-01"));

        // the label text pasted into the DI field (what a "UDI-DI" spreadsheet column often holds)
        Map<String, Object> pasted = pump("P-2");
        pasted.put("udiDi", "(01)00884838101180(17)250101(10)ABC123");
        t.call().contentType(ContentType.JSON).body(pasted).post("/api/v1/devices").then().statusCode(201)
                .body("udiDi", equalTo("00884838101180")).body("lotNumber", equalTo("ABC123"));

        Map<String, Object> plain = pump("P-3");
        plain.put("serialNumber", "HXB123456");
        plain.put("lotNumber", "L2024-07");
        t.call().contentType(ContentType.JSON).body(plain).post("/api/v1/devices").then().statusCode(201)
                .body("serialNumber", equalTo("HXB123456")).body("lotNumber", equalTo("L2024-07"))
                .body("udi", nullValue());
        t.call().get("/api/v1/devices?q=HXB123456").then().body("total", equalTo(1));
    }

    @Test
    void scannerAndHibccFormsAreRead() {
        Api.Tenant t = Api.newHospital("Scanner");
        Map<String, Object> scanned = pump("S-1");
        scanned.put("udi", "]d2010088483810118017250101" + "10ABC123\u001d21S1");
        t.call().contentType(ContentType.JSON).body(scanned).post("/api/v1/devices").then().statusCode(201)
                .body("udiDi", equalTo("00884838101180")).body("lotNumber", equalTo("ABC123"))
                .body("serialNumber", equalTo("S1"));
        Map<String, Object> hibcc = pump("S-2");
        hibcc.put("udi", org.vigil.udi.HibccCode.withCheck("+H123PN10011/$$3271231LOT9"));
        t.call().contentType(ContentType.JSON).body(hibcc).post("/api/v1/devices").then().statusCode(201)
                .body("udiDi", equalTo("H123PN10011")).body("lotNumber", equalTo("LOT9"))
                .body("expirationDate", equalTo("2027-12-31"));
    }

    @Test
    void wrongCheckDigitAndDisagreeingFieldsAreNamed() {
        Api.Tenant t = Api.newHospital("Check digit");
        Map<String, Object> wrong = pump("W-1");
        wrong.put("udi", "(01)00884838101181(10)ABC123");
        t.call().contentType(ContentType.JSON).body(wrong).post("/api/v1/devices").then().statusCode(400)
                .body("errors[0].field", equalTo("udi"))
                .body("errors[0].message", equalTo("GTIN 00884838101181 has the wrong check digit 1: for "
                        + "0088483810118 it must be 0 (is a digit mistyped?)"));
        Map<String, Object> disagree = pump("W-2");
        disagree.put("udi", "(01)00884838101180(10)ABC123");
        disagree.put("lotNumber", "XYZ");
        disagree.put("udiDi", "00844505000772");
        t.call().contentType(ContentType.JSON).body(disagree).post("/api/v1/devices").then().statusCode(400)
                .body("errors.field", hasItem("lotNumber"))
                .body("errors.field", hasItem("udiDi"))
                .body("errors.message", hasItem("'XYZ' differs from the lot 'ABC123' in the UDI"));
        t.call().get("/api/v1/devices").then().body("total", equalTo(0));
    }

    @Test
    void csvImportReadsSerialLotAndUdiColumns() {
        Api.Tenant t = Api.newHospital("Identity CSV");
        String csv = "Asset ID,Manufacturer,Model,Serial Number,Lot,UDI\n"
                + "C-1,Medtronic,MiniMed 780G,SN1,,(01)00884838101180(10)L1\n"
                + "C-2,Medtronic,MiniMed 780G,SN2,L2,\n";
        t.call().contentType("text/csv").body(csv).post("/api/v1/devices/import").then().statusCode(200)
                .body("created", equalTo(2)).body("rejected", equalTo(0));
        t.call().get("/api/v1/devices?q=C-1").then().body("items[0].serialNumber", equalTo("SN1"))
                .body("items[0].lotNumber", equalTo("L1")).body("items[0].udiDi", equalTo("00884838101180"));
        t.call().get("/api/v1/devices?q=C-2").then().body("items[0].lotNumber", equalTo("L2"));
    }
}
