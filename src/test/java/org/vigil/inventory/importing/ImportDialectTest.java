package org.vigil.inventory.importing;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.vigil.ingest.IngestRun;
import org.vigil.ingest.IngestService;
import org.vigil.support.Api;

/**
 * Files the way hospitals have them: Excel's CSV on Western Windows (Windows-1252), "Unicode Text" (UTF-16 with
 * BOM, tabs), European Excel (semicolons), TSV, multipart uploads. Requests are sent as curl sends them: the
 * Content-Type without an invented charset.
 */
@QuarkusTest
@WithTestResource(DragerMirror.class)
class ImportDialectTest {

    private static final String ROWS = "Asset ID;Manufacturer;Model;Software Version\r\n"
            + "MON-1;Dräger;Infinity Delta;VF8.4\r\n"
            + "MON-2;Löwenstein Medical;Elisée 150;2.1\r\n";

    @Inject
    IngestService ingest;

    private static RequestSpecification asCurl(Api.Tenant t) {
        return t.call().config(RestAssured.config().encoderConfig(EncoderConfig.encoderConfig()
                .appendDefaultContentCharsetToContentTypeIfUndefined(false)));
    }

    private static byte[] withBom(byte[] bom, String text, Charset charset) {
        return TextDecoderTest.bom(bom, text.getBytes(charset));
    }

