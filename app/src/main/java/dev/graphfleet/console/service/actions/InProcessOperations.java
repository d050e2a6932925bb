package dev.graphfleet.console.service.actions;

import dev.graphfleet.local.LocalControl;
import dev.graphfleet.local.LocalControlClient;
import dev.graphfleet.local.LocalFleet;
import dev.graphfleet.local.LocalJob;
import dev.graphfleet.local.LocalJobs;
import dev.graphfleet.local.LocalNode;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/** The jobs of the local fleet this process runs: the same queue its control endpoint serves the CLI. */
final class InProcessOperations implements LocalOperations {

    private final LocalFleet fleet;

    InProcessOperations(LocalFleet fleet) {
        this.fleet = Objects.requireNonNull(fleet, "fleet");
    }

    @Override
    public LocalControlClient.Started start(LocalControl.Request request) {
        LocalJobs.Start start = switch (request.kind()) {
            case "snapshot" -> fleet.startSnapshot(request.repository());
            case "refresh" -> fleet.startRefresh(request.repository());
            case "rollback" -> fleet.startRollback(request.repository(), request.version());
            case "restart" -> fleet.startRestart(request.replica());
            default -> throw new IllegalArgumentException("unknown local job kind " + request.kind());
        };
        return new LocalControlClient.Started(start.job(), start.started(), null);
    }

    @Override
    public List<String> plan(LocalControl.Request request) {
        return switch (request.kind()) {
            case "snapshot" -> fleet.planSnapshot(request.repository());
            case "rollback" -> fleet.planRollback(request.repository(), request.version());
            default -> throw new IllegalArgumentException("the local fleet plans snapshots and rollbacks, not "
                    + request.kind());
        };
    }

    @Override
    public LocalJob await(String id, Consumer<String> progress) {
        LocalJob done;
        try {
            done = fleet.jobs().await(id);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while job " + id + " runs; it goes on in the local fleet", e);
        }
        done.progress().forEach(progress);
        return done;
    }

    @Override
    public List<LocalNode> nodes() {
        return fleet.nodes();
    }
}
