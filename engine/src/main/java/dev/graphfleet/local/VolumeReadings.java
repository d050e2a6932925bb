package dev.graphfleet.local;

import com.fasterxml.jackson.databind.JsonNode;
import dev.graphfleet.volume.local.SimulatedVolumes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits until the nodes report their simulated volumes as they are now (size from {@code volumes.json}, the bytes
 * under the node's data directory), e.g. right after the volume monitor grew a filesystem. Each node measures
 * every second in its own process; this waits for that measurement instead of a fixed time.
 */
final class VolumeReadings {

    private static final Logger log = LoggerFactory.getLogger(VolumeReadings.class);
    private static final Duration WAIT = Duration.ofSeconds(15);

    private final NodeProcesses processes;
    private final SimulatedVolumes volumes;
    private final NodeClient client;

    VolumeReadings(NodeProcesses processes, SimulatedVolumes volumes, NodeClient client) {
        this.processes = processes;
        this.volumes = volumes;
        this.client = client;
    }

    /** Up to 15 s a node. */
    void awaitAll() {
        for (LocalNode node : processes.nodes()) {
            await(node);
        }
    }

    private void await(LocalNode node) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            double expectedSize = volumes.filesystemSizeGb(node.id());
            double expectedUsed;
            try {
                expectedUsed = SimulatedDataVolume.bytesUnder(node.dataDir()) / (1024.0 * 1024 * 1024);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot measure " + node.dataDir(), e);
            }
            NodeClient.Answer answer = client.get(node, "metrics");
            if (answer.status() == 200) {
                JsonNode volume = answer.body().path("system").path("volumes").path("data_volume");
                last = volume.toString();
                if (Math.abs(volume.path("volume_size_gb").asDouble(-1) - expectedSize) < 0.01
                        && Math.abs(volume.path("used_gb").asDouble(-1) - expectedUsed) < 0.01) {
                    return;
                }
            } else if (processes.state(node.id()).status() != NodeProcessState.Status.UP) {
                return; // a node that is down reports nothing to wait for
            }
            Polling.pause();
        }
        // Best effort (its next scan, a second later, reports it anyway): say so rather than fail the caller.
        log.warn("{} did not report its volume as measured now within 15 s; it reports {}", node.id(), last);
    }
}
