package org.vigil.ingest.fda;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Test access to the records {@code FdaRecallBenchmark} serves ({@link OpenFdaDataset}, package-private), for the
 * generated recall matching check in {@code org.vigil.matching.generated}.
 */
public final class BenchmarkRecalls {

    /** One recall number: its recall.json and enforcement.json record. */
    public record Pair(String id, JsonNode recall, JsonNode enforcement) {
    }

    /** The records and where their templates came from ({@code OpenFdaDataset#templateSource}). */
    public record Generated(String templateSource, List<Pair> pairs) {
    }

    private BenchmarkRecalls() {
    }

    /** The first {@code count} recalls the benchmark dataset generates, in order. */
    public static Generated generate(int count) {
        OpenFdaDataset dataset = new OpenFdaDataset();
        dataset.generate(count, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31));
        Map<String, JsonNode> recalls = new HashMap<>();
        for (OpenFdaDataset.Stored s : dataset.recalls) {
            recalls.put(s.id(), read(s.json()));
        }
        List<Pair> out = new ArrayList<>();
        for (OpenFdaDataset.Stored s : dataset.enforcements) {
            out.add(new Pair(s.id(), recalls.get(s.id()), read(s.json())));
        }
        return new Generated(dataset.templateSource(), out);
    }

    private static JsonNode read(byte[] json) {
        try {
            return OpenFdaDataset.JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
