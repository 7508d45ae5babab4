package org.vigil.ingest.fda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.vigil.udi.HibccCode;

/**
 * A generated openFDA device recall + enforcement dataset for the benchmark. Record templates are the real
 * records of {@code ../shared/corpus/openfda} when that directory exists (13 real enforcement records and the real
 * Arrow recall record), otherwise built-in records of the same shape; {@link #templateSource()} says which. Each
 * recall number gets a recall.json and an enforcement.json record, as in the real API.
 */
public final class OpenFdaDataset {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;
    private static final String[] CLASSES = {"Class I", "Class II", "Class II", "Class II", "Class III"};
    private static final String[] CODES = {"FOZ", "MWI", "FRN", "DQA", "LKK", "MHX", "NKB", "DXN", "HRS", "KWQ"};

    /** One stored record with the dates the server filters on. */
    record Stored(String id, byte[] json, LocalDate primary, List<LocalDate> dates) {
    }

    final List<Stored> recalls = Collections.synchronizedList(new ArrayList<>());
    final List<Stored> enforcements = Collections.synchronizedList(new ArrayList<>());
    private final List<ObjectNode> enforcementTemplates = new ArrayList<>();
    private ObjectNode recallTemplate;
    private final String templateSource;
    private final Random random = new Random(20250130);
    private int sequence;

    OpenFdaDataset() {
        Path corpus = findCorpus();
        String source;
        try {
            if (corpus != null) {
                JsonNode real = JSON.readTree(corpus.resolve("real/device-enforcement.real.json").toFile());
                real.get("results").forEach(r -> enforcementTemplates.add((ObjectNode) r));
                JsonNode recall = JSON.readTree(corpus.resolve("responses/device-recall.response-example.json").toFile());
                recallTemplate = (ObjectNode) recall.get("results").get(0);
                // The harmonised openfda.k_number list runs to hundreds of entries; keep a realistic few.
                ArrayNode k = (ArrayNode) recallTemplate.with("openfda").withArray("k_number");
                while (k.size() > 20) {
                    k.remove(k.size() - 1);
                }
                source = "corpus templates from " + corpus.toAbsolutePath().normalize();
            } else {
                enforcementTemplates.add((ObjectNode) JSON.readTree(OpenFdaFixtures.enforcement("Z-0000-2000",
                        "Becton Dickinson & Co.", "Class II", "Ongoing", "20200101",
                        "BD Synapsys Informatics Solution, Catalog Number 444150", "UDI-DI: 00382904441500;")));
                recallTemplate = (ObjectNode) JSON.readTree(OpenFdaFixtures.recall("Z-0000-2000",
                        "Becton Dickinson & Co.", "MWI", "2020-01-01", "BD Synapsys Informatics Solution",
                        "UDI-DI: 00382904441500;"));
                source = "built-in shapes (../shared/corpus/openfda not found)";
            }
        } catch (IOException e) {
            throw new IllegalStateException("corpus unreadable", e);
        }
        templateSource = source;
    }

    String templateSource() {
        return templateSource;
    }

    private static Path findCorpus() {
        for (String p : new String[] {System.getProperty("vigil.corpus", ""), "../shared/corpus/openfda",
                "../../shared/corpus/openfda", "/work/shared/corpus/openfda"}) {
            if (!p.isEmpty() && Files.isRegularFile(Path.of(p, "real/device-enforcement.real.json"))) {
                return Path.of(p);
            }
        }
        return null;
    }

    /** {@code pairs} recalls spread evenly over [from, to], each published on both endpoints. */
    void generate(int pairs, LocalDate from, LocalDate to) {
        long days = Math.max(1, to.toEpochDay() - from.toEpochDay() + 1);
        for (int i = 0; i < pairs; i++) {
            add(from.plusDays(i * days / pairs));
        }
    }

    /** One new recall, on both endpoints, classified on {@code day}; returns its number. */
    String add(LocalDate day) {
        int n = ++sequence;
        String id = "Z-%04d-%d".formatted(n % 10000, 2000 + n / 10000);
        ObjectNode template = enforcementTemplates.get(n % enforcementTemplates.size());
        LocalDate initiated = day.minusDays(20 + random.nextInt(60));
        boolean terminated = random.nextInt(3) == 0;
        String codeInfo = codeInfo(n, template.path("code_info").asText(""));

        ObjectNode e = template.deepCopy();
        e.put("recall_number", id);
        e.put("event_id", String.valueOf(60000 + n / 3));
        e.put("classification", CLASSES[n % CLASSES.length]);
        e.put("status", terminated ? "Terminated" : "Ongoing");
        e.put("recall_initiation_date", BASIC.format(initiated));
        e.put("center_classification_date", BASIC.format(day.minusDays(7)));
        e.put("report_date", BASIC.format(day));
        e.put("code_info", codeInfo);
        if (terminated) {
            e.put("termination_date", BASIC.format(day.plusDays(200)));
        } else {
            e.remove("termination_date");
        }
        enforcements.add(new Stored(id, bytes(e), day, terminated ? List.of(day, day.plusDays(200)) : List.of(day)));

        ObjectNode r = recallTemplate.deepCopy();
        r.put("product_res_number", id);
        r.put("res_event_number", String.valueOf(60000 + n / 3));
        r.put("cfres_id", String.valueOf(100000 + n));
        r.put("recalling_firm", e.path("recalling_firm").asText());
        r.put("product_description", e.path("product_description").asText());
        r.put("reason_for_recall", e.path("reason_for_recall").asText());
        r.put("code_info", codeInfo);
        r.put("product_code", CODES[n % CODES.length]);
        r.put("event_date_initiated", initiated.toString());
        r.put("event_date_posted", day.toString());
        r.put("event_date_created", initiated.plusDays(3).toString());
        r.put("recall_status", terminated ? "Terminated" : "Open, Classified");
        if (terminated) {
            r.put("event_date_terminated", day.plusDays(200).toString());
        } else {
            r.remove("event_date_terminated");
        }
        List<LocalDate> dates = new ArrayList<>(List.of(day, initiated));
        if (terminated) {
            dates.add(day.plusDays(200));
        }
        recalls.add(new Stored(id, bytes(r), day, dates));
        return id;
    }

    /** The template's own code_info style, with a generated UDI every few records (GS1, HIBCC or bare DI). */
    private String codeInfo(int n, String style) {
        String gtin = gtin(n);
        return switch (n % 4) {
            case 0 -> "Model/Catalog Number: " + (400 + n % 500) + "-375 UDI code: (01)" + gtin + "(10)" + (100000 + n)
                    + "(17)310301 Lot Number: " + (100000 + n);
            case 1 -> "UDI-DI: " + gtin + "; " + style;
            case 2 -> "Serial Number: " + (490000 + n) + "  UDI: " + HibccCode.withCheck("+M572TPS" + n + "1");
            default -> style;
        };
    }

    private static String gtin(int n) {
        String body = "0088450" + "%06d".formatted(n % 1_000_000);
        int sum = 0;
        for (int i = body.length() - 1, w = 3; i >= 0; i--, w = 4 - w) {
            sum += (body.charAt(i) - '0') * w;
        }
        return body + (10 - sum % 10) % 10;
    }

    private static byte[] bytes(JsonNode n) {
        try {
            return JSON.writeValueAsBytes(n);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
