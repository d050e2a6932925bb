package dev.graphfleet.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.graphfleet.fleet.FleetSnapshot;
import dev.graphfleet.fleet.FleetSource;
import dev.graphfleet.fleet.nodes.ProbeOptions;
import dev.graphfleet.cli.GraphfleetCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The local fleet's nodes as real OS processes under its supervisor: a replica killed with SIGKILL from outside
 * is reported down and comes back while the other keeps answering; a rollback survives a restart of the fleet;
 * the staleness limit reaches the replicas.
 */
class LocalFleetProcessesTest {

    private static final SampleSizes TINY = new SampleSizes(20, 2, 5, 30, 8);

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper json = new ObjectMapper();

    private HttpResponse<String> query(LocalNode node, String cypher) throws Exception {
        return http.send(HttpRequest.newBuilder(node.url().resolve("/databases/sec/query"))
                .header("X-Graph-API-Key", node.apiKey()).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("cypher", cypher)))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode get(LocalNode node, String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(node.url().resolve(path))
                .header("X-Graph-API-Key", node.apiKey()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private static NodeProcessState process(LocalFleet fleet, String id) {
        return fleet.processes().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    /** Polls {@code condition} until it holds or {@code seconds} pass (a child process cannot call back). */
    private static void await(String what, long seconds, Supplier<Boolean> condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (condition.get()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("not within " + seconds + " s: " + what);
    }

    @Test
    void aReplicaKilledWithSigkillIsReportedDownAndComesBackWhileTheOtherKeepsAnswering() throws Exception {
        LocalFleet.Options options = new LocalFleet.Options(dir, 2, TINY).withMaxStaleness(Duration.ofHours(1));
        try (LocalFleet fleet = LocalFleet.start(options, TestNodeCommand.SERVE, message -> { })) {
            List<LocalNode> nodes = fleet.nodes();
            LocalNode first = nodes.get(2);
            LocalNode second = nodes.get(3);
            // Four processes besides this one, each with its own pid; all up, none restarted.
            assertThat(fleet.processes()).extracting(NodeProcessState::pid).doesNotContainNull().doesNotHaveDuplicates()
                    .doesNotContain(ProcessHandle.current().pid());
            assertThat(fleet.processes()).extracting(NodeProcessState::status).containsOnly(NodeProcessState.Status.UP);
            // --max-staleness reached the replicas' own staleness rule.
            assertThat(get(first, "/health").path("max_staleness_seconds").asLong()).isEqualTo(3600);
            assertThat(get(second, "/health").path("max_staleness_seconds").asLong()).isEqualTo(3600);

            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger answered = new AtomicInteger();
            List<String> failures = new CopyOnWriteArrayList<>();
            Thread reader = new Thread(() -> {
                while (!stop.get()) {
                    try {
                        HttpResponse<String> response = query(second, "MATCH (c:Company) RETURN count(c)");
                        if (response.statusCode() == 200) {
                            answered.incrementAndGet();
                        } else {
                            failures.add(response.statusCode() + " " + response.body());
                        }
                    } catch (Exception e) {
                        failures.add(e.toString());
                    }
                }
            }, "reader-replica-2");
            reader.start();

            long pid = process(fleet, "replica-1").pid();
            ProcessHandle victim = ProcessHandle.of(pid).orElseThrow();
            assertThat(victim.destroyForcibly()).isTrue(); // kill -9 from outside, as the OOM killer would
            victim.onExit().get(60, TimeUnit.SECONDS);
            int atKill = answered.get();

            await("replica-1 reported down", 30, () -> process(fleet, "replica-1").status() == NodeProcessState.Status.DOWN
                    || process(fleet, "replica-1").restarts() > 0);
            NodeProcessState down = fleet.processes().stream().filter(p -> p.id().equals("replica-1")).findFirst()
                    .orElseThrow();
            assertThat(down.lastExit()).isEqualTo("exit 137, killed by signal 9");
            assertThat(down.downSince()).isNotNull();
            // Other processes read the same state from the fleet's file.
            await("local-fleet.json says replica-1 is not up", 10, () -> LocalFleetFile.read(dir).orElseThrow()
                    .processes().stream().anyMatch(p -> p.id().equals("replica-1") && p.status() != NodeProcessState.Status.UP));
            // fleet status --nodes local: every node with its own key; the supervisor's line for replica-1.
            StringWriter out = new StringWriter();
            CommandLine cli = GraphfleetCli.commandLine();
            cli.setOut(new PrintWriter(out, true));
            cli.setErr(new PrintWriter(new StringWriter(), true));
            cli.execute("fleet", "status", "--nodes", "local", "--data", dir.toString());
            assertThat(out.toString()).contains("writer-1", "master-1", "replica-2")
                    .containsPattern("replica-1 (DOWN|STARTING).* since .*\\(exit 137, killed by signal 9\\)");

            await("replica-1 restarted and up", 120, () -> {
                NodeProcessState now = process(fleet, "replica-1");
                return now.status() == NodeProcessState.Status.UP && now.restarts() == 1;
            });
            int answeredWhileDown = answered.get() - atKill; // replica-1 was down or starting all that time
            NodeProcessState back = process(fleet, "replica-1");
            assertThat(back.pid()).isNotEqualTo(pid);
            assertThat(back.downSince()).isNull();
            assertThat(query(first, "MATCH (c:Company) RETURN count(c)").statusCode()).isEqualTo(200);
            assertThat(first.url()).isEqualTo(fleet.nodes().get(2).url()); // same port, same key
            try (FleetSource source = LocalFleetSource.open(dir, ProbeOptions.defaults()).orElseThrow()) {
                FleetSnapshot snapshot = source.snapshot();
                assertThat(snapshot.allHealthy()).as(snapshot.toString()).isTrue();
            }

            stop.set(true);
            reader.join();
            assertThat(failures).as("queries to replica-2 while replica-1 was down").isEmpty();
            assertThat(answeredWhileDown).as("replica-2 answered while replica-1 was down").isPositive();
            assertThat(process(fleet, "replica-2").restarts()).isZero();
        }
    }

    @Test
    void aRollbackSurvivesARestartOfTheFleet() throws Exception {
        try (LocalFleet fleet = LocalFleet.start(new LocalFleet.Options(dir, 1, TINY), TestNodeCommand.SERVE, message -> { })) {
            assertThat(fleet.snapshot("sec", message -> { }).version().toString()).isEqualTo("v2");
            assertThat(fleet.rollback("sec", null, message -> { }).toString()).isEqualTo("v1");
            assertThat(fleet.servedVersions().get("replica-1")).containsEntry("sec", "v1");
        }
        assertThat(json.readTree(dir.resolve(LocalFleetState.NAME).toFile()).path("pinned_versions").path("sec").asText())
                .isEqualTo("v1");
        try (LocalFleet fleet = LocalFleet.start(new LocalFleet.Options(dir, 1, TINY), TestNodeCommand.SERVE, message -> { })) {
            assertThat(fleet.latestVersion("sec").toString()).isEqualTo("v2");
            assertThat(fleet.servedVersions().get("replica-1")).containsEntry("sec", "v1").containsEntry("industry", "v1");
            assertThat(LocalFleetFile.read(dir).orElseThrow().pinnedVersions()).containsEntry("sec", "v1");
            // A refresh ends the pin, durably too.
            assertThat(fleet.refresh("sec", message -> { }).toString()).isEqualTo("v2");
        }
        assertThat(json.readTree(dir.resolve(LocalFleetState.NAME).toFile()).path("pinned_versions").has("sec")).isFalse();
    }

    @Test
    void aCorruptStateFileStopsTheStartNamingTheFileAndTheFix() throws Exception {
        Files.createDirectories(dir);
        Path state = dir.resolve(LocalFleetState.NAME);
        Files.writeString(state, "{\"pinned_versions\": {\"sec\": \"v1\""); // cut short, as by a full disk
        assertThatThrownBy(() -> LocalFleet.start(new LocalFleet.Options(dir, 1, TINY), TestNodeCommand.SERVE, message -> { }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(state + " is not a valid local fleet state")
                .hasMessageContaining("delete it to start every replica on the newest version");
        assertThat(dir.resolve("writer-1")).doesNotExist(); // nothing started
        assertThat(Files.readString(state)).isEqualTo("{\"pinned_versions\": {\"sec\": \"v1\""); // nor rewritten

        Files.writeString(state, "{\"pinned_versions\": {\"sec\": \"latest\"}}");
        assertThatThrownBy(() -> LocalFleet.start(new LocalFleet.Options(dir, 1, TINY), TestNodeCommand.SERVE, message -> { }))
                .hasMessageContaining("pinned_versions has sec: latest");
    }
}
