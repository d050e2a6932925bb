package dev.graphfleet.console.service.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graphfleet.config.NodeType;
import dev.graphfleet.console.testing.LocalConsole;
import dev.graphfleet.fleet.FleetInstance;
import dev.graphfleet.fleet.Health;
import dev.graphfleet.local.LocalFleet;
import dev.graphfleet.local.LocalJob;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A console that did not start the local fleet (no fleet object, only its data directory) takes the
 * same actions through the fleet's control endpoint, over real loopback HTTP with its key.
 */
class LocalControlActionsTest {

    @TempDir
    static Path dir;
    static LocalFleet fleet;
    static LocalFleetActions actions;

    @BeforeAll
    static void start() {
        fleet = LocalConsole.start(dir, 1);
        actions = new LocalFleetActions(null, fleet.dataDir(), LocalConsole.invalidator(fleet), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        fleet.close();
    }

    @Test
    void offersEveryActionAndRestartsOfItsReplicas() {
        for (ActionKind kind : ActionKind.values()) {
            assertThat(actions.unavailable(kind)).as(kind.name()).isNull();
        }
        assertThat(actions.canRestart(instance("replica-1", NodeType.SHARED_REPLICA))).isTrue();
        assertThat(actions.canRestart(instance("writer-1", NodeType.WRITER))).isFalse();
    }

    @Test
    void snapshotRunsAsAJobOfTheFleetWithItsPlanAndStepsFromTheEndpoint() {
        ActionRequest snapshot = new ActionRequest.Snapshot(LocalFleetActions.LOCAL_REPLICAS, "sec");
        String current = fleet.latestVersion("sec").toString();
        String next = "v" + (Integer.parseInt(current.substring(1)) + 1);
        assertThat(actions.prepare(snapshot).steps()).startsWith(
                "master-1: checkpoint sec and publish it as " + next + " (the store's current is " + current + ")");

        List<String> progress = new ArrayList<>();
        ActionResult done = actions.run(snapshot, progress::add);

        assertThat(done.ok()).as(done.summary()).isTrue();
        assertThat(done.summary()).startsWith("Snapshot sec and roll it out to local replicas: done, sec " + next);
        assertThat(progress).first().asString().startsWith("started snapshot sec (job ");
        assertThat(progress).contains("published sec " + next, "replica-1 serves sec " + next);
        assertThat(fleet.servedVersions().get("replica-1")).containsEntry("sec", next);
    }

    @Test
    void aRequestWhileAJobRunsGetsThatJobsIdFromTheEndpoint() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        LocalJob held = fleet.jobs().start("refresh", "economic", p -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "economic held";
        }).job();
        try {
            ActionResult refused = actions.run(new ActionRequest.RestartNode("replica-1"), line -> { });
            assertThat(refused.ok()).isFalse();
            assertThat(refused.summary()).startsWith("Restart replica-1 failed: job refresh economic (job "
                    + held.id() + ") has been running since");
        } finally {
            release.countDown();
            fleet.jobs().await(held.id());
        }
    }

    @Test
    void aPlanTheFleetCannotMakeIsItsOwnReason() {
        assertThatThrownBy(() -> actions.prepare(new ActionRequest.Rollback(LocalFleetActions.LOCAL_REPLICAS,
                "industry"))).hasMessage("industry serves v1, its first version: nothing to roll back to");
    }

    @Test
    void withoutARunningFleetItSaysHowToGetOne(@TempDir Path empty) {
        LocalFleetActions none = new LocalFleetActions(null, empty, LocalConsole.invalidator(fleet), Clock.systemUTC());
        assertThat(none.unavailable(ActionKind.SNAPSHOT)).isEqualTo("the local fleet in " + empty + " has no control "
                + "endpoint (it is not running, or an older ./graphfleet local runs it): restart it with "
                + "./graphfleet local to snapshot, roll or restart its nodes");
        assertThat(none.canRestart(instance("replica-1", NodeType.SHARED_REPLICA))).isFalse();
        assertThatThrownBy(() -> none.prepare(new ActionRequest.Snapshot(LocalFleetActions.LOCAL_REPLICAS, "sec")))
                .hasMessageContaining("has no control endpoint");
    }

    private static FleetInstance instance(String id, NodeType role) {
        return new FleetInstance(id, role, URI.create("http://127.0.0.1:9/" + id), "running", Health.HEALTHY, null, null,
                null, null, null, null);
    }
}
