package org.vigil.support;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The public REST API of a Vigil started by {@link VigilProcess}, used exactly as a client would. */
public final class VigilClient {

    private final String baseUri;

    public VigilClient(int port) {
        this.baseUri = "http://127.0.0.1:" + port;
    }

    /** Creates a hospital and returns its API key. */
    public String newHospitalKey() {
        return newHospitalKey("Crash Test Hospital");
    }

    public String newHospitalKey(String name) {
        return as(VigilProcess.OPERATOR_KEY).contentType(ContentType.JSON)
                .body(Map.of("name", name, "contactEmail", "biomed@example.org"))
                .post("/api/v1/hospitals").then().statusCode(201).extract().path("apiKey");
    }

    public void subscribeWebhook(String key, String url) {
        as(key).contentType(ContentType.JSON).body(Map.of("name", "receiver", "channel", "WEBHOOK", "url", url))
                .post("/api/v1/subscriptions").then().statusCode(201);
    }

    public void subscribeEmail(String key, String address) {
        as(key).contentType(ContentType.JSON).body(Map.of("name", "mail", "channel", "EMAIL", "emails", List.of(address)))
                .post("/api/v1/subscriptions").then().statusCode(201);
    }

    public void addDevice(String key, String manufacturer, String model, String version) {
        as(key).contentType(ContentType.JSON)
                .body(Map.of("assetId", "MON-1", "manufacturer", manufacturer, "model", model, "version", version))
                .post("/api/v1/devices").then().statusCode(201);
    }

    /** Imports a CSV inventory; returns how many devices it created. */
    public int importCsv(String key, String csv) {
        return as(key).contentType("text/csv").body(csv).post("/api/v1/devices/import").then().statusCode(200)
                .extract().path("created");
    }

    /** Queues a full re-match (operator) and returns the run id. */
    public String startRematch() {
        return as(VigilProcess.OPERATOR_KEY).post("/api/v1/matching/rematch").then().statusCode(202)
                .extract().path("id");
    }

    /** One re-match run as the API shows it. */
    public Map<String, Object> rematchRun(String id) {
        return as(VigilProcess.OPERATOR_KEY).get("/api/v1/matching/runs/" + id).then().statusCode(200)
                .extract().jsonPath().getMap("$");
    }

    /** Starts a cisa-csaf run (operator) and returns its id without waiting. */
    public String startCsaf() {
        return as(VigilProcess.OPERATOR_KEY).post("/api/v1/sources/cisa-csaf/runs")
                .then().statusCode(202).extract().path("id");
    }

    /** The run's status (QUEUED, RUNNING, SUCCEEDED, PARTIAL, FAILED, SKIPPED). */
    public String csafRunStatus(String id) {
        return as(VigilProcess.OPERATOR_KEY).get("/api/v1/sources/cisa-csaf/runs/" + id).then().statusCode(200)
                .extract().path("status");
    }

    /** Waits until the run has ended and returns its status. */
    public String awaitCsaf(String id) {
        String[] status = new String[1];
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() -> {
            status[0] = csafRunStatus(id);
            return !List.of("QUEUED", "RUNNING").contains(status[0]);
        });
        return status[0];
    }

    /** Starts a cisa-csaf run (operator) and waits until it succeeded. */
    public void runCsafAndWait() {
        String status = awaitCsaf(startCsaf());
        if (!status.equals("SUCCEEDED")) {
            throw new AssertionError("cisa-csaf run ended " + status);
        }
    }

    /** The last runs of cisa-csaf (operator). */
    public List<Map<String, Object>> csafRuns() {
        return as(VigilProcess.OPERATOR_KEY).queryParam("size", 500).get("/api/v1/sources/cisa-csaf/runs").then()
                .statusCode(200).extract().jsonPath().getList("items");
    }

    /** The hospital's delivery log (one page is plenty here). */
    public List<Map<String, Object>> deliveries(String key) {
        return as(key).queryParam("size", 500).get("/api/v1/deliveries").then().statusCode(200)
                .extract().jsonPath().getList("items");
    }

    /** The hospital's findings (one page). */
    public List<Map<String, Object>> findings(String key) {
        return as(key).queryParam("size", 500).get("/api/v1/findings").then().statusCode(200)
                .extract().jsonPath().getList("items");
    }

    /** How many advisories the catalogue holds that match {@code q}. */
    public int advisoryCount(String q) {
        return as(VigilProcess.OPERATOR_KEY).queryParam("q", q).queryParam("size", 1).get("/api/v1/advisories")
                .then().statusCode(200).extract().path("total");
    }

    public RequestSpecification as(String key) {
        return given().baseUri(baseUri).header("Authorization", "Bearer " + key);
    }
}
