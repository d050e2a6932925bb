package dev.graphfleet.local;

import java.util.List;
import java.util.function.Consumer;

/**
 * The local fleet's operations as jobs of its queue ({@link LocalJobs}: one at a time, for the control endpoint
 * and the console alike): each request is checked before it starts, and its job's result line names what it did.
 */
final class LocalFleetJobs {

    private final LocalJobs queue;
    private final LocalReleases releases;
    private final List<String> replicas;
    private final Consumer<String> restartReplica;

    /**
     * @param replicas       the replicas' ids a restart may name
     * @param restartReplica restarts one replica and returns once it serves again
     */
    LocalFleetJobs(LocalJobs queue, LocalReleases releases, List<String> replicas, Consumer<String> restartReplica) {
        this.queue = queue;
        this.releases = releases;
        this.replicas = replicas;
        this.restartReplica = restartReplica;
    }

    LocalJobs queue() {
        return queue;
    }

    LocalJobs.Start startSnapshot(String repository) {
        LocalReleases.requireRepository(repository);
        return queue.start("snapshot", repository, p -> repository + " " + releases.snapshot(repository, p).version());
    }

    LocalJobs.Start startRefresh(String repository) {
        LocalReleases.requireRepository(repository);
        return queue.start("refresh", repository, p -> repository + " " + releases.refresh(repository, p));
    }

    /** {@code repository} null: every repository back one version. */
    LocalJobs.Start startRollback(String repository, String version) {
        if (repository == null) {
            if (version != null) {
                throw new IllegalArgumentException("a rollback to " + version + " needs the repository (--graph):"
                        + " versions are per repository (" + String.join(", ", SampleRepositories.NAMES) + ")");
            }
            return queue.start("rollback", LocalFleet.GROUP, releases::rollbackGroup);
        }
        LocalReleases.requireRepository(repository);
        return queue.start("rollback", repository, p -> repository + " " + releases.rollback(repository, version, p));
    }

    LocalJobs.Start startRestart(String replicaId) {
        if (!replicas.contains(replicaId)) {
            throw new IllegalArgumentException("no replica " + replicaId + " in the local fleet; the replicas are "
                    + replicas);
        }
        return queue.start("restart", replicaId, p -> {
            restartReplica.accept(replicaId);
            p.accept(replicaId + " restarted and attached");
            return replicaId + " serving";
        });
    }
}
