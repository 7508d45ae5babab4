package org.vigil.matching.generated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigil.advisory.AdvisoryDraft;
import org.vigil.ingest.cisa.csaf.CsafDrafts;
import org.vigil.matching.company.AliasRegistry;
import org.vigil.matching.evidence.Matcher;
import org.vigil.matching.evidence.ProductFacts;

/**
 * The corpus-wide generated check of the matching issue: every ICSMA document of {@code ../shared/corpus} (all
 * years) read by the cisa-csaf converter, device records derived from each known_affected leaf the way hospitals
 * write them ({@link InventoryGenerator}), each required to match its own advisory, and negatives required not to.
 * Prints recall per class and false matches per negative class with the first failures; the goal (recall ≥ 0.99,
 * precision ≥ 0.95) is asserted on every run. Skips without ../shared, fails then with
 * {@code -Ddevset.required=true}.
 */
class GeneratedInventoryTest {

    @Test
    void everyAffectedLeafOfEveryIcsmaDocument() throws Exception {
        Path shared = SharedCorpus.require("generated ICSMA inventory check", SharedCorpus.ICSMA);
        List<Path> docs = SharedCorpus.icsmaDocuments(shared);
        List<InventoryGenerator.Advisory> corpus = new ArrayList<>();
        Map<String, List<ProductFacts>> products = new LinkedHashMap<>();
        for (Path p : docs) {
            String raw = SharedCorpus.read(p);
            AdvisoryDraft draft = CsafDrafts.convert(raw);
            List<ProductFacts> facts = StoredProducts.of(draft);
            corpus.add(new InventoryGenerator.Advisory(draft.id(), facts, StoredProducts.knownAffected(raw)));
            products.put(draft.id(), facts);
        }
        AliasRegistry aliases = AliasRegistry.builtIn();
        InventoryGenerator generator = new InventoryGenerator(aliases, corpus).generate();
        // The catalogue the app would hold: its product-line families are known before any device is matched.
        Matcher matcher = new Matcher(aliases);
        products.values().forEach(matcher::learn);
        Scorecard card = new Scorecard(matcher, products, InventoryGenerator.POSITIVE,
                InventoryGenerator.NEGATIVE);
        card.run(generator.cases);
        System.out.println(card.report("GeneratedInventoryTest: " + docs.size() + " ICSMA documents, "
                + generator.leaves + " known_affected leaves, " + generator.cases.size() + " generated devices",
                generator.skips) + card.sample(generator.cases, 20));
        card.dump(generator.cases);

        assertEquals(docs.size(), products.size(), "every document read, none under the same id twice");
        assertTrue(generator.leaves > 0, "the corpus has affected leaves");
        assertEquals(generator.leafProducts.size(), card.tallies.get("version-blank").cases,
                "every leaf gives at least the blank-version device (the same device twice counts once)");
        for (Scorecard.Tally t : card.tallies.values()) {
            assertTrue(t.cases > 0, "the generator produced no case of class " + t.cls);
        }
        card.assertGoals();
    }
}