    @Test
    void windows1252FileKeepsDraegerAndMatchesTheAdvisory() {
        Api.Tenant t = Api.newHospital("Cp1252");
        asCurl(t).contentType("text/csv").body(ROWS.getBytes(Charset.forName("windows-1252")))
                .post("/api/v1/devices/import").then().statusCode(200)
                .body("created", equalTo(2)).body("rejected", equalTo(0))
                .body("read.encoding", equalTo("windows-1252"))
                .body("read.delimiter", equalTo(";"))
                .body("read.columns.version", equalTo("Software Version"));
        t.call().get("/api/v1/devices?q=MON-1").then().body("items[0].manufacturer", equalTo("Dräger"));
        t.call().get("/api/v1/devices?q=MON-2").then().body("items[0].model", equalTo("Elisée 150"));

        IngestRun run = ingest.run("cisa-csaf", IngestRun.Trigger.MANUAL);
        org.junit.jupiter.api.Assertions.assertEquals(IngestRun.Status.SUCCEEDED, run.status, run.message);
        t.call().get("/api/v1/findings?advisoryId=ICSMA-19-022-01").then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].device.assetId", equalTo("MON-1"))
                .body("items[0].device.manufacturer", equalTo("Dräger"))
                .body("items[0].reasons", hasItem(containsString("vendor 'Dräger'")));
    }

    @Test
    void utf16WithByteOrderMarkEitherWay() {
        Api.Tenant t = Api.newHospital("UTF-16");
        String tabs = ROWS.replace(';', '\t');
        asCurl(t).contentType("text/plain").body(withBom(new byte[] {(byte) 0xFF, (byte) 0xFE}, tabs,
                StandardCharsets.UTF_16LE)).post("/api/v1/devices/import").then().statusCode(200)
                .body("created", equalTo(2)).body("read.encoding", equalTo("UTF-16LE"))
                .body("read.delimiter", equalTo("\t"));
        Api.Tenant b = Api.newHospital("UTF-16BE");
        asCurl(b).contentType("text/csv").body(withBom(new byte[] {(byte) 0xFE, (byte) 0xFF}, ROWS,
                StandardCharsets.UTF_16BE)).post("/api/v1/devices/import").then().statusCode(200)
                .body("created", equalTo(2)).body("read.encoding", equalTo("UTF-16BE"));
        b.call().get("/api/v1/devices?q=MON-2").then().body("items[0].manufacturer", equalTo("Löwenstein Medical"));
    }

    @Test
    void tabSeparatedValuesAndAnExplicitDelimiter() {
        Api.Tenant t = Api.newHospital("TSV");
        String tsv = "manufacturer\tmodel\tlocation\nGE Healthcare\tCARESCAPE B650\tICU, bed 3\n";
        asCurl(t).contentType("text/tab-separated-values").body(tsv.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/devices/import").then().statusCode(200).body("created", equalTo(1))
                .body("read.delimiter", equalTo("\t"));
        t.call().get("/api/v1/devices").then().body("items[0].location", equalTo("ICU, bed 3"));
        String pipes = "manufacturer|model\nPhilips|IntelliVue MX40\n";
        asCurl(t).contentType("text/csv").queryParam("delimiter", "|").body(pipes.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/devices/import").then().statusCode(200).body("created", equalTo(1));
        asCurl(t).contentType("text/csv").queryParam("delimiter", "colon").body(pipes.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/devices/import").then().statusCode(400)
                .body("errors[0].field", equalTo("delimiter"));
    }

    @Test
    void multipartFilePartAsBrowsersAndCurlSendIt() {
        Api.Tenant t = Api.newHospital("Multipart");
        t.call().multiPart("file", "devices.csv", ROWS.getBytes(Charset.forName("windows-1252")),
                "application/octet-stream").post("/api/v1/devices/import").then().statusCode(200)
                .body("created", equalTo(2)).body("read.encoding", equalTo("windows-1252"));
        t.call().multiPart("upload", "devices.json",
                "[{\"manufacturer\":\"GE\",\"model\":\"B40\"}]".getBytes(StandardCharsets.UTF_8), "application/json")
                .post("/api/v1/devices/import").then().statusCode(200).body("read.format", equalTo("json"));
        t.call().multiPart("file", "devices.xlsx", new byte[] {'P', 'K', 3, 4}, "application/octet-stream")
                .post("/api/v1/devices/import").then().statusCode(415)
                .body("detail", containsString("save the sheet as 'CSV UTF-8'"));
        t.call().multiPart("note", "hello").post("/api/v1/devices/import").then().statusCode(400)
                .body("detail", containsString("no file part"));
    }

    @Test
    void undecodableBytesAre400NamingTheLine() {
        Api.Tenant t = Api.newHospital("Bad bytes");
        byte[] bytes = "manufacturer,model\nGE,B40\nGE,B4?0\n".getBytes(StandardCharsets.US_ASCII);
        bytes[bytes.length - 3] = (byte) 0x81;
        asCurl(t).contentType("text/csv").body(bytes).post("/api/v1/devices/import").then().statusCode(400)
                .body("errors[0].line", equalTo(3)).body("detail", startsWith("line 3: byte 0x81"));
        t.call().get("/api/v1/devices").then().body("total", equalTo(0));
        // a file an earlier tool already damaged: the lost character is not stored as U+FFFD
        asCurl(t).contentType("text/csv").body("manufacturer,model\nDr\uFFFDger,Delta\nGE,B40\n"
                .getBytes(StandardCharsets.UTF_8)).post("/api/v1/devices/import").then().statusCode(200)
                .body("created", equalTo(1)).body("errors[0].line", equalTo(2))
                .body("errors[0].message", containsString("contains U+FFFD"));
    }

    @Test
    void unsupportedTypesAndEmptyFilesSayWhatToDo() {
        Api.Tenant t = Api.newHospital("415");
        asCurl(t).contentType("application/x-www-form-urlencoded").body("manufacturer,model\nGE,B40\n")
                .post("/api/v1/devices/import").then().statusCode(415)
                .body("detail", containsString("text/csv, text/tab-separated-values, text/plain, application/json"))
                .body("detail", containsString("add -H 'Content-Type: text/csv'"));
        asCurl(t).contentType("text/csv").body("manufacturer,model,asset_id GE,B40,A-1 Philips,MX40,A-2")
                .post("/api/v1/devices/import").then().statusCode(400)
                .body("detail", containsString("--data-binary"));
        asCurl(t).contentType("text/csv").body("manufacturer,model").post("/api/v1/devices/import").then()
                .statusCode(400).body("detail", containsString("no line breaks"));
        asCurl(t).contentType("text/csv").body("manufacturer,model\r\n\r\n").post("/api/v1/devices/import").then()
                .statusCode(400).body("detail", containsString("header row but no data rows"));
        asCurl(t).contentType("application/json").body("[]").post("/api/v1/devices/import").then()
                .statusCode(400).body("detail", containsString("no devices"));
    }

    @Test
    void jsonImportNamesTheElementIndexAndLine() {
        Api.Tenant t = Api.newHospital("JSON import");
        String json = "[{\"assetId\":\"J-0\",\"manufacturer\":\"Medtronic\",\"model\":\"MiniMed 508\"},"
                + "{\"assetId\":\"J-1\",\"manufacturer\":\"Medtronic\",\"model\":\"MiniMed 630G\"},\n"
                + "{\"assetId\":\"J-2\",\"Manufacturer Name\":\"BD\",\"Model Number\":\"Alaris 8015\",\"Serial\":\"S9\"},\n"
                + "{\"assetId\":\"J-3\",\"manufacturer\":\"Medtronic\",\"model\":\"\"},"
                + "{\"assetId\":\"J-4\",\"manufacturer\":\"BD\",\"model\":\"Alaris 8015\",\"quantity\":[]}]";
        asCurl(t).contentType("application/json").body(json).post("/api/v1/devices/import").then().statusCode(200)
                .body("created", equalTo(3)).body("rejected", equalTo(2))
                .body("errors.element", contains(3, 4))
                .body("errors.line", contains(3, 3))
                .body("errors[0].message", equalTo("[3]: model: is required"));
        t.call().get("/api/v1/devices?q=J-2").then().body("items[0].serialNumber", equalTo("S9"));
        asCurl(t).contentType("application/json").body("[{\"manufacturer\":\"GE\",\"model\":\"B40\",\"colour\":\"x\"}]")
                .post("/api/v1/devices/import").then().statusCode(400)
                .body("detail", containsString("[0]: unknown field 'colour'; accepted: assetId, manufacturer"));
        asCurl(t).contentType("application/json")
                .body("{\"mapping\":{\"colour\":\"ignore\",\"Typ\":\"model\"},\"devices\":[{\"manufacturer\":\"GE\","
                        + "\"Typ\":\"B40\",\"colour\":\"x\"}]}")
                .post("/api/v1/devices/import").then().statusCode(200).body("created", equalTo(1));
    }
}
