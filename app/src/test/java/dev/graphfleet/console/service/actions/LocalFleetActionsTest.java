package dev.graphfleet.console.service.actions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphfleet.console.testing.LocalConsole;
import dev.graphfleet.local.LocalFleet;
import dev.graphfleet.local.LocalJob;
import dev.graphfleet.local.LocalNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
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
    void snapshotRollbackAndRefreshAreJobsOfTheFleetWithItsOwnPlans() {
        LocalNode replica = fleet.nodes().get(2);
        List<String> progress = new ArrayList<>();
        ActionRequest snapshot = new ActionRequest.Snapshot(LocalFleetActions.LOCAL_REPLICAS, "industry");

        assertThat(actions.prepare(snapshot).steps()).startsWith(
                "master-1: checkpoint industry and publish it as v2 (the store's current is v1)",
                "replica-1: industry v1 -> v2");
        ActionResult published = actions.run(snapshot, progress::add);
        assertThat(published.ok()).as(published.summary()).isTrue();
        assertThat(published.summary()).matches("Snapshot industry and roll it out to local replicas: done, "
                + "industry v2 \\(job [0-9a-f-]{36}\\)");
        assertThat(fleet.jobs().finished().get(0).kind()).isEqualTo("snapshot");
        assertThat(progress.get(0)).startsWith("started snapshot industry (job ");

        ActionRequest rollback = new ActionRequest.Rollback(LocalFleetActions.LOCAL_REPLICAS, "industry");
        assertThat(actions.prepare(rollback).steps()).startsWith("replica-1: industry v2 -> v1",
                "pin industry at v1 (restarted replicas come back on it)");
        assertThat(actions.run(rollback, progress::add).summary()).startsWith(
                "Roll back industry on local replicas: done, industry v1 (job ");

        ActionRequest refresh = new ActionRequest.RollingRefresh(LocalFleetActions.LOCAL_REPLICAS, "industry");
        assertThat(actions.prepare(refresh).steps()).first().isEqualTo(
                "Move replica-1 to the newest published version of industry, one at a time: each serves it before "
                        + "the next moves.");
        assertThat(actions.run(refresh, progress::add).summary()).startsWith(
                "Rolling refresh of local replicas to the newest industry: done, industry v2 (job ");
        assertThat(fleet.servedVersions().get("replica-1")).containsEntry("industry", "v2");
        assertThat(fleet.nodes().get(2).url()).isEqualTo(replica.url());
    }

    @Test
    void aSecondOperationWhileAJobRunsStartsNothingAndNamesTheRunningJob() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        // What a CLI "fleet snapshot" through the control endpoint would hold: the fleet's one job slot.
        LocalJob cli = fleet.jobs().start("snapshot", "sec", p -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "sec held";
        }).job();
        try {
            ActionResult refused = actions.run(new ActionRequest.RollingRefresh(LocalFleetActions.LOCAL_REPLICAS,
                    "economic"), line -> { });
            assertThat(refused.ok()).isFalse();
            assertThat(refused.summary()).contains("job snapshot sec (job " + cli.id() + ") has been running since")
                    .endsWith("the local fleet runs one operation at a time: wait for it to finish");
        } finally {
            release.countDown();
            fleet.jobs().await(cli.id());
        }
        assertThat(fleet.jobs().finished()).noneMatch(j -> "economic".equals(j.target()));
    }

    @Test
    void aRollbackWithNothingBeforeItCannotBePlanned() {
        ActionRequest rollback = new ActionRequest.Rollback(LocalFleetActions.LOCAL_REPLICAS, "economic");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> actions.prepare(rollback))
                .hasMessage("economic serves v1, its first version: nothing to roll back to");
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
        ActionResult restarted = actions.run(new ActionRequest.RestartNode("replica-1"), line -> { });
        assertThat(restarted.ok()).as(restarted.summary()).isTrue();
        assertThat(restarted.summary()).startsWith("Restart replica-1: done, replica-1 serving (job ");
    }
}
