package org.vigil.inventory;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigil.support.Api;

@QuarkusTest
class DeviceResourceTest {

    private static Map<String, Object> device(String assetId, String manufacturer, String model, String version) {
        Map<String, Object> d = new HashMap<>();
        d.put("assetId", assetId);
        d.put("manufacturer", manufacturer);
        d.put("model", model);
        d.put("version", version);
        d.put("quantity", 3);
        d.put("location", "ICU 4");
        return d;
    }

    @Test
    void createReadUpdateDelete() {
        Api.Tenant t = Api.newHospital("CRUD");
        Map<String, Object> body = device("BM-1", "Contec Medical Systems Co., Ltd.", "CMS 8000", "FW v2.0.6");
        body.put("udiDi", "00844505000772");
        body.put("productCode", "mhx");
        String id = t.call().contentType(ContentType.JSON).body(body).post("/api/v1/devices")
                .then().statusCode(201)
                .body("productCode", equalTo("MHX"))
                .body("udiDi", equalTo("00844505000772"))
                .body("quantity", equalTo(3))
                .extract().path("id");

        t.call().get("/api/v1/devices/" + id).then().statusCode(200).body("model", equalTo("CMS 8000"));

        body.put("version", "2.0.7");
        body.put("quantity", 5);
        t.call().contentType(ContentType.JSON).body(body).put("/api/v1/devices/" + id)
                .then().statusCode(200).body("version", equalTo("2.0.7")).body("quantity", equalTo(5));

        t.call().delete("/api/v1/devices/" + id).then().statusCode(204);
        t.call().get("/api/v1/devices/" + id).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void validationNamesEveryBadField() {
        Api.Tenant t = Api.newHospital("Validation");
        Map<String, Object> body = device("X", "", "M", null);
        body.put("udiDi", "00844505000773");
        body.put("productCode", "MH1");
        body.put("quantity", 0);
        t.call().contentType(ContentType.JSON).body(body).post("/api/v1/devices")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("manufacturer"))
                .body("errors.field", hasItem("udiDi"))
                .body("errors.field", hasItem("productCode"))
                .body("errors.field", hasItem("quantity"));
        t.call().get("/api/v1/devices").then().body("total", equalTo(0));
    }

