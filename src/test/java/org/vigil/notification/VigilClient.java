package org.vigil.notification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.oneOf;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The public REST API of a Vigil started by {@link VigilProcess}, used exactly as a client would. */
final class VigilClient {

    private final String baseUri;

    VigilClient(int port) {
        this.baseUri = "http://127.0.0.1:" + port;
    }

    /** Creates a hospital and returns its API key. */
    String newHospitalKey() {
        return as(VigilProcess.OPERATOR_KEY).contentType(ContentType.JSON)
                .body(Map.of("name", "Crash Test Hospital", "contactEmail", "biomed@example.org"))
                .post("/api/v1/hospitals").then().statusCode(201).extract().path("apiKey");
    }

    void subscribeWebhook(String key, String url) {
        as(key).contentType(ContentType.JSON).body(Map.of("name", "receiver", "channel", "WEBHOOK", "url", url))
                .post("/api/v1/subscriptions").then().statusCode(201);
    }

    void addDevice(String key, String manufacturer, String model, String version) {
        as(key).contentType(ContentType.JSON)
                .body(Map.of("assetId", "MON-1", "manufacturer", manufacturer, "model", model, "version", version))
                .post("/api/v1/devices").then().statusCode(201);
    }

    /** Starts a cisa-csaf run (operator) and waits until it succeeded. */
    void runCsafAndWait() {
        String id = as(VigilProcess.OPERATOR_KEY).post("/api/v1/sources/cisa-csaf/runs")
                .then().statusCode(202).extract().path("id");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                !List.of("QUEUED", "RUNNING").contains(as(VigilProcess.OPERATOR_KEY)
                        .get("/api/v1/sources/cisa-csaf/runs/" + id).then().extract().<String>path("status")));
        as(VigilProcess.OPERATOR_KEY).get("/api/v1/sources/cisa-csaf/runs/" + id)
                .then().body("status", oneOf("SUCCEEDED"));
    }

    /** The hospital's delivery log (one page is plenty here). */
    List<Map<String, Object>> deliveries(String key) {
        return as(key).queryParam("size", 500).get("/api/v1/deliveries").then().statusCode(200)
                .extract().jsonPath().getList("items");
    }

    private RequestSpecification as(String key) {
        return given().baseUri(baseUri).header("Authorization", "Bearer " + key);
    }
}
