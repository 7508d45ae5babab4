package org.vigil.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * HTTP load with wrk (Debian package {@code wrk}; bench/run installs it with apt-get when it can). Every request
 * takes a random hospital key from a file, so the load looks like many integrations polling at once.
 */
final class Wrk {

    private static final String SCRIPT = """
            local keys = {}
            local paths = {}
            local counter = 1
            function setup(thread)
              thread:set("tid", counter)
              counter = counter + 1
            end
            function init(args)
              for line in io.lines(args[1]) do keys[#keys + 1] = line end
              for i = 2, #args do paths[#paths + 1] = args[i] end
              math.randomseed(os.time() * 100 + (tid or 0))
            end
            function request()
              local key = keys[math.random(#keys)]
              local path = paths[math.random(#paths)]
              return wrk.format("GET", path, { ["Authorization"] = "Bearer " .. key })
            end
            function done(summary, latency, requests)
              local e = summary.errors
              io.write(string.format('WRKJSON {"requests":%d,"micros":%d,"p50":%d,"p99":%d,"max":%d,' ..
                '"non2xx":%d,"socket":%d}\\n', summary.requests, summary.duration, latency:percentile(50),
                latency:percentile(99), latency.max, e.status, e.connect + e.read + e.write + e.timeout))
            end
            """;

    /** What one wrk run measured: requests per second and latency percentiles in milliseconds. */
    record Result(long requests, double perSecond, double p50, double p99, double max, long non2xx, long socketErrors) {

        @Override
        public String toString() {
            return String.format("%,.0f req/s, p50 %.1f ms, p99 %.1f ms (%,d requests%s)", perSecond, p50, p99, requests,
                    non2xx + socketErrors == 0 ? "" : ", " + non2xx + " non-2xx, " + socketErrors + " socket errors");
        }
    }

    private final Path script;
    private final Path keys;

    Wrk(Path work, List<String> hospitalKeys) throws IOException {
        this.script = Files.writeString(work.resolve("bench.lua"), SCRIPT);
        this.keys = Files.write(work.resolve("keys.txt"), hospitalKeys, StandardCharsets.UTF_8);
    }

    /** Starts wrk against one address; {@link Running#result()} waits for it. */
    Running start(String base, int threads, int connections, int seconds, String... paths) throws IOException {
        List<String> command = new ArrayList<>(List.of("wrk", "-t" + threads, "-c" + connections, "-d" + seconds + "s",
                "--timeout", "10s", "-s", script.toString(), base, "--", keys.toString()));
        command.addAll(List.of(paths));
        return new Running(new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    Result run(String base, int threads, int connections, int seconds, String... paths) throws IOException {
        return start(base, threads, connections, seconds, paths).result();
    }

    static final class Running {
        private final Process process;

        Running(Process process) {
            this.process = process;
        }

        Result result() throws IOException {
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                process.destroy();
                Thread.currentThread().interrupt();
            }
            int at = out.indexOf("WRKJSON ");
            if (at < 0) {
                throw new IllegalStateException("wrk printed no result:\n" + out);
            }
            JsonNode n = BenchClient.JSON.readTree(out.substring(at + 8, out.indexOf('\n', at)));
            double seconds = n.get("micros").asLong() / 1e6;
            return new Result(n.get("requests").asLong(), n.get("requests").asLong() / seconds, n.get("p50").asLong() / 1e3,
                    n.get("p99").asLong() / 1e3, n.get("max").asLong() / 1e3, n.get("non2xx").asLong(),
                    n.get("socket").asLong());
        }
    }
}
