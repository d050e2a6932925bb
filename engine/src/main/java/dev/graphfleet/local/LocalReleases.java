package dev.graphfleet.local;

import dev.graphfleet.fleet.nodes.NodeCheckpoint;
import dev.graphfleet.graph.GraphEngine;
import dev.graphfleet.repo.FileRepositoryStore;
import dev.graphfleet.repo.Manifest;
import dev.graphfleet.repo.RepositoryException;
import dev.graphfleet.repo.RepositoryName;
import dev.graphfleet.repo.Version;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The versions of the local fleet's repositories: snapshots publish the master's repositories to the local store
 * as a new version and the replicas move to it ({@link ReplicaRollout}); a rollback moves them back and pins the
 * version ({@link PinnedVersions}); a refresh moves them to the newest and unpins. One operation at a time.
 */
final class LocalReleases {

    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(30);

    private final FileRepositoryStore store;
    private final GraphEngine engine;
    private final NodeProcesses processes;
    private final PinnedVersions pins;
    private final ReplicaRollout rollout;
    private final Runnable changed;

    /** @param changed called after each operation that moved replicas (the fleet rewrites its file) */
    LocalReleases(FileRepositoryStore store, GraphEngine engine, NodeProcesses processes, PinnedVersions pins,
                  ReplicaRollout rollout, Runnable changed) {
        this.store = store;
        this.engine = engine;
        this.processes = processes;
        this.pins = pins;
        this.rollout = rollout;
        this.changed = changed;
    }

    /** The repository's name when it is one of the local fleet's, else an error naming them. */
    static RepositoryName requireRepository(String repository) {
        if (repository == null || !SampleRepositories.NAMES.contains(repository)) {
            throw new IllegalArgumentException("the local fleet's repositories are "
                    + String.join(", ", SampleRepositories.NAMES) + "; got " + (repository == null ? "none" : "'" + repository + "'"));
        }
        return RepositoryName.of(repository);
    }

    /** Publishes each of the master's repositories in {@code masterDir} as v1 if the store has none. */
    void publishFirstVersions(Path masterDir, Consumer<String> progress) {
        for (String name : SampleRepositories.NAMES) {
            try {
                store.current(RepositoryName.of(name));
            } catch (RepositoryException e) {
                publish(name, masterDir.resolve(name + engine.fileExtension()));
                progress.accept("published " + name + " v1 to " + store.uri());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private Manifest publish(String name, Path file) {
        try {
            return store.publish(RepositoryName.of(name), file, engine.version());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot publish " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * Publishes the master's {@code repository} as a new version (after a checkpoint), then moves
     * the replicas to it one at a time, each serving the new version before the next moves.
     */
    synchronized Manifest snapshot(String repository, Consumer<String> progress) {
        RepositoryName name = requireRepository(repository);
        progress.accept("checkpointing " + name + " on master-1");
        LocalNode master = processes.node("master-1");
        new NodeCheckpoint(master.apiKey(), HTTP_TIMEOUT).checkpoint(master.url(), name.value());
        Manifest manifest = publish(name.value(), master.dataDir().resolve(name.value() + engine.fileExtension()));
        progress.accept("published " + name + " " + manifest.version());
        pins.unpin(name.value());
        rollout.rollTo(name.value(), manifest.version(), false, progress);
        changed.run();
        return manifest;
    }

    /**
     * Moves the replicas to the store's current version of {@code repository}, one at a time, and stops
     * pinning it (after a rollback).
     */
    synchronized Version refresh(String repository, Consumer<String> progress) {
        RepositoryName name = requireRepository(repository);
        Version target = currentVersion(name);
        pins.unpin(name.value());
        rollout.rollTo(name.value(), target, false, progress);
        changed.run();
        return target;
    }

    /** Moves the replicas back to {@code version} (default: the one before the newest), one at a time. */
    synchronized Version rollback(String repository, String version, Consumer<String> progress) {
        RepositoryName name = requireRepository(repository);
        Version target = rollbackTarget(name, version);
        rollout.rollTo(name.value(), target, true, progress);
        pins.pin(name.value(), target);
        changed.run();
        return target;
    }

    /** Rolls back every repository of the group to the version before the one its replicas serve. */
    synchronized String rollbackGroup(Consumer<String> progress) {
        List<String> done = new ArrayList<>();
        for (String repository : SampleRepositories.NAMES) {
            done.add(repository + " " + rollback(repository, null, progress));
        }
        return String.join(", ", done);
    }

    /**
     * What a snapshot of {@code repository} would change, one line each, changing nothing: the version
     * the master would publish and, per replica, the version it would move from and to.
     */
    List<String> planSnapshot(String repository) {
        RepositoryName name = requireRepository(repository);
        Version current = currentVersion(name);
        Version next = current.next();
        List<String> lines = new ArrayList<>();
        lines.add("master-1: checkpoint " + name + " and publish it as " + next + " (the store's current is "
                + current + ")");
        lines.addAll(moves(name.value(), next));
        return lines;
    }

    /** What a rollback would change ({@code repository} null: every repository), changing nothing. */
    List<String> planRollback(String repository, String version) {
        List<String> lines = new ArrayList<>();
        for (String each : repository == null ? SampleRepositories.NAMES : List.of(repository)) {
            RepositoryName name = requireRepository(each);
            Version target = rollbackTarget(name, version);
            lines.addAll(moves(name.value(), target));
            lines.add("pin " + name + " at " + target + " (restarted replicas come back on it)");
        }
        return lines;
    }

    private List<String> moves(String repository, Version target) {
        List<String> lines = new ArrayList<>();
        for (String replica : processes.replicas()) {
            String serving = rollout.servingVersion(replica, repository).map(Version::toString).orElse("nothing");
            lines.add(replica + ": " + repository + " " + serving + " -> " + target
                    + (serving.equals(target.toString()) ? " (already there)" : ""));
        }
        return lines;
    }

    /** Replica id → repository → the version it serves now. */
    Map<String, Map<String, String>> servedVersions() {
        return rollout.servedVersions();
    }

    /** The newest published version of {@code repository}. */
    Version latestVersion(String repository) {
        return currentVersion(requireRepository(repository));
    }

    /** Waits until {@code replica} (just restarted) attached what it should serve: the pinned or the newest. */
    void awaitServing(String replica) {
        for (String repository : SampleRepositories.NAMES) {
            Version version = pins.get(repository).orElseGet(() -> currentVersion(RepositoryName.of(repository)));
            rollout.awaitAttached(replica, repository, version);
        }
    }

    private Version currentVersion(RepositoryName name) {
        try {
            return store.current(name).version();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + "'s current version from " + store.uri(), e);
        }
    }

    /** {@code version} when the store has it, else the one before what the replicas serve. */
    private Version rollbackTarget(RepositoryName name, String version) {
        if (version == null) {
            return previousVersion(name);
        }
        if (!Version.isValid(version)) {
            throw new IllegalArgumentException("--to " + version + " is not a version; versions look like v1, v2");
        }
        Version target = Version.parse(version);
        try {
            store.manifest(name, target);
        } catch (IOException e) {
            throw new IllegalArgumentException(name + " has no version " + version + " in " + store.uri()
                    + "; the newest is " + currentVersion(name));
        }
        return target;
    }

    /** The version before the one the replicas serve now (pinned or current). */
    private Version previousVersion(RepositoryName name) {
        Version serving = pins.get(name.value()).orElseGet(() -> currentVersion(name));
        if (serving.number() < 2) {
            throw new IllegalStateException(name + " serves " + serving + ", its first version: nothing to roll back to");
        }
        return new Version(serving.number() - 1);
    }
}
