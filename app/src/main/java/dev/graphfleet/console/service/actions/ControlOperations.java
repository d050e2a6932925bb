package dev.graphfleet.console.service.actions;

import dev.graphfleet.local.LocalControl;
import dev.graphfleet.local.LocalControlClient;
import dev.graphfleet.local.LocalFleetFile;
import dev.graphfleet.local.LocalJob;
import dev.graphfleet.local.LocalNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The jobs of a local fleet that another process runs ({@code ./graphfleet local}), through its
 * authenticated loopback control endpoint, found in {@code <data>/local-fleet.json}.
 */
final class ControlOperations implements LocalOperations {

    /** How often a running job is read: a person watches its steps come. */

    private final LocalControlClient client;
    private final Path dataDir;

    ControlOperations(LocalControlClient client, Path dataDir) {
        this.client = Objects.requireNonNull(client, "client");
        this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
    }

    /** The running fleet's endpoint, or empty when none runs with {@code dataDir} (or it has no endpoint). */
    static Optional<LocalOperations> find(Path dataDir) {
        return LocalControlClient.open(dataDir).map(c -> new ControlOperations(c, dataDir));
    }

    @Override
    public LocalControlClient.Started start(LocalControl.Request request) {
        return client.start(request);
    }

    @Override
    public List<String> plan(LocalControl.Request request) {
        try {
            return client.plan(request);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(e.getMessage(), e); // the fleet's reason, e.g. nothing to roll back to
        }
    }

    @Override
    public LocalJob await(String id, Consumer<String> progress) {
        try {
            return client.await(id, progress);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while job " + id + " runs; it goes on in the local fleet", e);
        }
    }

    @Override
    public List<LocalNode> nodes() {
        return LocalFleetFile.read(dataDir).map(LocalFleetFile::nodes).orElse(List.of());
    }
}
