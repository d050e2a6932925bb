package dev.graphfleet.local;

import dev.graphfleet.fleet.refresh.Member;
import dev.graphfleet.fleet.refresh.Verification;
import dev.graphfleet.repo.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Moves the local fleet's replicas to a version of a repository one at a time, each asked over HTTP, each serving
 * the version before the next moves; and reads what each serves ({@code GET /attachments}).
 */
final class ReplicaRollout {

    private final NodeProcesses processes;
    private final PinnedVersions pins;
    private final NodeClient client;

    ReplicaRollout(NodeProcesses processes, PinnedVersions pins, NodeClient client) {
        this.processes = processes;
        this.pins = pins;
        this.client = client;
    }

    /**
     * One replica at a time, each asked over HTTP ({@code POST /repositories/{repository}/refresh}) to move to
     * the version and pin it: new queries go to the new version, in-flight ones finish on the old. A replica
     * that is down (or fails on the way) stops the refresh with a report naming it, and the replicas after it
     * keep serving what they served.
     */
    void rollTo(String repository, Version version, boolean pin, Consumer<String> progress) {
        List<String> moved = new ArrayList<>();
        for (String replica : processes.replicas()) {
            if (!serving(replica)) {
                throw stopped(replica, repository, version, moved, "it is not serving (down or stopping)", null);
            }
            // A replica that already serves the version (a refresh finished after a fault) is left alone.
            boolean alreadyThere = servingVersion(replica, repository).filter(version::equals).isPresent();
            if (!alreadyThere) {
                try {
                    move(replica, repository, version, pin, progress);
                    awaitAttached(replica, repository, version);
                } catch (RuntimeException e) {
                    throw stopped(replica, repository, version, moved, e.getMessage(), e);
                }
            }
            String now = servingVersion(replica, repository).map(Version::toString).orElse("?");
            if (!now.equals(version.toString())) {
                throw new IllegalStateException("rolling refresh stopped at " + replica + ": it serves " + repository
                        + " " + now + ", not " + version + "; the replicas after it were not touched");
            }
            if (!ready(replica)) {
                throw stopped(replica, repository, version, moved, "it serves " + version + " but is not ready", null);
            }
            progress.accept(replica + " serves " + repository + " " + version);
            moved.add(replica);
        }
        verify(repository, version);
    }

    /**
     * Asks the replica to move ({@code pin}: to {@code version}, pinned; else to the store's current, which is
     * {@code version}, unpinned); a node without the refresh endpoint is restarted on the version instead.
     */
    private void move(String replica, String repository, Version version, boolean pin, Consumer<String> progress) {
        NodeClient.Answer answer = client.refresh(processes.node(replica), repository, pin ? version : null);
        if (answer.status() == 200 || answer.status() == 202) {
            return;
        }
        if (answer.status() == 404 && "not_found".equals(answer.body().path("error").asText())) {
            // "no endpoint": a node without POST /repositories/{r}/refresh (an older build). Restart it on the
            // version: the process's downtime shows, the in-place move needs that endpoint.
            progress.accept(replica + " has no refresh endpoint: restarting it on " + repository + " " + version);
            pins.whilePinned(repository, version, () -> processes.restart(replica));
            return;
        }
        throw new IllegalStateException(replica + " refused to move " + repository + " to " + version + ": "
                + answer.detail());
    }

    /**
     * Waits until the replica serves {@code repository} at {@code version} and has every repository attached;
     * a failed attach ends the wait with its error.
     */
    void awaitAttached(String replica, String repository, Version version) {
        long deadline = System.nanoTime() + NodeProcesses.STEP_TIMEOUT.toNanos();
        Map<String, NodeClient.Attachment> seen = Map.of();
        while (System.nanoTime() < deadline) {
            seen = client.attachments(processes.node(replica));
            NodeClient.Attachment target = seen.get(repository);
            if (target != null && "failed".equals(target.phase())) {
                throw new IllegalStateException(replica + ": " + repository + " failed to attach: " + target.error());
            }
            if (target != null && target.attachedAt(version)
                    && seen.values().stream().allMatch(a -> "attached".equals(a.phase()))) {
                return;
            }
            if (processes.state(replica).status() == NodeProcessState.Status.DOWN) {
                throw new IllegalStateException(replica + " went down while moving to " + repository + " " + version);
            }
            Polling.pause();
        }
        throw new IllegalStateException(replica + " did not attach " + repository + " " + version + " within "
                + NodeProcesses.STEP_TIMEOUT.toSeconds() + " s: " + seen.values());
    }

    /** The version {@code replica} serves now (its {@code GET /attachments}), empty when none or it is down. */
    Optional<Version> servingVersion(String replica, String repository) {
        return Optional.ofNullable(client.attachments(processes.node(replica)).get(repository))
                .flatMap(NodeClient.Attachment::servedVersion);
    }

    /** Replica id → repository → the version it serves now. */
    Map<String, Map<String, String>> servedVersions() {
        Map<String, Map<String, String>> served = new TreeMap<>();
        for (String replica : processes.replicas()) {
            Map<String, String> versions = new TreeMap<>();
            client.attachments(processes.node(replica)).forEach((repository, attachment) -> {
                if (attachment.version() != null) {
                    versions.put(repository, attachment.version());
                }
            });
            served.put(replica, versions);
        }
        return served;
    }

    /** Up (its process runs and it answered ready, or stale: it has its data). */
    private boolean serving(String replica) {
        return processes.state(replica).status() == NodeProcessState.Status.UP;
    }

    /** Its /health answers ready (200). */
    private boolean ready(String replica) {
        return client.health(processes.node(replica).url()).status() == 200;
    }

    /** After the roll, every replica must serve the target and be ready: the same check as after an AWS refresh. */
    private void verify(String repository, Version version) {
        List<String> replicas = processes.replicas();
        List<Member> members = replicas.stream().map(r -> new Member(r,
                servingVersion(r, repository).map(Version::toString).orElse(null),
                ready(r) ? Member.State.SERVING : Member.State.FAILED)).toList();
        Verification verification = Verification.of(members, version.toString(), replicas.size());
        if (!verification.ok()) {
            throw new IllegalStateException("verification of " + repository + " " + version + " failed: "
                    + verification.summary());
        }
    }

    private static IllegalStateException stopped(String replica, String repository, Version version, List<String> moved,
                                                  String why, Throwable cause) {
        return new IllegalStateException("rolling refresh of " + repository + " to " + version + " stopped at "
                + replica + ": " + why + "; " + (moved.isEmpty() ? "no replica was moved"
                : String.join(", ", moved) + " serve(s) " + version) + ", the replicas after it were not touched", cause);
    }
}
