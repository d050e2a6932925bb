package dev.graphfleet.console.service.actions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphfleet.console.testing.LocalConsole;
import dev.graphfleet.local.LocalFleet;
import dev.graphfleet.local.LocalNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local fleet's actions on a real local fleet in this process: plans name what they will do, runs do it. */
class LocalFleetActionsTest {

    @TempDir
    static Path dir;
    static LocalFleet fleet;
    static LocalFleetActions actions;

    @BeforeAll
    static void start() {
        fleet = LocalConsole.start(dir, 1);
        actions = LocalConsole.actions(fleet);
    }

    @AfterAll
    static void stop() {
        fleet.close();
    }

    @Test
    void snapshotRollbackAndRefreshSayWhichVersionsAndDoIt() {
        LocalNode replica = fleet.nodes().get(2);
        List<String> progress = new ArrayList<>();
        ActionRequest snapshot = new ActionRequest.Snapshot(LocalFleetActions.LOCAL_REPLICAS, "industry");

        assertThat(actions.prepare(snapshot).steps()).containsExactly(
                "Checkpoint industry on master-1 and publish it as v2 (the newest now is v1) to the local store.",
                "Then move replica-1 to industry v2, one at a time: each serves it before the next moves.",
                "A replica that fails to attach stops the roll-out; the ones after it are not touched.");
        ActionResult published = actions.run(snapshot, progress::add);
        assertThat(published.ok()).isTrue();
        assertThat(published.summary()).isEqualTo("Snapshot of industry published as v2 and rolled out to replica-1");
        assertThat(progress).contains("replica-1 serves industry v2");

        ActionRequest rollback = new ActionRequest.Rollback(LocalFleetActions.LOCAL_REPLICAS, "industry");
        assertThat(actions.prepare(rollback).steps()).first().isEqualTo(
                "Move replica-1 back to industry v1 (the version before the newest, v2), one at a time.");
        assertThat(actions.run(rollback, progress::add).summary()).isEqualTo("replica-1 rolled back to industry v1");

        ActionRequest refresh = new ActionRequest.RollingRefresh(LocalFleetActions.LOCAL_REPLICAS, "industry");
        assertThat(actions.prepare(refresh).steps()).first().isEqualTo(
                "Move replica-1 to industry v2 (the newest published version), one at a time.");
        assertThat(actions.run(refresh, progress::add).summary()).isEqualTo("replica-1 moved to industry v2");
        assertThat(progress).containsSubsequence("replica-1 serves industry v2", "replica-1 serves industry v1",
                "replica-1 serves industry v2");
        assertThat(fleet.nodes().get(2).url()).isEqualTo(replica.url());
    }

    @Test
    void aRollbackWithNothingBeforeItCannotBePlanned() {
        ActionRequest rollback = new ActionRequest.Rollback(LocalFleetActions.LOCAL_REPLICAS, "economic");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> actions.prepare(rollback))
                .hasMessage("economic has only v1: nothing to roll back to");
    }

    @Test
    void invalidateGoesToTheNodeWithItsKeyAndAnUnknownDatabaseIsTheNodesOwnError() {
        LocalNode writer = fleet.nodes().get(0);
        ActionResult done = actions.run(new ActionRequest.Invalidate("writer-1", writer.url(), "customer_a"), line -> { });
        assertThat(done.ok()).as(done.summary()).isTrue();
        assertThat(done.summary()).startsWith("Invalidated customer_a on writer-1 (it was");

        ActionRunner runner = new ActionRunner(actions);
        ActionResult unknown = runner.run(new ActionRequest.Invalidate("writer-1", writer.url(), "nobody"), line -> { })
                .join();
        runner.close();
        assertThat(unknown.ok()).isFalse();
        assertThat(unknown.summary()).isEqualTo("Invalidate nobody on writer-1 failed: " + writer.url()
                + " refused (HTTP 404): no database nobody on this node; GET /databases lists them");
        assertThat(unknown.summary()).doesNotContain(writer.apiKey());
    }

    @Test
    void theVolumeMonitorPlansFirstOverEveryNodesSimulatedVolume() {
        ActionPlan plan = actions.prepare(new ActionRequest.RunVolumeMonitor());

        assertThat(plan.steps().get(0)).startsWith("Dry run of the volume monitor");
        assertThat(plan.steps()).anySatisfy(s -> assertThat(s).startsWith("writer-1 · vol-local-writer-1 · ")
                .contains(" % of 1.0 GB → none: "));
        assertThat(plan.steps()).anySatisfy(s -> assertThat(s).startsWith("replica-1 · vol-local-replica-1"));
        assertThat(plan.nothingToDo()).isTrue();

        ActionResult applied = actions.run(new ActionRequest.RunVolumeMonitor(), line -> { });
        assertThat(applied.ok()).isTrue();
        assertThat(applied.summary()).isEqualTo("Volume monitor: 0 expanded, 0 filesystem(s) grown, 0 failed, of 3 volumes");
    }

    @Test
    void restartsOnlyItsOwnReplicas() {
        assertThat(actions.unavailable(ActionKind.RESTART_NODE)).isNull();
        ActionPlan plan = actions.prepare(new ActionRequest.RestartNode("replica-1"));
        assertThat(plan.steps().get(0)).isEqualTo("Stop replica-1 (" + fleet.nodes().get(2).url()
                + ") and start it again on the same port and data directory.");
    }
}
