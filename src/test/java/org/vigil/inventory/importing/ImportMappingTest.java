package org.vigil.inventory.importing;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.vigil.support.Api;

/** CMMS column names, explicit and saved mappings, and dry runs. */
@QuarkusTest
class ImportMappingTest {

    /** An export in the shape of a hospital CMMS asset report (column names and order as such systems write them). */
    static final String CMMS = "Asset ID,Equipment Type,Manufacturer,Model,Version,Serial,Software Version,"
            + "Building,Room,Department,Cost Center,Qty\n"
            + "100234,Infusion Pump,Baxter,Sigma Spectrum,Rev C,SP1234567,8.00.01,Main,3W-12,ICU,4010,1\n"
            + "100235,Patient Monitor,Philips,IntelliVue MX800,,DE12345678,M.00.03,Main,4B,CCU,4020,1\n";

    @Test
    void cmmsExportImportsEveryFieldAndSaysWhichVersionColumnItUsed() {
        Api.Tenant t = Api.newHospital("CMMS");
        t.call().contentType("text/csv").body(CMMS).post("/api/v1/devices/import").then().statusCode(200)
                .body("created", equalTo(2)).body("rejected", equalTo(0))
                .body("read.columns.serialNumber", equalTo("Serial"))
                .body("read.columns.version", equalTo("Software Version"))
                .body("read.columns.location", equalTo("Building + Room"))
                .body("ignoredColumns", hasItem("Version"))
                .body("ignoredColumns", hasItem("Equipment Type"))
                .body("notes", hasItem(containsString("'Version', 'Software Version' all map to version: used "
                        + "'Software Version'")));
        t.call().get("/api/v1/devices?q=100234").then()
                .body("items[0].serialNumber", equalTo("SP1234567"))
                .body("items[0].version", equalTo("8.00.01"))
                .body("items[0].location", equalTo("Main / 3W-12"))
                .body("items[0].department", equalTo("ICU"));
    }

    @Test
    void headerNamesAreCaseAndPunctuationInsensitive() {
        Api.Tenant t = Api.newHospital("Headers");
        t.call().contentType("text/csv").body("SERIAL,manufacturer_name,Model-Number,software version\n"
                + "S-1,GE Healthcare,CARESCAPE B650,2.0\n").post("/api/v1/devices/import").then().statusCode(200)
                .body("created", equalTo(1));
        t.call().get("/api/v1/devices").then().body("items[0].model", equalTo("CARESCAPE B650"))
                .body("items[0].serialNumber", equalTo("S-1"));
    }

    @Test
    void explicitMappingSavedMappingAndTheirErrors() {
        Api.Tenant t = Api.newHospital("Mapping");
        String german = "Inventarnummer;Hersteller;Typ;Seriennummer\nINV-1;Dräger;Infinity Delta;ASDF-1\n";
        t.call().contentType("text/csv").body(german).post("/api/v1/devices/import").then().statusCode(400)
                .body("detail", containsString("no column for manufacturer"))
                .body("detail", containsString("?map=<column>:manufacturer"));
        t.call().contentType("text/csv").queryParam("map", "Hersteller:manufacturer,Typ:model,Inventarnummer:assetId")
                .body(german).post("/api/v1/devices/import").then().statusCode(200).body("created", equalTo(1))
                .body("ignoredColumns", hasItem("Seriennummer"));
        t.call().contentType("text/csv").queryParam("map", "Hersteller:maker_name").body(german)
                .post("/api/v1/devices/import").then().statusCode(400).body("errors[0].field", equalTo("map"))
                .body("detail", containsString("fields: assetId, manufacturer, model"));

        t.call().contentType(ContentType.JSON).body("{\"mapping\":{\"Hersteller\":\"manufacturer\",\"Typ\":\"model\","
                + "\"Inventarnummer\":\"assetId\",\"Seriennummer\":\"serialNumber\"}}")
                .put("/api/v1/import-mapping").then().statusCode(200).body("mapping.Typ", equalTo("model"));
        t.call().get("/api/v1/import-mapping").then().body("mapping.Seriennummer", equalTo("serialNumber"))
                .body("updatedBy", org.hamcrest.Matchers.notNullValue());
        t.call().contentType("text/csv").body(german).post("/api/v1/devices/import").then().statusCode(200)
                .body("updated", equalTo(1)).body("read.columns.serialNumber", equalTo("Seriennummer"));
        t.call().get("/api/v1/devices?q=INV-1").then().body("items[0].serialNumber", equalTo("ASDF-1"));
        Api.newHospital("Other").call().get("/api/v1/import-mapping").then().body("updatedAt", nullValue());

        t.call().contentType(ContentType.JSON).body("{\"mapping\":{\"Typ\":\"modell\"}}").put("/api/v1/import-mapping")
                .then().statusCode(400).body("errors[0].field", equalTo("mapping.Typ"));
        t.call().delete("/api/v1/import-mapping").then().statusCode(204);
        t.call().get("/api/v1/import-mapping").then().body("mapping.size()", equalTo(0));
    }

    @Test
    void dryRunSaysWhatWouldHappenAndWritesNothing() {
        Api.Tenant t = Api.newHospital("Dry run");
        t.call().contentType("text/csv").body("asset_id,manufacturer,model\nA-1,GE,B40\n").post("/api/v1/devices/import")
                .then().statusCode(200);
        String csv = "asset_id,manufacturer,model\nA-1,GE,B450\nA-2,Philips,MX40\nA-3,,MX40\n";
        t.call().contentType("text/csv").queryParam("dryRun", "true").body(csv).post("/api/v1/devices/import")
                .then().statusCode(200).body("dryRun", equalTo(true)).body("created", equalTo(1))
                .body("updated", equalTo(1)).body("rejected", equalTo(1)).body("errors[0].line", equalTo(4))
                .body("notes", hasItem("dry run: nothing was written"));
        t.call().get("/api/v1/devices").then().body("total", equalTo(1)).body("items[0].model", equalTo("B40"));
    }
}
