package dev.graphfleet.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.graphfleet.testing.SettableClock;
import dev.graphfleet.volume.ModificationState;
import dev.graphfleet.volume.VolumeDecision;
import dev.graphfleet.volume.VolumePolicy;
import dev.graphfleet.volume.local.FileVolumeStore;
import dev.graphfleet.volume.local.SimulatedVolumes;
import dev.graphfleet.volume.monitor.HttpInstanceVolumeReader;
import dev.graphfleet.volume.monitor.InstanceReport;
import dev.graphfleet.volume.monitor.MonitorOptions;
import dev.graphfleet.volume.monitor.MonitorReport;
import dev.graphfleet.volume.monitor.NodeReadOptions;
import dev.graphfleet.volume.monitor.Outcome;
import dev.graphfleet.volume.monitor.RetryDelay;
import dev.graphfleet.volume.monitor.VolumeMonitor;
import dev.graphfleet.volume.registry.VolumeStatus;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The volume monitor end to end on the local fleet: real nodes on loopback report a simulated capacity against
 * the real bytes in their data directories; the monitor reads them over HTTP and acts on the shared volume file.
 */
class LocalVolumePipelineTest {

    private static final SampleSizes TINY = new SampleSizes(20, 2, 5, 30, 8);
    private static final long GIB = 1L << 30;

    @TempDir
    Path dir;

    private final SettableClock clock = new SettableClock(Instant.now());
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    /** A monitor as {@code volumes check --source local} builds it, on the test's clock. */
    private VolumeMonitor monitor(LocalVolumeFleet local, Duration modificationWait, List<ModificationState> seen) {
        NodeReadOptions read = new NodeReadOptions(Duration.ofSeconds(10), 0, Duration.ZERO);
        SimulatedVolumes volumes = (SimulatedVolumes) local.actions();
        return VolumeMonitor.builder(local.policy(VolumePolicy.defaults()),
                        HttpInstanceVolumeReader.withKeyPerInstance(http, read, local::apiKey, RetryDelay.system()))
                .actions(local.actions())
                .registry(local.registry())
                .cloudWatch(local.cloudWatch())
                .clock(clock)
                .sleeper(d -> {
                    seen.add(volumes.modificationState("vol-local-master-1"));
                    clock.advance(d);
                })
                .options(local.monitorOptions(MonitorOptions.defaults()).withModificationWait(modificationWait,
                        Duration.ofMillis(250)))
                .build();
    }

    /** The shared volume file as seen on the test's clock. */
    private SimulatedVolumes volumes() {
        FileVolumeStore store = FileVolumeStore.open(dir).orElseThrow();
        return new SimulatedVolumes(store, clock, store.timings());
    }

