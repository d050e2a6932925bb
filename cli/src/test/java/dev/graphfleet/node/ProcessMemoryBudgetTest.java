package dev.graphfleet.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphfleet.testing.CliProcess;
import dev.graphfleet.testing.Http;
import dev.graphfleet.testing.cli.Databases;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The process memory budget on a real node process ({@code graphfleet serve} in a child JVM, so the
 * resident set read from /proc/PID/statm is the node's alone): heap max + max_memory_mb + query headroom.
 */
class ProcessMemoryBudgetTest {

    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");
    private static final long MIB = 1024L * 1024L;

    @TempDir
    Path dataDir;

    @Test
    void theHeavyUnwindIsStoppedWithAMemoryErrorAndResidentMemoryNeverPassesTheBudget() throws Exception {
        Databases.seedPeople(dataDir);
        long budget = (256 + 64 + 512) * MIB; // -Xmx256m + max_memory_mb 64 + the default headroom (512 MiB)
        try (CliProcess node = CliProcess.start(List.of("-Xmx256m"), Map.of(), "serve", "--config",
                config(null).toString(), "--port", "0")) {
            Http http = new Http(URI.create(node.awaitLine(LISTENING, 60).group(1)));
            try (ResidentSampler rss = new ResidentSampler(node.pid())) {
                Http.Response tooLarge = http.query("people", "UNWIND range(1, 4000000) AS x RETURN count(x)");
                assertThat(tooLarge.status()).as(tooLarge.body()).isEqualTo(400);
                assertThat(tooLarge.json().path("error").asText()).isEqualTo("range_too_large");
                assertThat(tooLarge.json().path("detail").asText()).contains("node.memory.query_headroom_mb");
                // Past what the engine survives at all, the statement guard refuses it even earlier.
                Http.Response crashing = http.query("people", "UNWIND range(1, 30000000) AS x RETURN count(x)");
                assertThat(crashing.status()).as(crashing.body()).isEqualTo(400);
                assertThat(crashing.json().path("detail").asText()).contains("range(", "10000000 items");
                // The largest range the headroom allows runs, within the budget.
                Http.Response allowed = http.query("people", "UNWIND range(1, 500000) AS x RETURN count(x)");
                assertThat(allowed.status()).as(allowed.body()).isEqualTo(200);
                assertThat(rss.samples()).isGreaterThan(10);
                assertThat(rss.peak()).as("peak resident memory against the budget of %d MiB", budget / MIB)
                        .isLessThanOrEqualTo(budget);
            }
        }
    }

    /**
     * Three statements that each stay within the range limit but together would pass the budget
     * (~586 MiB estimated each, 828 MiB budget): they share the query headroom, so they run one after
     * another, all answered, and resident memory never passes the budget. The headroom also holds the
     * process's own ~140 MiB outside heap and buffer pools (the budget does not count it): at 600 MiB
     * one such statement alone left it ~2 MiB short.
     */
    @Test
    void concurrentHeavyStatementsShareTheHeadroomAndStayWithinTheBudget() throws Exception {
        Databases.seedPeople(dataDir);
        long budget = (64 + 64 + 700) * MIB; // -Xmx64m + max_memory_mb 64 + query_headroom_mb 700
        try (CliProcess node = CliProcess.start(List.of("-Xmx64m"), Map.of(), "serve", "--config",
                config(700).toString(), "--port", "0")) {
            Http http = new Http(URI.create(node.awaitLine(LISTENING, 60).group(1)));
            assertThat(http.query("people", "RETURN 1").status()).isEqualTo(200);
            List<CompletableFuture<Http.Response>> heavy = new ArrayList<>();
            try (ResidentSampler rss = new ResidentSampler(node.pid())) {
                for (int i = 0; i < 3; i++) {
                    heavy.add(CompletableFuture.supplyAsync(() -> http.query("people",
                            "UNWIND range(1, 600000) AS a UNWIND range(1, 3) AS b RETURN count(*)")));
                }
                for (CompletableFuture<Http.Response> answer : heavy) {
                    Http.Response response = answer.get(180, TimeUnit.SECONDS);
                    assertThat(response.status()).as(response.body()).isEqualTo(200);
                }
                assertThat(rss.peak()).as("peak resident memory against the budget of %d MiB", budget / MIB)
                        .isLessThanOrEqualTo(budget);
            }
        }
    }

    /**
     * A node whose budget is below what it holds idle (-Xmx32m + 16 + 64 MiB = 112 MiB) refuses every
     * query with 503 memory_limit, naming the budget, its parts and the key that sets it.
     */
    @Test
    void overItsBudgetANodeRefusesNewQueriesWithTheReason() throws Exception {
        Databases.seedPeople(dataDir);
        long budget = (32 + 16 + 64) * MIB;
        try (CliProcess node = CliProcess.start(List.of("-Xmx32m"), Map.of(), "serve", "--config",
                config(64, 16).toString(), "--port", "0")) {
            Http http = new Http(URI.create(node.awaitLine(LISTENING, 60).group(1)));
            assertThat(ResidentSampler.read(node.pid())).as("the idle node holds more than the budget")
                    .isGreaterThan(budget);
            Http.Response refused = http.query("people", "RETURN 1");
            assertThat(refused.status()).as(refused.body()).isEqualTo(503);
            assertThat(refused.json().path("error").asText()).isEqualTo("memory_limit");
            assertThat(refused.json().path("detail").asText()).contains("refusing new work", budget / MIB + " MiB",
                    "max_memory_mb", "node.memory.query_headroom_mb");
            assertThat(refused.header("Retry-After")).isNotNull();
        }
    }

    private Path config(Integer headroomMb) throws java.io.IOException {
        return config(headroomMb, 64);
    }

    private Path config(Integer headroomMb, int maxMemoryMb) throws java.io.IOException {
        return Files.writeString(dataDir.resolveSibling(dataDir.getFileName() + "-node.yml"), String.join("\n",
                "environment: local",
                "tiers:",
                "  small:",
                "    instance: {databases_per_instance: 2, max_memory_mb: " + maxMemoryMb + ", memory_per_db_mb: 16,",
                "               connection_pool_size: 4, query_timeout: 120}",
                "node:",
                "  id: memory-node",
                "  type: writer",
                "  tier: small",
                "  data_dir: " + dataDir,
                "  api: {host: 127.0.0.1, port: 8001}",
                "  admission: {cpu_percent: 100, ingestion_cpu_percent: 100, memory_percent: 100}",
                headroomMb == null ? "" : "  memory: {query_headroom_mb: " + headroomMb + "}",
                ""));
    }

    /** Reads a process's resident set every millisecond or so on its own thread, keeping the peak. */
    static final class ResidentSampler implements AutoCloseable {
        private final AtomicLong peak = new AtomicLong();
        private final AtomicLong samples = new AtomicLong();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;

        ResidentSampler(long pid) {
            thread = new Thread(() -> {
                while (running.get()) {
                    long rss = read(pid);
                    if (rss < 0) {
                        return;
                    }
                    peak.accumulateAndGet(rss, Math::max);
                    samples.incrementAndGet();
                    java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
                }
            }, "resident-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        static long read(long pid) {
            try {
                String[] fields = Files.readString(Path.of("/proc/" + pid + "/statm")).trim().split(" ");
                return Long.parseLong(fields[1]) * 4096;
            } catch (java.io.IOException | RuntimeException e) {
                return -1;
            }
        }

        long peak() {
            return peak.get();
        }

        long samples() {
            return samples.get();
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.join(1_000);
        }
    }
}