    @Test
    void wrongJsonTypeNamesTheField() {
        Api.Tenant t = Api.newHospital("Types");
        t.call().contentType(ContentType.JSON).body("{\"manufacturer\":\"GE\",\"model\":\"Carescape\",\"quantity\":\"many\"}")
                .post("/api/v1/devices").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("quantity"));
    }

    @Test
    void duplicateAssetIdIsConflict() {
        Api.Tenant t = Api.newHospital("Dup");
        t.call().contentType(ContentType.JSON).body(device("A-1", "GE", "B40", null)).post("/api/v1/devices")
                .then().statusCode(201);
        t.call().contentType(ContentType.JSON).body(device("A-1", "GE", "B40", null)).post("/api/v1/devices")
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void listFiltersAndPages() {
        Api.Tenant t = Api.newHospital("List");
        t.call().contentType(ContentType.JSON).body(device("L-1", "Philips", "IntelliVue MX800", "M.00")).post("/api/v1/devices");
        t.call().contentType(ContentType.JSON).body(device("L-2", "Philips", "IntelliVue MX450", null)).post("/api/v1/devices");
        t.call().contentType(ContentType.JSON).body(device("L-3", "B. Braun", "Infusomat Space", "686E")).post("/api/v1/devices");

        t.call().get("/api/v1/devices?manufacturer=philips").then().statusCode(200)
                .body("total", equalTo(2)).body("items", hasSize(2));
        t.call().get("/api/v1/devices?q=infusomat").then().body("total", equalTo(1))
                .body("items[0].assetId", equalTo("L-3"));
        t.call().get("/api/v1/devices?q=100%25").then().body("total", equalTo(0));
        t.call().get("/api/v1/devices?size=2&page=1").then().body("total", equalTo(3))
                .body("items", hasSize(1)).body("page", equalTo(1)).body("size", equalTo(2));
        t.call().get("/api/v1/devices?size=0").then().statusCode(400).body("errors[0].field", equalTo("size"));
    }

    @Test
    void tenantsAreIsolated() {
        Api.Tenant a = Api.newHospital("Iso A");
        Api.Tenant b = Api.newHospital("Iso B");
        String id = a.call().contentType(ContentType.JSON).body(device("SECRET-1", "Medtronic", "MiniMed 508", null))
                .post("/api/v1/devices").then().statusCode(201).extract().path("id");

        b.call().get("/api/v1/devices/" + id).then().statusCode(404);
        b.call().contentType(ContentType.JSON).body(device("X", "Y", "Z", null)).put("/api/v1/devices/" + id)
                .then().statusCode(404);
        b.call().delete("/api/v1/devices/" + id).then().statusCode(404);
        b.call().get("/api/v1/devices?q=MiniMed").then().body("total", equalTo(0))
                .body("items.id", not(hasItem(id)));
        a.call().get("/api/v1/devices/" + id).then().statusCode(200);
    }

    @Test
    void operatorKeyHasNoInventory() {
        Api.asOperator().get("/api/v1/devices").then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void csvImportLandsGoodRowsAndReportsTheBadLine() {
        Api.Tenant t = Api.newHospital("CSV");
        String csv = "\uFEFFmanufacturer,model,asset_id,version,udi_di,product_code,quantity,location,department\r\n"
                + "\"Contec Medical Systems Co., Ltd.\",CMS 8000,BM-1,FW v2.0.6,,MHX,2,\"Ward 4, bed 2\",ICU\r\n"
                + "Baxter,Sigma Spectrum,INF-1,8.00.01,00085412601502,FRN,10,Pharmacy,\r\n"
                + ",Missing maker,BAD-1,,,,1,,\r\n"
                + "GE Healthcare,CARESCAPE B650,GE-1,,,MHX,lots,,\r\n"
                + "Philips,IntelliVue MX800,PH-1,,,,1,ICU,ICU\r\n";
        t.call().contentType("text/csv").body(csv).post("/api/v1/devices/import").then().statusCode(200)
                .body("created", equalTo(3)).body("updated", equalTo(0)).body("rejected", equalTo(2))
                .body("errors[0].line", equalTo(4))
                .body("errors[0].message", containsString("manufacturer"))
                .body("errors[1].line", equalTo(5))
                .body("errors[1].message", containsString("quantity"));
        t.call().get("/api/v1/devices?q=Ward 4").then().body("total", equalTo(1))
                .body("items[0].manufacturer", equalTo("Contec Medical Systems Co., Ltd."))
                .body("items[0].location", equalTo("Ward 4, bed 2"));
        t.call().get("/api/v1/devices?q=BAD-1").then().body("total", equalTo(0));

        // The same file again updates by asset_id instead of duplicating.
        t.call().contentType("text/csv").body(csv.replace("FW v2.0.6", "FW v2.0.7"))
                .post("/api/v1/devices/import").then().statusCode(200)
                .body("created", equalTo(0)).body("updated", equalTo(3));
        t.call().get("/api/v1/devices").then().body("total", equalTo(3));
        t.call().get("/api/v1/devices?q=BM-1").then().body("items[0].version", equalTo("FW v2.0.7"));
    }

    @Test
    void csvWithoutRequiredColumnIsRejectedWhole() {
        Api.Tenant t = Api.newHospital("CSV header");
        t.call().contentType("text/csv").body("colour,model\nblue,B40\n").post("/api/v1/devices/import")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].line", equalTo(1)).body("detail", containsString("manufacturer"));
    }

    @Test
    void oversizeUploadIs413() {
        Api.Tenant t = Api.newHospital("Big");
        StringBuilder csv = new StringBuilder("manufacturer,model\n");
        String row = "Some Manufacturer Incorporated,Some Model Name 1234567890\n";
        while (csv.length() < 10 * 1024 * 1024 + 10) {
            csv.append(row);
        }
        t.call().contentType("text/csv").body(csv.toString()).post("/api/v1/devices/import")
                .then().statusCode(413).contentType("application/problem+json");
        t.call().get("/api/v1/devices").then().body("total", equalTo(0));
    }
}
