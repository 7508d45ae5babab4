package org.vigil.console;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.vigil.support.Api;

/**
 * What a user does in the console, in real headless Chromium: sign in with a hospital key, import a CSV, find
 * the Contec CMS8000 finding (advisory ingested by the real cisa-csaf source from an offline mirror), read its
 * evidence, triage it, subscribe a webhook, sign out; the operator starts an ingest and creates a hospital.
 * axe-core checks every page on the way.
 */
@QuarkusTest
@WithTestResource(ConsoleMirrorResource.class)
class ConsoleBrowserTest {

    @TestHTTPResource("/")
    URL base;

    private final List<Browser> open = new ArrayList<>();

    /** Saves the pages of a failed test under target/console-screenshots, then closes the browsers. */
    @RegisterExtension
    final TestWatcher screenshots = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            open.forEach(b -> b.saveScreenshots(context.getDisplayName() + "-" + open.indexOf(b)));
            close();
        }

        @Override
        public void testSuccessful(ExtensionContext context) {
            close();
        }

        @Override
        public void testAborted(ExtensionContext context, Throwable cause) {
            close();
        }

        @Override
        public void testDisabled(ExtensionContext context, Optional<String> reason) {
            close();
        }

        private void close() {
            open.forEach(Browser::close);
            open.clear();
        }
    };

    @BeforeEach
    void advisoryIngested() {
        Browser.requireChromium();
        if (Api.asOperator().get("/api/v1/advisories/" + ConsoleMirrorResource.ADVISORY).statusCode() == 200) {
            return;
        }
        String run = Api.asOperator().post("/api/v1/sources/cisa-csaf/runs").then().statusCode(202).extract().path("id");
        await().atMost(Duration.ofSeconds(60)).until(() -> !List.of("QUEUED", "RUNNING").contains(Api.asOperator()
                .get("/api/v1/sources/cisa-csaf/runs/" + run).then().extract().<String>path("status")));
        Api.asOperator().get("/api/v1/advisories/" + ConsoleMirrorResource.ADVISORY).then().statusCode(200);
    }

    private Browser browser() {
        Browser b = new Browser(base.toString());
        open.add(b);
        return b;
    }

    private static Browser signIn(Browser b, String key) {
        b.open("/ui/login");
        b.find("#apiKey").sendKeys(key);
        b.find("form button[type=submit]").click();
        return b.page();
    }

    @Test
    void hospitalImportsFindsTriagesSubscribesAndSignsOut() throws Exception {
        Api.Tenant t = Api.newHospital("Browser hospital");
        Browser b = signIn(browser(), t.key());
        assertTrue(b.driver.getCurrentUrl().endsWith("/ui/"), b.driver.getCurrentUrl());
        assertTrue(b.text("h1").contains("What needs attention"));

        // Import: one good Contec row, one row without a model (line 3), one unrelated pump.
        Path csv = Files.createTempFile("devices", ".csv");
        Files.writeString(csv, "asset_id,manufacturer,model,version,quantity,location\n"
                + "BM-0042,\"Contec Medical Systems Co., Ltd.\",CMS 8000,FW v2.0.6,3,Ward 4\n"
                + "BAD-1,Philips,,1.0,1,ICU\n"
                + "INF-1,Baxter,Sigma Spectrum,8.00.01,40,Pharmacy\n");
        b.open("/ui/devices");
        b.find("#file").sendKeys(csv.toAbsolutePath().toString());
        b.find("form[action='/ui/devices/import'] button").click();
        b.page();
        String result = b.text("#import-result");
        assertTrue(result.contains("2 created, 0 updated, 1 rejected"), result);
        assertTrue(b.find("#import-result table").getText().matches("(?s).*\\b3\\b.*model.*"), result);

        // "Why was I not alerted?": the pump's page explains the Contec advisory leaf by leaf.
        String pump = t.call().get("/api/v1/devices?q=INF-1").then().statusCode(200).extract().path("items[0].id");
        b.open("/ui/devices/" + pump);
        b.find("#explain").sendKeys(ConsoleMirrorResource.ADVISORY.toLowerCase(java.util.Locale.ROOT));
        b.find("#explain + button").click();
        b.page();
        assertTrue(b.text("#explain-verdict").startsWith("Not affected"), b.text("#explain-verdict"));
        assertTrue(b.text("#explain-products").contains("manufacturer 'Baxter' is not vendor"),
                b.text("#explain-products"));
        b.assertFitsWidth(390);

        // Home and the findings table show the Contec finding.
        b.open("/ui/");
        assertTrue(b.text("#newest-h + ul").contains(ConsoleMirrorResource.ADVISORY), b.body());
        b.open("/ui/findings?q=BM-0042");
        String table = b.text("#findings-table");
        assertTrue(table.contains(ConsoleMirrorResource.ADVISORY) && table.contains("CMS 8000"), table);
        b.assertFitsWidth(390);
        b.driver.findElement(By.linkText(ConsoleMirrorResource.ADVISORY)).click();
        b.page();

        // Its evidence, advisory and provenance.
        assertTrue(b.text(".evidence").contains("Contec"), b.text(".evidence"));
        assertTrue(b.body().contains("CVE-2025-0626") && b.body().contains("Unplug the monitor"), b.body());
        assertEquals("open", b.text("#finding-state"));
        b.assertFitsWidth(390);

        // NOT_AFFECTED needs a justification: the error stands at the field, the state stays.
        new Select(b.find("#state")).selectByValue("NOT_AFFECTED");
        b.find("#triage button[type=submit]").click();
        b.waitFor(Duration.ofSeconds(10), () -> !b.driver.findElements(By.id("justification-error")).isEmpty());
        b.page();
        assertTrue(b.text("#justification-error").contains("required for NOT_AFFECTED"), b.text("#triage"));
        assertEquals("true", b.find("#justification").getAttribute("aria-invalid"));
        assertEquals("open", b.text("#finding-state"));

        // Acknowledge with a justification: the state changes in place and stays after a reload.
        new Select(b.find("#state")).selectByValue("ACKNOWLEDGED");
        b.find("#justification").sendKeys("Ticket BIO-123: unplugged from the network");
        b.find("#triage button[type=submit]").click();
        // htmx replaces the whole #triage section once the answer is in: the element read before is gone then
        b.waitForText(Duration.ofSeconds(10), "#finding-state", "acknowledged");
        b.page();
        assertTrue(b.text("#triage").contains("Ticket BIO-123"), b.text("#triage"));
        b.driver.navigate().refresh();
        b.page();
        assertEquals("acknowledged", b.text("#finding-state"));
        docsScreenshot(b, "console-finding.png", 1100);
        b.open("/ui/findings");
        docsScreenshot(b, "console-findings.png", 700);
        b.driver.navigate().back();
        t.call().get("/api/v1/findings?advisoryId=" + ConsoleMirrorResource.ADVISORY).then()
                .body("items[0].state", equalTo("ACKNOWLEDGED"))
                .body("items[0].justification", equalTo("Ticket BIO-123: unplugged from the network"));

        // The advisory page: products with the version text as written, revision history.
        b.open("/ui/advisories?q=CMS8000");
        b.driver.findElement(By.linkText(ConsoleMirrorResource.ADVISORY)).click();
        b.page();
        assertTrue(b.text("#prod-h + .table-wrap").contains("vers:all/*"), b.body());
        assertTrue(b.body().contains("Initial Publication"), b.body());

        // A webhook subscription: the secret is shown once.
        b.open("/ui/subscriptions");
        b.find("#s-name").sendKeys("SOC webhook");
        b.find("input[name=channel][value=WEBHOOK]").click();
        b.find("#s-url").sendKeys("http://127.0.0.1:9/vigil");
        b.find("form[action='/ui/subscriptions'] button[type=submit]").click();
        b.page();
        String secret = b.text("#webhook-secret");
        assertTrue(secret.startsWith("whsec_"), secret);
        b.open("/ui/subscriptions");
        assertTrue(b.driver.findElements(By.id("webhook-secret")).isEmpty());
        assertFalse(b.driver.getPageSource().contains(secret), "the secret must not be shown again");
        assertTrue(b.body().contains("SOC webhook"));

        // Sign out: back to the sign-in page, and the console is closed.
        b.find(".signout button").click();
        b.page();
        assertTrue(b.driver.getCurrentUrl().endsWith("/ui/login"), b.driver.getCurrentUrl());
        b.open("/ui/findings");
        assertTrue(b.driver.getCurrentUrl().contains("/ui/login"), b.driver.getCurrentUrl());
        assertTrue(b.axeChecks() >= 15, "axe ran on " + b.axeChecks() + " pages");
    }

    /** With -Dbrowser.docs-screenshots=docs the walk also refreshes the pictures in docs/console.md. */
    private static void docsScreenshot(Browser b, String name, int height) {
        String dir = System.getProperty("browser.docs-screenshots");
        if (dir != null) {
            b.screenshot(Path.of(dir, name).toFile(), 1280, height);
        }
    }

    @Test
    void anotherHospitalGetsNotFoundAndAFormWithoutItsTokenIsRefused() {
        Api.Tenant a = Api.newHospital("Browser owner");
        Api.Tenant other = Api.newHospital("Browser other");
        a.call().contentType("text/csv").body("asset_id,manufacturer,model\nBM-1,Contec Medical Systems,CMS8000\n")
                .post("/api/v1/devices/import").then().statusCode(200).body("created", equalTo(1));
        String finding = a.call().get("/api/v1/findings?advisoryId=" + ConsoleMirrorResource.ADVISORY).then()
                .body("total", equalTo(1)).extract().path("items[0].id");

        Browser b = signIn(browser(), other.key());
        b.open("/ui/findings/" + finding);
        assertTrue(b.text("h1").contains("Not Found"), b.body());
        assertFalse(b.body().contains("CMS8000"), "nothing of the other hospital's finding shows");
        b.open("/ui/findings");
        assertFalse(b.text("#findings-table").contains(ConsoleMirrorResource.ADVISORY));

        Browser owner = signIn(browser(), a.key());
        owner.open("/ui/findings/" + finding);
        new Select(owner.find("#state")).selectByValue("MITIGATED");
        // A forged post: the same form without its CSRF field, sent past htmx as a plain form submission.
        ((JavascriptExecutor) owner.driver).executeScript("var f = document.querySelector('#triage form');"
                + "f.querySelector('input[name=\"csrf-token\"]').remove(); f.submit();");
        owner.waitFor(Duration.ofSeconds(10), () -> owner.text("h1").contains("Forbidden"));
        owner.page();
        assertTrue(owner.body().contains("security token"), owner.body());
        a.call().get("/api/v1/findings?advisoryId=" + ConsoleMirrorResource.ADVISORY).then()
                .body("items[0].state", equalTo("OPEN"));
    }

    @Test
    void operatorStartsAnIngestAndCreatesAHospitalWhoseKeyIsShownOnce() {
        Browser b = signIn(browser(), Api.OPERATOR_KEY);
        assertTrue(b.driver.getCurrentUrl().endsWith("/ui/operator/sources"), b.driver.getCurrentUrl());
        b.driver.findElement(By.linkText("cisa-csaf")).click();
        b.page();
        int before = b.driver.findElements(By.cssSelector("#runs tbody tr")).size();
        b.find("form[action$='/runs'] button").click();
        b.page();
        b.waitFor(Duration.ofSeconds(60), () -> {
            b.driver.navigate().refresh();
            String first = b.text("#runs tbody tr:first-child");
            return first.contains("succeeded") || first.contains("partial") || first.contains("failed");
        });
        b.page();
        String first = b.text("#runs tbody tr:first-child");
        assertTrue(first.contains("manual") && first.contains("succeeded") && first.contains("seen 1"), first);
        assertTrue(b.driver.findElements(By.cssSelector("#runs tbody tr")).size() > Math.max(0, before - 1));

        b.open("/ui/operator/hospitals");
        b.find("#h-name").sendKeys("St. Browser");
        b.find("#h-email").sendKeys("biomed@browser.example");
        b.find("form[action='/ui/operator/hospitals'] button").click();
        b.page();
        String key = b.text("#new-key");
        assertTrue(key.startsWith("vgl_"), key);
        b.open("/ui/operator/hospitals");
        assertFalse(b.driver.getPageSource().contains(key), "the key is shown once");
        b.open("/ui/operator/aliases");
        assertTrue(b.body().contains("Manufacturer aliases"));
        b.open("/ui/advisories");

        Browser hospital = signIn(browser(), key);
        assertTrue(hospital.text(".who").contains("St. Browser"), hospital.text(".who"));
    }
}