    private JsonNode dataVolume(LocalNode node) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(node.url().resolve("/metrics"))
                .header("X-Graph-API-Key", node.apiKey()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body()).path("system").path("volumes").path("data_volume");
    }

    /** A sparse file: its apparent size counts as used, without writing the bytes. */
    private static void fill(Path dataDir, long bytes) throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(dataDir.resolve("filler.bin").toFile(), "rw")) {
            file.setLength(bytes);
        }
    }

    private static InstanceReport row(MonitorReport report, String id) {
        return report.instances().stream().filter(r -> r.instance().instanceId().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void aFilledVolumeIsExpandedThenItsFilesystemGrownAndUsageFallsBackUnderTheThreshold() throws Exception {
        try (LocalFleet fleet = LocalFleet.start(new LocalFleet.Options(dir, 0, TINY), TestNodeCommand.SERVE, message -> { })) {
            LocalNode writer = fleet.nodes().get(0);
            LocalNode master = fleet.nodes().get(1);
            JsonNode before = dataVolume(writer);
            assertThat(before.path("simulated").asBoolean()).isTrue();
            assertThat(before.path("volume_id").asText()).isEqualTo("vol-local-writer-1");
            assertThat(before.path("volume_size_gb").asDouble()).isEqualTo(1.0);
            assertThat(before.path("usage_percent").asDouble()).isBetween(0.0, 0.1); // two small customer databases
            assertThat(http.send(HttpRequest.newBuilder(writer.url().resolve("/metrics/prometheus"))
                    .header("X-Graph-API-Key", writer.apiKey()).build(), HttpResponse.BodyHandlers.ofString()).body())
                    .contains("graphfleet_data_volume_size_bytes 1.073741824E9");

            // Fill the writer's volume past the 80 % threshold.
            fill(writer.dataDir(), (long) (0.9 * GIB));
            fleet.refreshVolumes();
            assertThat(dataVolume(writer).path("usage_percent").asDouble()).isGreaterThan(0.9);

            // The plan: expand the writer 1 -> 60 GB (1 + the 50 GB minimum increment, rounded to 10); nothing else.
            List<ModificationState> seen = new CopyOnWriteArrayList<>();
            LocalVolumeFleet planning = LocalVolumeFleet.open(dir, clock);
            MonitorReport plan = monitor(planning, Duration.ZERO, seen).run(planning.instances(), false, true);
            assertThat(row(plan, "writer-1").outcome()).isEqualTo(Outcome.PLANNED);
            assertThat(row(plan, "writer-1").decision()).isInstanceOfSatisfying(VolumeDecision.Expand.class,
                    expand -> assertThat(expand.newSizeGb()).isEqualTo(60));
            assertThat(row(plan, "writer-1").volumeId()).isEqualTo("vol-local-writer-1");
            assertThat(row(plan, "master-1").outcome()).isEqualTo(Outcome.NONE);
            assertThat(volumes().modificationRequests("vol-local-writer-1")).isZero();

            // Without --dry-run: the modification is requested; it is "modifying", so the filesystem waits.
            Instant requested = clock.instant();
            LocalVolumeFleet first = LocalVolumeFleet.open(dir, clock);
            MonitorReport run = monitor(first, Duration.ZERO, seen).run(first.instances(), false, false);
            assertThat(row(run, "writer-1").outcome()).as(row(run, "writer-1").detail())
                    .isEqualTo(Outcome.EXPANSION_PENDING);
            assertThat(volumes().sizeGb("vol-local-writer-1")).isEqualTo(60);
            assertThat(volumes().modificationState("vol-local-writer-1")).isEqualTo(ModificationState.MODIFYING);
            fleet.refreshVolumes();
            assertThat(dataVolume(writer).path("volume_size_gb").asDouble()).isEqualTo(1.0);

            // Two (simulated) seconds later it is optimizing: the next run grows the filesystem, a separate step.
            clock.advance(Duration.ofSeconds(2));
            assertThat(volumes().modificationState("vol-local-writer-1")).isEqualTo(ModificationState.OPTIMIZING);
            LocalVolumeFleet second = LocalVolumeFleet.open(dir, clock);
            run = monitor(second, Duration.ZERO, seen).run(second.instances(), false, false);
            assertThat(row(run, "writer-1").outcome()).as(row(run, "writer-1").detail())
                    .isEqualTo(Outcome.FILESYSTEM_GROWN);
            assertThat(volumes().filesystemSizeGb("writer-1")).isEqualTo(60.0);

            // The node reports the grown filesystem: usage is back under the threshold.
            fleet.refreshVolumes();
            JsonNode after = dataVolume(writer);
            assertThat(after.path("volume_size_gb").asDouble()).isEqualTo(60.0);
            assertThat(after.path("usage_percent").asDouble()).isLessThan(0.8).isGreaterThan(0.01);

            // Five more seconds: completed. A later monitor knows the modification (its cooldown) and does nothing.
            clock.advance(Duration.ofSeconds(5));
            assertThat(volumes().modificationState("vol-local-writer-1")).isEqualTo(ModificationState.COMPLETED);
            LocalVolumeFleet third = LocalVolumeFleet.open(dir, clock);
            assertThat(third.registry().find("vol-local-writer-1")).get()
                    .satisfies(r -> assertThat(r.lastModificationAt()).isEqualTo(requested))
                    .satisfies(r -> assertThat(r.status()).isEqualTo(VolumeStatus.ATTACHED));
            run = monitor(third, Duration.ZERO, seen).run(third.instances(), false, false);
            assertThat(run.instances()).extracting(InstanceReport::outcome).containsOnly(Outcome.NONE);
            assertThat(volumes().modifications("vol-local-writer-1")).isEqualTo(1);

            // In one run, given time: modifying, then optimizing, then the filesystem grown (EBS's order).
            fill(master.dataDir(), (long) (0.85 * GIB));
            fleet.refreshVolumes();
            LocalVolumeFleet fourth = LocalVolumeFleet.open(dir, clock);
            run = monitor(fourth, Duration.ofSeconds(30), seen).run(fourth.instances(), false, false);
            assertThat(row(run, "master-1").outcome()).as(row(run, "master-1").detail()).isEqualTo(Outcome.EXPANDED);
            assertThat(seen).hasSize(8).containsOnly(ModificationState.MODIFYING); // polled every 250 ms for 2 s
            assertThat(volumes().modificationState("vol-local-master-1")).isEqualTo(ModificationState.OPTIMIZING);
            fleet.refreshVolumes();
            assertThat(dataVolume(master).path("usage_percent").asDouble()).isLessThan(0.8);
        }
    }
}
