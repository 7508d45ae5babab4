package org.vigil.ingest.fda.recall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.advisory.AdvisoryDiff;
import org.vigil.advisory.AdvisoryDraft;
import org.vigil.advisory.ChangeType;
import org.vigil.advisory.Severity;

class RecallConverterTest {

    static final ObjectMapper JSON = new ObjectMapper();

    /** Shaped like the real Arrow International record of recall.json (openfda block shortened). */
    static final String ARROW_RECALL = """
            {"event_date_initiated":"2019-05-17","city":"Reading","address_1":"2400 Bernville Rd",
             "reason_for_recall":"Lidstock contains a labeling error.","product_code":"FOZ",
             "code_info":"Lot/Batch Numbers: 13F18C0374, 13F18H0580","product_quantity":"3,143",
             "distribution_pattern":"US Nationwide Distribution","k_numbers":["K900263"],"firm_fei_number":"2518433",
             "state":"PA","product_description":"Pediatric Two-Lumen Central Venous Catheterization\\nKit with Blue FlexTip ARROWg+ard Blue Catheter, REF AK-25502\\n\\nProduct Usage;  Provide short-term access",
             "root_cause_description":"Employee error","event_date_created":"2019-10-07",
             "openfda":{"k_number":["K833092","K900263"],"device_name":"Catheter, Intravascular, Therapeutic, Short-Term Less Than 30 Days","regulation_number":"880.5200","device_class":"2"},
             "event_date_terminated":"2020-09-24","recalling_firm":"Arrow International Inc",
             "product_res_number":"Z-0053-2020","recall_status":"Terminated","res_event_number":"82984",
             "event_date_posted":null,"postal_code":"19605-9607"}""";

    /** The matching enforcement record for the same recall number, in that endpoint's own field names and dates. */
    static final String ARROW_ENFORCEMENT = """
            {"status":"Ongoing","city":"Reading","state":"PA","country":"United States","classification":"Class II",
             "openfda":{},"product_type":"Devices","event_id":"82984","recalling_firm":"Arrow International Inc",
             "address_1":"2400 Bernville Rd","address_2":"N/A","recall_number":"Z-0053-2020",
             "product_description":"Pediatric Two-Lumen Central Venous Catheterization Kit, REF AK-25502",
             "reason_for_recall":"Lidstock contains a labeling error.","recall_initiation_date":"20190517",
             "center_classification_date":"20191004","report_date":"20191016",
             "code_info":"Lot/Batch Numbers: 13F18C0374, 13F18H0580"}""";

