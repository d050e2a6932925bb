package dev.graphfleet.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.graphfleet.pool.GraphPool;
import dev.graphfleet.testing.CliProcess;
import dev.graphfleet.testing.Http;
import dev.graphfleet.testing.cli.Databases;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real node process ({@code graphfleet serve} in a child JVM) under writes and a long streaming
 * read gets SIGTERM: the stream in flight is delivered to its last row, the process exits through
 * its shutdown hook, the WAL is checkpointed, and every write it acknowledged is on disk.
 */
class SigtermUnderLoadTest {

    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");
    private static final int STREAM_ROWS = 200_000;

    @TempDir
    Path dataDir;

    @Test
    void sigtermMidLoadDrainsAndCheckpoints() throws Exception {
        sigtermUnderLoad(4, 50);
    }

    @Test
    @Tag("soak")
    void sigtermAfterSustainedLoad() throws Exception {
        sigtermUnderLoad(32, 3_000);
    }

    private void sigtermUnderLoad(int writers, int acknowledgedBeforeSignal) throws Exception {
        Databases.seedPeople(dataDir);
        Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
        Set<Long> attempted = ConcurrentHashMap.newKeySet();
        LongAdder refusedWhileStopping = new LongAdder();
        LongAdder connectionRefused = new LongAdder();
        List<String> unexpected = new java.util.concurrent.CopyOnWriteArrayList<>();
        long start = System.nanoTime();
        long streamed = 0;
        int exitCode;
        try (CliProcess node = CliProcess.start(Map.of(), "serve", "--config", config().toString(), "--port", "0")) {
            Http http = new Http(URI.create(node.awaitLine(LISTENING, 60).group(1)));
            AtomicBoolean down = new AtomicBoolean();
            AtomicLong ids = new AtomicLong(2_000_000);
            List<CompletableFuture<Void>> clients = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                clients.add(CompletableFuture.runAsync(() -> {
                    while (!down.get()) {
                        long id = ids.incrementAndGet();
                        attempted.add(id);
                        try {
                            Http.Response response = http.query("people", "CREATE (:Person {id: $id, name: 'sigterm'})",
                                    Map.of("id", id));
                            if (response.status() == 200) {
                                acknowledged.add(id);
                            } else if (response.status() == 503) {
                                refusedWhileStopping.increment(); // stopping
                            } else if (response.status() != 409) { // 409: a write conflict the client may retry
                                unexpected.add(response.status() + " " + response.body());
                            }
                        } catch (UncheckedIOException e) {
                            connectionRefused.increment(); // the listener is gone: the node has stopped
                            down.set(true);
                        }
                    }
                }, runnable -> new Thread(runnable, "sigterm-writer").start()));
            }
            awaitCount(acknowledged, acknowledgedBeforeSignal, node, unexpected);

            HttpResponse<InputStream> stream = http.stream("people",
                    "UNWIND range(1, " + STREAM_ROWS + ") AS i RETURN i, '" + "z".repeat(150) + "' AS pad");
            assertThat(stream.statusCode()).isEqualTo(200);
            CompletableFuture<Integer> exited;
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                JsonNode chunk = Http.JSON.readTree(reader.readLine());
                streamed = chunk.get("row_count").asLong();
                exited = CompletableFuture.supplyAsync(() -> {
                    try {
                        return node.terminate(); // SIGTERM, then wait for the exit
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return -1;
                    }
                });
                String line;
                while ((line = reader.readLine()) != null) {
                    chunk = Http.JSON.readTree(line);
                    streamed += chunk.get("row_count").asLong();
                }
                assertThat(chunk.get("is_last_chunk").asBoolean()).isTrue();
            }
            assertThat(streamed).as("rows of the stream in flight at SIGTERM").isEqualTo(STREAM_ROWS);
            exitCode = exited.get(120, TimeUnit.SECONDS);
            down.set(true);
            CompletableFuture.allOf(clients.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            assertThat(unexpected).as("answers other than 200, 409 and 503").isEmpty();
            assertThat(exitCode).as(node.output()).isEqualTo(128 + 15); // the signal, after the shutdown hook ran
        }
        Path wal = dataDir.resolve("people.kuzu.wal");
        assertThat(Files.exists(wal) ? Files.size(wal) : 0).as("checkpointed: nothing left in the WAL").isZero();
        Set<Long> present = new TreeSet<>();
        try (GraphPool reopened = Databases.writer(dataDir, 1)) {
            reopened.query("people", "MATCH (p:Person) WHERE p.name = 'sigterm' RETURN p.id")
                    .forEach(row -> present.add((Long) row.get(0)));
        }
        assertThat(present).as("every acknowledged write is on disk").containsAll(acknowledged);
        assertThat(attempted).as("nothing on disk that was never sent").containsAll(present);
        System.out.printf("SOAK sigterm: %d writers, %d s of load, %d writes acknowledged (all on disk, %d more "
                        + "committed as the node stopped), %d refused with 503, a %d-row stream in flight delivered in "
                        + "full, exit %d, WAL empty%n", writers, TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start),
                acknowledged.size(), present.size() - acknowledged.size(), refusedWhileStopping.sum(), streamed, exitCode);
    }

    /**
     * A writer node on the test's data directory. CPU admission is lifted: the child samples the
     * real CPU of this shared machine, and this test is about the stop, not about shedding load.
     */
    private Path config() throws java.io.IOException {
        return Files.writeString(dataDir.resolveSibling(dataDir.getFileName() + "-node.yml"), String.join("\n",
                "environment: local",
                "tiers:",
                "  soak-writers:",
                "    instance: {databases_per_instance: 2, max_memory_mb: 256, memory_per_db_mb: 64,",
                "               connection_pool_size: 3, query_timeout: 30}",
                "node:",
                "  id: sigterm-node",
                "  type: writer",
                "  tier: soak-writers",
                "  data_dir: " + dataDir,
                "  api: {host: 127.0.0.1, port: 8001}",
                "  admission: {cpu_percent: 100, ingestion_cpu_percent: 100, max_in_flight_per_database: 64, adaptive: false,",
                "              max_in_flight: 64}",
                ""));
    }

    /** The child is a real process: poll with a deadline until enough writes were acknowledged. */
    private static void awaitCount(Set<Long> acknowledged, int count, CliProcess node, List<String> unexpected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (acknowledged.size() < count) {
            if (System.nanoTime() > deadline || !node.isAlive()) {
                throw new AssertionError("only " + acknowledged.size() + " writes acknowledged; node output:\n"
                        + node.output() + "\nunexpected answers: " + unexpected);
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }
}
