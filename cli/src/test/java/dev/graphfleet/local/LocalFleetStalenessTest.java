package dev.graphfleet.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.graphfleet.fleet.FleetInstance;
import dev.graphfleet.fleet.FleetSnapshot;
import dev.graphfleet.fleet.FleetSource;
import dev.graphfleet.fleet.nodes.ProbeOptions;
import dev.graphfleet.repo.Version;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The drain-a-stale-replica rule on a real local fleet started with {@code --max-staleness}: a replica whose
 * data is older than the limit answers /health 503 {@code stale} while its peer serves fresher data, and is
 * back in service once it moves. Also what {@code fleet status} reads of it: the replicas' group and the
 * pools' configured maximum.
 *
 * <p>How the data gets stale without waiting on luck: every repository is published again (v2) once v1 is
 * half the limit old, so v2 is at least half the limit younger than v1; then replica-2 alone is pinned back
 * to v1 of one repository. From v1's age passing the limit until v2's does, replica-2 is stale and
 * replica-1 fresh.
 */
class LocalFleetStalenessTest {

    private static final SampleSizes TINY = new SampleSizes(20, 2, 5, 30, 8);
    private static final Duration LIMIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private final NodeClient client = new NodeClient(Duration.ofSeconds(5));

    private static void await(String what, long seconds, Supplier<Boolean> condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (condition.get()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("not within " + seconds + " s: " + what);
    }

    private NodeClient.Answer health(LocalNode node) {
        return client.health(node.url());
    }

    @Test
    void aReplicaOlderThanTheLimitStepsOutWhileItsPeerServesFresherDataAndReturnsWhenItMoves() throws Exception {
        LocalFleet.Options options = new LocalFleet.Options(dir, 2, TINY).withMaxStaleness(LIMIT);
        try (LocalFleet fleet = LocalFleet.start(options, TestNodeCommand.SERVE, message -> { })) {
            LocalNode replica1 = fleet.nodes().get(2);
            LocalNode replica2 = fleet.nodes().get(3);
            assertThat(replica2.id()).isEqualTo("replica-2");

            // fleet status's view: replicas in the local fleet's group, the writer in none, every pool's maximum known.
            try (FleetSource source = LocalFleetSource.of(fleet, ProbeOptions.defaults())) {
                FleetSnapshot snapshot = LocalFleetSource.withReplicaGroup(source.snapshot());
                assertThat(snapshot.instances()).extracting(FleetInstance::id, FleetInstance::group).contains(
                        org.assertj.core.groups.Tuple.tuple("writer-1", null),
                        org.assertj.core.groups.Tuple.tuple("replica-1", LocalFleet.GROUP),
                        org.assertj.core.groups.Tuple.tuple("replica-2", LocalFleet.GROUP));
                assertThat(snapshot.instance("writer-1").orElseThrow().node().pool().maxPerDatabase()).isPositive();
            }
            java.io.StringWriter table = new java.io.StringWriter();
            picocli.CommandLine cli = dev.graphfleet.cli.GraphfleetCli.commandLine();
            cli.setOut(new java.io.PrintWriter(table, true));
            cli.setErr(new java.io.PrintWriter(new java.io.StringWriter(), true));
            cli.execute("fleet", "status", "--nodes", "local", "--data", dir.toString());
            assertThat(table.toString()).containsPattern("replica-1 +\\S+ +shared_replica +replicas +")
                    .containsPattern("replica-2 +\\S+ +shared_replica +replicas +")
                    .containsPattern("writer-1 +\\S+ +writer +none +")
                    .doesNotContainPattern("writer-1 .*no database open");

            JsonNode before = health(replica1).body();
            assertThat(before.get("max_staleness_seconds").asLong()).isEqualTo(LIMIT.toSeconds());
            assertThat(before.get("stale").asBoolean()).isFalse();
            Map<String, String> v1 = fleet.servedVersions().get("replica-2");
            await("v1 half the limit old", LIMIT.toSeconds() * 2,
                    () -> health(replica1).body().path("data_age_seconds").asLong() >= LIMIT.toSeconds() / 2);

            for (String repository : SampleRepositories.NAMES) {
                fleet.snapshot(repository, message -> { });
            }
            assertThat(health(replica2).status()).isEqualTo(200);
            String repository = SampleRepositories.NAMES.get(0);
            Version old = Version.parse(v1.get(repository));
            NodeClient.Answer pin = client.refresh(replica2, repository, old);
            assertThat(pin.status()).as(pin.detail()).isIn(200, 202);
            await("replica-2 back on " + repository + " " + old, 60,
                    () -> client.attachments(replica2).get(repository).attachedAt(old));

            // Over the limit while replica-1 serves v2 of everything: replica-2 steps out, replica-1 stays in.
            await("replica-2 answers 503 stale", LIMIT.toSeconds() + 30, () -> health(replica2).status() == 503);
            NodeClient.Answer out = health(replica2);
            NodeClient.Answer peer = health(replica1);
            assertThat(out.body().path("status").asText()).as(out.body().toString()).isEqualTo("stale");
            assertThat(out.body().path("stale").asBoolean()).isTrue();
            assertThat(out.body().path("data_age_seconds").asLong()).isGreaterThanOrEqualTo(LIMIT.toSeconds());
            assertThat(peer.status()).as(peer.body().toString()).isEqualTo(200);
            assertThat(peer.body().path("stale").asBoolean()).isFalse();

            // It moves to the current version: fresh again, back in service.
            fleet.refresh(repository, message -> { });
            NodeClient.Answer back = health(replica2);
            assertThat(back.status()).as(back.body().toString()).isEqualTo(200);
            assertThat(back.body().path("stale").asBoolean()).isFalse();
        }
    }
}
