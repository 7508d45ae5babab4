package org.vigil.matching;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class TmpFamiliesBenchmark {
    @Test
    void show() throws Exception {
        List<Path> docs;
        try (Stream<Path> s = Files.walk(DevsetFiles.SHARED.resolve("corpus/cisa-csaf/OT/white"))) {
            docs = s.filter(p -> p.getFileName().toString().matches("ics(m)?a-.*\\.json")).toList();
        }
        var adv = DevsetFiles.products(docs);
        Matcher m = new Matcher(AliasRegistry.builtIn());
        var prepared = new java.util.HashMap<String, List<Matcher.PreparedProduct>>();
        adv.forEach((k, v) -> prepared.put(k, v.stream().map(m::prepare).toList()));
        for (var f : SyntheticInventory.FAMILIES) {
            for (String mk : f.makers()) {
                var d = m.prepare(new DeviceFacts(UUID.randomUUID(), null, mk, f.model(), f.versions()[0], null, f.productCode(), null));
                prepared.forEach((id, ps) -> m.match(d, ps).ifPresent(r -> System.out.println("HIT " + mk + " / " + f.model() + " -> " + id + " " + r)));
            }
        }
    }
}
