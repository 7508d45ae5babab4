package org.vigil.inventory.importing;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.vigil.support.Api;

/** FHIR R4 Device resources, as an EHR or asset system exports them, parsed with HAPI FHIR's R4 structures. */
@QuarkusTest
class FhirImportTest {

    /** A searchset Bundle in the shape FHIR servers return for GET /Device, with a Location entry mixed in. */
    static final String BUNDLE = """
            {
              "resourceType": "Bundle",
              "type": "searchset",
              "entry": [
                {
                  "fullUrl": "https://ehr.example.org/fhir/Device/pump-1",
                  "resource": {
                    "resourceType": "Device",
                    "id": "pump-1",
                    "identifier": [
                      {"type": {"text": "Asset Tag"}, "system": "urn:example:biomed", "value": "BIO-0042"},
                      {"type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0203", "code": "SNO"}]},
                       "value": "SP1234567"}
                    ],
                    "udiCarrier": [
                      {"deviceIdentifier": "00884838101180",
                       "carrierHRF": "(01)00884838101180(17)270101(10)LOT-9(21)SP1234567"}
                    ],
                    "status": "active",
                    "manufacturer": "Baxter Healthcare Corporation",
                    "serialNumber": "SP1234567",
                    "deviceName": [
                      {"name": "Sigma Spectrum Infusion System", "type": "user-friendly-name"},
                      {"name": "Sigma Spectrum", "type": "model-name"}
                    ],
                    "modelNumber": "35700BAX",
                    "version": [
                      {"type": {"text": "hardware"}, "value": "Rev C"},
                      {"type": {"text": "software"}, "value": "8.00.01"}
                    ],
                    "owner": {"display": "ICU"},
                    "location": {"reference": "Location/icu-3w", "display": "Main 3W-12"}
                  }
                },
                {
                  "resource": {"resourceType": "Location", "id": "icu-3w", "name": "Main 3W-12"}
                },
                {
                  "resource": {
                    "resourceType": "Device",
                    "id": "mon-7",
                    "manufacturer": "Philips",
                    "deviceName": [{"name": "IntelliVue MX800", "type": "model-name"}],
                    "version": [{"value": "M.00.03"}]
                  }
                },
                {
                  "resource": {
                    "resourceType": "Device",
                    "id": "bad-1",
                    "manufacturer": "GE Healthcare",
                    "udiCarrier": [{"deviceIdentifier": "00884838101181"}],
                    "deviceName": [{"name": "CARESCAPE B650", "type": "model-name"}]
                  }
                },
                {
                  "resource": {"resourceType": "Device", "id": "gone", "status": "entered-in-error",
                               "manufacturer": "X", "deviceName": [{"name": "Y"}]}
                }
              ]
            }
            """;

    @Test
    void bundleOfDevicesImportsWithIdentityFieldsAndNamesBadEntries() {
        Api.Tenant t = Api.newHospital("FHIR");
        t.call().contentType("application/fhir+json").body(BUNDLE).post("/api/v1/devices/import").then()
                .statusCode(200)
                .body("read.format", equalTo("fhir"))
                .body("created", equalTo(2)).body("rejected", equalTo(1))
                .body("errors[0].element", equalTo(3))
                .body("errors[0].line", equalTo(47))
                .body("errors[0].message", containsString("[3]: udiDi: GTIN 00884838101181 has the wrong check digit"))
                .body("notes", hasItem("entry [4] (line 56) skipped: status entered-in-error"))
                .body("notes", hasItem("1 bundle entries are not Device resources and were skipped"));
        t.call().get("/api/v1/devices?q=BIO-0042").then().body("total", equalTo(1))
                .body("items[0].manufacturer", equalTo("Baxter Healthcare Corporation"))
                .body("items[0].model", equalTo("Sigma Spectrum 35700BAX"))
                .body("items[0].version", equalTo("8.00.01"))
                .body("items[0].serialNumber", equalTo("SP1234567"))
                .body("items[0].lotNumber", equalTo("LOT-9"))
                .body("items[0].udiDi", equalTo("00884838101180"))
                .body("items[0].udi", equalTo("(01)00884838101180(17)270101(10)LOT-9(21)SP1234567"))
                .body("items[0].location", equalTo("Main 3W-12"))
                .body("items[0].department", equalTo("ICU"));
        t.call().get("/api/v1/devices?q=mon-7").then().body("items[0].model", equalTo("IntelliVue MX800"))
                .body("items[0].version", equalTo("M.00.03"));
        // the same bundle again updates by asset id (the identifier, else the resource id)
        t.call().contentType("application/fhir+json").body(BUNDLE).post("/api/v1/devices/import").then()
                .body("created", equalTo(0)).body("updated", equalTo(2));
    }

    @Test
    void aSingleDeviceAlsoAsPlainJsonAndOtherResourcesAreRefused() {
        Api.Tenant t = Api.newHospital("FHIR one");
        t.call().contentType("application/json").body("{\"resourceType\":\"Device\",\"id\":\"d1\",\"manufacturer\":"
                + "\"Medtronic\",\"deviceName\":[{\"name\":\"MiniMed 780G\",\"type\":\"model-name\"}],"
                + "\"lotNumber\":\"L77\"}").post("/api/v1/devices/import").then().statusCode(200)
                .body("read.format", equalTo("fhir")).body("created", equalTo(1));
        t.call().get("/api/v1/devices").then().body("items[0].lotNumber", equalTo("L77"))
                .body("items[0].assetId", equalTo("d1"));
        t.call().contentType("application/fhir+json").body("{\"resourceType\":\"Patient\",\"id\":\"p\"}")
                .post("/api/v1/devices/import").then().statusCode(400)
                .body("detail", containsString("expected a FHIR Bundle of Device resources or one Device, got Patient"));
        t.call().contentType("application/fhir+json").body("{\"resourceType\":\"Device\",")
                .post("/api/v1/devices/import").then().statusCode(400)
                .body("detail", containsString("not a FHIR R4 resource"));
    }
}