    static JsonNode node(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void recallAndEnforcementMergeIntoOneAdvisory() {
        AdvisoryDraft d = RecallConverter.toDraft(node(ARROW_RECALL), node(ARROW_ENFORCEMENT), "{}");
        assertEquals("Z-0053-2020", d.id());
        assertEquals("fda-recall", d.source());
        assertEquals(Severity.HIGH, d.severity(), "class from the enforcement record");
        assertEquals("Terminated", d.status(), "the recall record's termination wins over the older 'Ongoing'");
        assertEquals("Lidstock contains a labeling error.", d.summary());
        assertEquals(Instant.parse("2019-10-04T00:00:00Z"), d.published(), "classification date when posted is null");
        assertEquals(Instant.parse("2020-09-24T00:00:00Z"), d.updated());
        AdvisoryDraft.Product p = d.products().get(0);
        assertEquals("Arrow International Inc", p.vendor());
        assertEquals("Pediatric Two-Lumen Central Venous Catheterization", p.product());
        assertEquals("FOZ", p.productCode(), "product code from the recall record");
        assertEquals(List.of("AK-25502"), p.catalogNumbers());
        assertEquals("Class II", d.details().get("classification"));
        assertEquals(List.of("K900263"), d.details().get("kNumbers"), "the record's own K-number, not openfda's list");
        assertEquals("Employee error", d.details().get("rootCause"));
        assertEquals("2019-05-17", d.details().get("dateInitiated"));
        assertEquals("2019-10-16", d.details().get("dateReported"));
        assertEquals("Lot/Batch Numbers: 13F18C0374, 13F18H0580", d.details().get("codeInfo"));
        assertEquals(List.of("13F18C0374", "13F18H0580"), p.lots(), "the recall is limited to these lots");
        assertEquals(List.of(), p.serials());
        AdvisoryDraft.Product withoutLots = new AdvisoryDraft.Product(p.productId(), p.vendor(), p.product(),
                p.versionText(), p.status(), p.productCode(), p.modelNumbers(), p.catalogNumbers(), p.udiDis());
        assertEquals(RecallConverter.revision("Class II", d.status(), withoutLots, "x", null),
                RecallConverter.revision("Class II", d.status(), p, "x", null),
                "lots come from code_info: stored recalls keep their revision");
        assertEquals("2400 Bernville Rd, Reading, PA, 19605-9607", d.details().get("firmAddress"));
        assertTrue(d.url().contains("recall_number:%22Z-0053-2020%22"), "no cfres id: link the enforcement query");
    }

    @Test
    void severityFollowsTheRecallClass() {
        assertEquals(Severity.CRITICAL, RecallConverter.severity("Class I"));
        assertEquals(Severity.HIGH, RecallConverter.severity("Class II"));
        assertEquals(Severity.MEDIUM, RecallConverter.severity("Class III"));
        assertEquals(Severity.UNKNOWN, RecallConverter.severity("Not Yet Classified"));
        assertEquals(Severity.UNKNOWN, RecallConverter.severity(null));
        AdvisoryDraft recallOnly = RecallConverter.toDraft(node(ARROW_RECALL), null, "{}");
        assertEquals(Severity.UNKNOWN, recallOnly.severity(), "the recall endpoint has no class");
    }

    @Test
    void enforcementOnlyRecordWithRealCodeInfoFindsTheUdi() {
        String grace = """
                {"status":"Ongoing","city":"Bartlett","state":"TN","country":"United States","classification":"Class I",
                 "openfda":{},"product_type":"Devices","event_id":"98773","recalling_firm":"Grace Medical, Inc.",
                 "address_1":"8500 Wolf Lake Dr Ste 110","address_2":"","postal_code":"38133-4104",
                 "recall_number":"Z-2308-2026",
                 "product_description":"TITANIUM/FLUOROPLASTIC PISTON 0.6MM DIA X 3.75MM L    Model/Catalog Number: 409-375      Product Description: Stapes Prosthesis",
                 "reason_for_recall":"Due to incorrect functional length on device labeling.",
                 "recall_initiation_date":"20260403","center_classification_date":"20260604","report_date":"20260610",
                 "code_info":"Model/Catalog Number: 409-375 UDI code: (01)00844505000772(10)122927(17)310301 Lot Number: 122927",
                 "more_code_info":""}""";
        AdvisoryDraft d = RecallConverter.toDraft(null, node(grace), grace);
        assertEquals(Severity.CRITICAL, d.severity());
        AdvisoryDraft.Product p = d.products().get(0);
        assertEquals(List.of("00844505000772"), p.udiDis());
        assertEquals(List.of("409-375"), p.modelNumbers());
        assertEquals(List.of("409-375"), p.catalogNumbers());
        assertNull(p.productCode());
        assertEquals(List.of("122927"), d.details().get("lots"));
        assertEquals("TITANIUM/FLUOROPLASTIC PISTON 0.6MM DIA X 3.75MM L", p.product());
        assertEquals(Instant.parse("2026-06-04T00:00:00Z"), d.published());
        assertEquals(grace, d.rawDocument());
        assertEquals(null, d.details().get("moreCodeInfo"), "empty strings read as absent");
    }

    @Test
    void aCfresIdGivesTheFdaRecallPage() {
        ObjectNode r = (ObjectNode) node(ARROW_RECALL);
        r.put("cfres_id", "174231");
        assertEquals("https://www.accessdata.fda.gov/scripts/cdrh/cfdocs/cfRES/res.cfm?id=174231",
                RecallConverter.toDraft(r, null, "{}").url());
    }

    @Test
    void malformedRecordsAreRefusedWithTheReason() {
        ObjectNode noId = (ObjectNode) node(ARROW_ENFORCEMENT);
        noId.remove("recall_number");
        assertEquals("recall_number is missing", assertThrows(RecallRecords.MalformedRecordException.class,
                () -> RecallConverter.toDraft(null, noId, "{}")).getMessage());
        ObjectNode badDate = (ObjectNode) node(ARROW_ENFORCEMENT);
        badDate.put("report_date", "2019-10-16");
        assertEquals("report_date '2019-10-16' is not a date", assertThrows(
                RecallRecords.MalformedRecordException.class, () -> RecallConverter.toDraft(null, badDate, "{}"))
                .getMessage());
    }

    @Test
    void classStatusAndScopeChangesAreMaterialChanges() {
        AdvisoryDraft before = RecallConverter.toDraft(node(ARROW_RECALL), node(ARROW_ENFORCEMENT), "{}");

        ObjectNode reclassified = (ObjectNode) node(ARROW_ENFORCEMENT);
        reclassified.put("classification", "Class I");
        AdvisoryDraft after = RecallConverter.toDraft(node(ARROW_RECALL), reclassified, "{}");
        assertNotEquals(before.revision(), after.revision());
        assertTrue(AdvisoryDiff.between(before, after).stream().anyMatch(c -> c.type() == ChangeType.SEVERITY_CHANGED));

        ObjectNode reopened = (ObjectNode) node(ARROW_RECALL);
        reopened.put("recall_status", "Open, Classified");
        reopened.remove("event_date_terminated");
        AdvisoryDraft open = RecallConverter.toDraft(reopened, null, "{}");
        AdvisoryDraft closed = RecallConverter.toDraft(node(ARROW_RECALL), null, "{}");
        assertTrue(AdvisoryDiff.between(open, closed).stream().anyMatch(c -> c.type() == ChangeType.STATUS_CHANGED));

        ObjectNode widened = (ObjectNode) node(ARROW_RECALL);
        widened.put("code_info", "Lot/Batch Numbers: 13F18C0374. UDI-DI: 00844505000772");
        AdvisoryDraft scope = RecallConverter.toDraft(widened, node(ARROW_ENFORCEMENT), "{}");
        assertTrue(AdvisoryDiff.between(before, scope).stream()
                .anyMatch(c -> c.type() == ChangeType.AFFECTED_PRODUCT_ADDED), "a new UDI-DI widens the scope");
    }
}
