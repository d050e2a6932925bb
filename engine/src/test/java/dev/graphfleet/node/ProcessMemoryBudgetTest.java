package dev.graphfleet.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphfleet.testing.CliProcess;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
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
        TestNodes.seed(dataDir);
        long budget = (256 + 64 + 512) * MIB; // -Xmx256m + max_memory_mb 64 + the default headroom (512 MiB)
        try (CliProcess node = CliProcess.start(List.of("-Xmx256m"), Map.of(), "serve", "--config",
                config(null).toString(), "--port", "0")) {
            Http http = new Http(URI.create(node.awaitLine(LISTENING, 60).group(1)));
            try (ResidentSampler rss = new ResidentSampler(node.pid())) {
                for (String cypher : List.of("UNWIND range(1, 4000000) AS x RETURN count(x)",
                        "UNWIND range(1, 30000000) AS x RETURN count(x)")) {
                    Http.Response answer = http.query("people", cypher);
                    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
                    assertThat(answer.json().path("error").asText()).isEqualTo("range_too_large");
                    assertThat(answer.json().path("detail").asText()).contains("node.memory.query_headroom_mb");
                }
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
     * Three queries that each stay within the range limit but together pass the budget: the watchdog
     * stops what runs (503 memory_limit), admission refuses new work while over, and once memory is
     * back under the budget the node serves again.
     */
    @Test
    void overTheBudgetQueriesAreStoppedAndRefusedThenServedAgainOnceUnder() throws Exception {
        TestNodes.seed(dataDir);
        long budget = (64 + 64 + 600) * MIB; // -Xmx64m + max_memory_mb 64 + query_headroom_mb 600
        try (CliProcess node = CliProcess.start(List.of("-Xmx64m"), Map.of(), "serve", "--config",
                config(600).toString(), "--port", "0")) {
            Http http = new Http(URI.create(node.awaitLine(LISTENING, 60).group(1)));
            assertThat(http.query("people", "RETURN 1").status()).isEqualTo(200);
            List<Http.Response> answers = new CopyOnWriteArrayList<>();
            List<CompletableFuture<Void>> heavy = new ArrayList<>();
            AtomicBoolean probing = new AtomicBoolean(true);
            try (ResidentSampler rss = new ResidentSampler(node.pid())) {
                for (int i = 0; i < 3; i++) {
                    heavy.add(CompletableFuture.runAsync(() -> answers.add(http.query("people",
                            "UNWIND range(1, 600000) AS a UNWIND range(1, 3) AS b RETURN count(*)"))));
                }
                CompletableFuture<Void> probe = CompletableFuture.runAsync(() -> {
                    while (probing.get()) {
                        answers.add(http.query("people", "RETURN 1"));
                    }
                });
                CompletableFuture.allOf(heavy.toArray(CompletableFuture[]::new)).get(180, TimeUnit.SECONDS);
                probing.set(false);
                probe.get(30, TimeUnit.SECONDS);
                assertThat(rss.peak()).as("the three together passed the budget (else this test shows nothing)")
                        .isGreaterThan(budget);
            }
            List<Http.Response> memoryErrors = answers.stream().filter(a -> a.status() == 503).toList();
            assertThat(memoryErrors).as("answers: %s", answers.stream().map(Http.Response::body).distinct().toList())
                    .isNotEmpty()
                    .allSatisfy(a -> {
                        assertThat(a.json().path("error").asText()).isEqualTo("memory_limit");
                        assertThat(a.json().path("detail").asText()).contains(budget / MIB + " MiB", "max_memory_mb",
                                "node.memory.query_headroom_mb");
                        assertThat(a.header("Retry-After")).isNotNull();
                    });
            assertThat(answers).allSatisfy(a -> assertThat(a.status()).as(a.body()).isIn(200, 503));

            // Memory goes back (the engine frees, the allocator is trimmed) and the node serves again.
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            Http.Response again;
            do {
                again = http.query("people", "RETURN 1");
            } while (again.status() != 200 && System.nanoTime() < deadline && pause());
            assertThat(again.status()).as(again.body()).isEqualTo(200);
            assertThat(ResidentSampler.read(node.pid())).isLessThanOrEqualTo(budget);
        }
    }

    private static boolean pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(100); // polling a real process with a deadline
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return true;
    }

    private Path config(Integer headroomMb) throws java.io.IOException {
        return Files.writeString(dataDir.resolveSibling(dataDir.getFileName() + "-node.yml"), String.join("\n",
                "environment: local",
                "tiers:",
                "  small:",
                "    instance: {databases_per_instance: 2, max_memory_mb: 64, memory_per_db_mb: 32,",
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
