package org.vigil.matching.generated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigil.advisory.AdvisoryDraft;
import org.vigil.ingest.fda.BenchmarkRecalls;
import org.vigil.ingest.fda.recall.RecallDrafts;
import org.vigil.matching.company.AliasRegistry;
import org.vigil.matching.evidence.Matcher;
import org.vigil.matching.evidence.ProductFacts;

/**
 * The generated check over recalls: the 13 real enforcement records of {@code ../shared/corpus/openfda/real/} and
 * the first {@value #BENCHMARK_RECORDS} recalls {@code FdaRecallBenchmark} generates (every template × every code_info
 * style), each converted by the fda-recall source's own converter; devices derived from the firm, the description,
 * the catalog and model numbers and the UDI-DIs ({@link RecallGenerator}) must match their recall, a sibling catalog
 * number must not match as CONFIRMED or LIKELY. Prints per-class figures and asserts the goals. Skips without
 * ../shared, fails then with {@code -Ddevset.required=true}.
 */
class GeneratedRecallTest {

    /** 13 templates × 4 code_info styles: the benchmark's generated records repeat with this period. */
    static final int BENCHMARK_RECORDS = 52;

    @Test
    void realAndBenchmarkRecalls() throws Exception {
        Path shared = SharedCorpus.require("generated recall check", SharedCorpus.OPENFDA_REAL);
        AliasRegistry aliases = AliasRegistry.builtIn();
        RecallGenerator generator = new RecallGenerator(aliases);
        Map<String, List<ProductFacts>> products = new LinkedHashMap<>();

        JsonNode real = new ObjectMapper().readTree(shared.resolve(SharedCorpus.OPENFDA_REAL).toFile());
        int realRecords = 0;
        for (JsonNode e : real.path("results")) {
            AdvisoryDraft d = RecallDrafts.draft(null, e);
            products.put(d.id(), StoredProducts.of(d));
            generator.generate(RecallGenerator.recall(d.id(), null, e));
            realRecords++;
        }
        BenchmarkRecalls.Generated bench = BenchmarkRecalls.generate(BENCHMARK_RECORDS);
        List<String> benchIds = new ArrayList<>();
        for (BenchmarkRecalls.Pair p : bench.pairs()) {
            AdvisoryDraft d = RecallDrafts.draft(p.recall(), p.enforcement());
            products.put(d.id(), StoredProducts.of(d));
            generator.generate(RecallGenerator.recall(d.id(), p.recall(), p.enforcement()));
            benchIds.add(d.id());
        }

        // The catalogue the app would hold: its product-line families are known before any device is matched.
        Matcher matcher = new Matcher(aliases);
        products.values().forEach(matcher::learn);
        Scorecard card = new Scorecard(matcher, products, RecallGenerator.POSITIVE,
                RecallGenerator.NEGATIVE);
        card.run(generator.cases);
        System.out.println(card.report("GeneratedRecallTest: " + realRecords + " real enforcement records + "
                + benchIds.size() + " FdaRecallBenchmark recalls (" + bench.templateSource() + "), "
                + generator.cases.size() + " generated devices", generator.skips)
                + card.sample(generator.cases, 20));
        card.dump(generator.cases);

        assertEquals(13, realRecords, "the corpus has the 13 real enforcement records");
        assertEquals(realRecords + BENCHMARK_RECORDS, products.size(), "every recall under its own number");
        for (Scorecard.Tally t : card.tallies.values()) {
            assertTrue(t.cases > 0, "the generator produced no case of class " + t.cls);
        }
        card.assertGoals();
    }
}
