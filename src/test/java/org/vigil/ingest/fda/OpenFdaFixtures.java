package org.vigil.ingest.fda;

import java.util.List;

/** openFDA-shaped responses, written by the tests in the envelope and field layout the API serves. */
public final class OpenFdaFixtures {

    private OpenFdaFixtures() {
    }

    public static String envelope(int skip, int limit, long total, List<String> records) {
        return """
                {"meta":{"disclaimer":"Do not rely on openFDA to make decisions regarding medical care.",
                "terms":"https://open.fda.gov/terms/","license":"https://open.fda.gov/license/",
                "last_updated":"2026-11-20","results":{"skip":%d,"limit":%d,"total":%d}},
                "results":[%s]}""".formatted(skip, limit, total, String.join(",", records));
    }

    public static final String NOT_FOUND = "{\"error\":{\"code\":\"NOT_FOUND\",\"message\":\"No matches found!\"}}";

    /** An enforcement record in the API's key order; {@code codeInfo} is written as firms write it. */
    public static String enforcement(String recallNumber, String firm, String classification, String status,
            String reportDate, String description, String codeInfo) {
        return """
                {"status":"%s","city":"Sparks","state":"MD","country":"United States","classification":"%s",
                "openfda":{},"product_type":"Devices","event_id":"92406","recalling_firm":"%s",
                "address_1":"7 Loveton Cir","address_2":"N/A","postal_code":"21152-9212",
                "voluntary_mandated":"Voluntary: Firm initiated","initial_firm_notification":"Letter",
                "distribution_pattern":"US Nationwide","recall_number":"%s","product_description":"%s",
                "product_quantity":"102 systems","reason_for_recall":"Risk of mis-association of patient data.",
                "recall_initiation_date":"%s","center_classification_date":"%s","report_date":"%s","code_info":"%s"}"""
                .formatted(status, classification, firm, recallNumber, description, reportDate, reportDate,
                        reportDate, codeInfo);
    }

    /** A recall.json record: ISO dates, product code, K-numbers, root cause, device openfda block. */
    public static String recall(String recallNumber, String firm, String productCode, String posted,
            String description, String codeInfo) {
        return """
                {"event_date_initiated":"%s","city":"Sparks","address_1":"7 Loveton Cir",
                "reason_for_recall":"Risk of mis-association of patient data.","product_code":"%s",
                "code_info":"%s","product_quantity":"102 systems","k_numbers":["K123456"],"firm_fei_number":"1119779",
                "state":"MD","product_description":"%s","root_cause_description":"Software design",
                "event_date_created":"%s","openfda":{"device_name":"Monitor, Physiological, Patient",
                "regulation_number":["870.2300"],"device_class":"2","k_number":["K123456","K999999"]},
                "recalling_firm":"%s","product_res_number":"%s","recall_status":"Open, Classified",
                "res_event_number":"92406","event_date_posted":"%s","postal_code":"21152-9212"}"""
                .formatted(posted, productCode, codeInfo, description, posted, firm, recallNumber, posted);
    }
}
