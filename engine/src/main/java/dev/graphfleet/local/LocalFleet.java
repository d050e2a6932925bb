package dev.graphfleet.local;

import dev.graphfleet.graph.GraphEngine;
import dev.graphfleet.graph.GraphEngines;
import dev.graphfleet.repo.FileRepositoryStore;
import dev.graphfleet.repo.Manifest;
import dev.graphfleet.repo.StoreUri;
import dev.graphfleet.repo.Version;
import dev.graphfleet.volume.VolumePolicy;
import dev.graphfleet.volume.local.FileVolumeStore;
import dev.graphfleet.volume.local.SimulatedTimings;
import dev.graphfleet.volume.local.SimulatedVolumes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The embedded default fleet: on this machine, one writer with a few customer databases, one shared master
 * holding the repositories and N shared replicas attaching them from a local store, each a real node in its own
 * OS process (the {@link NodeCommand} it is given, with {@code --config <data>/config/<id>.yml}, as {@code graphfleet
 * serve} on a server) on its own loopback port, with its own data directory and a per-run API key. This process
 * supervises them ({@link NodeProcesses}): a node that crashes or is killed comes back, and its state is reported. Snapshots
 * publish the master's repositories as a new version; replicas move to it one at a time, asked over HTTP
 * ({@link LocalReleases}). A rollback's pinned versions are kept in {@code fleet-state.json} and survive a restart
 * of the fleet. Operations run one at a time as jobs ({@link LocalFleetJobs}). Each node's data volume is
 * simulated ({@code <data>/volumes.json}): a capacity that the volume monitor can expand through EBS's states,
 * against the real bytes under the node's data directory. This class puts those parts together and keeps
 * {@code local-fleet.json} up to date.
 */
public final class LocalFleet implements AutoCloseable {

    public static final List<String> CUSTOMER_DATABASES = List.of("customer_a", "customer_b");
    /** The local fleet's one replica group: every replica. */
    public static final String GROUP = "replicas";
    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(30);

    /**
     * Where and how big; {@code replicas} shared replicas (default 2). Each node's data directory gets a
     * simulated volume of {@code volumeGb} (default 1) whose modifications take {@code volumeTimings}; the
     * replicas' data may be {@code maxStaleness} old before the staleness rule drains them (null: off).
     */
    public record Options(Path dataDir, int replicas, SampleSizes sizes, long volumeGb,
                          SimulatedTimings volumeTimings, Duration maxStaleness) {

        public static final long DEFAULT_VOLUME_GB = 1;

        public Options {
            if (replicas < 0 || replicas > 10) {
                throw new IllegalArgumentException("--replicas must be 0..10 on one machine, got " + replicas);
            }
            if (volumeGb < 1 || volumeGb > VolumePolicy.EBS_MAX_GB) {
                throw new IllegalArgumentException("--volume-gb must be 1.." + VolumePolicy.EBS_MAX_GB
                        + " (a simulated EBS size in GB), got " + volumeGb);
            }
            if (maxStaleness != null && (maxStaleness.toMillis() % 1000 != 0 || maxStaleness.toSeconds() < 1)) {
                throw new IllegalArgumentException("--max-staleness must be whole seconds, at least 1 s (e.g. 90s, 5m),"
                        + " got " + maxStaleness);
            }
            dataDir = dataDir.toAbsolutePath().normalize();
            Objects.requireNonNull(volumeTimings, "volumeTimings");
        }

        /** Without a staleness limit. */
        public Options(Path dataDir, int replicas, SampleSizes sizes, long volumeGb, SimulatedTimings volumeTimings) {
            this(dataDir, replicas, sizes, volumeGb, volumeTimings, null);
        }

        /** With 1 GB simulated volumes and the compressed {@link SimulatedTimings#LOCAL_FLEET} timings. */
        public Options(Path dataDir, int replicas, SampleSizes sizes) {
            this(dataDir, replicas, sizes, DEFAULT_VOLUME_GB, SimulatedTimings.LOCAL_FLEET);
        }

        public Options withMaxStaleness(Duration limit) {
            return new Options(dataDir, replicas, sizes, volumeGb, volumeTimings, limit);
        }
    }

    private final Options options;
    private final GraphEngine engine = GraphEngines.load();
    private final FileRepositoryStore store;
    private final PinnedVersions pins;
    private final SimulatedVolumes volumes;
    private final NodeProcesses processes;
    private final LocalReleases releases;
    private final LocalFleetJobs jobs;
    private final VolumeReadings volumeReadings;
    private final Instant startedAt = Instant.now();
    private final Object fileLock = new Object();
    private volatile LocalControl control;
    private volatile boolean closing;

    private LocalFleet(Options options, NodeCommand command, Consumer<String> events) {
        this.options = options;
        try {
            Files.createDirectories(options.dataDir().resolve("store"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + options.dataDir(), e);
        }
        this.pins = PinnedVersions.read(options.dataDir()); // a corrupt file stops the start here
        this.store = new FileRepositoryStore((StoreUri.Local) StoreUri.parse(options.dataDir().resolve("store").toUri().toString()));
        FileVolumeStore volumeStore = FileVolumeStore.create(options.dataDir(), options.volumeTimings());
        this.volumes = new SimulatedVolumes(volumeStore, Clock.systemUTC(), options.volumeTimings());
        NodeClient client = new NodeClient(HTTP_TIMEOUT);
        this.processes = new NodeProcesses(options, command, pins, client, volumes, events, this::stateChanged);
        this.releases = new LocalReleases(store, engine, processes, pins, new ReplicaRollout(processes, pins, client),
                this::writeFile);
        this.jobs = new LocalFleetJobs(new LocalJobs(Clock.systemUTC()), releases, processes.replicas(),
                this::restartReplica);
        this.volumeReadings = new VolumeReadings(processes, volumes, client);
    }

    /**
     * Starts the fleet, each node with {@code command}; {@code progress} hears each step, and after the start each
     * supervisor event (a node down, restarting).
     */
    public static LocalFleet start(Options options, NodeCommand command, Consumer<String> progress) {
        LocalFleet fleet = new LocalFleet(options, command, progress);
        try {
            fleet.startNodes(progress);
            return fleet;
        } catch (RuntimeException e) {
            fleet.close();
            throw e;
        }
    }

    private void startNodes(Consumer<String> progress) {
        Path masterDir = options.dataDir().resolve("master-1");
        FleetSeed seed = new FleetSeed(engine, options.sizes());
        seed.prepareWriter(options.dataDir().resolve("writer-1"), progress);
        seed.prepareMaster(masterDir, progress);
        releases.publishFirstVersions(masterDir, progress);
        processes.start(progress);
        control = LocalControl.start(this, ApiKeys.next());
        writeFile();
    }

    /** The simulated volume of a local node: {@code vol-local-<node id>}. */
    public static String volumeId(String nodeId) {
        return "vol-local-" + nodeId;
    }

    /** The simulated volumes (the same file {@code graphfleet volumes check --source local} works on). */
    public SimulatedVolumes volumes() {
        return volumes;
    }

    /**
     * Waits until every node reports its volume as it is now (size from {@code volumes.json}, the bytes under its
     * data directory), e.g. right after the volume monitor grew a filesystem. Each node measures every second in
     * its own process; this waits (up to 15 s a node) for that measurement instead of a fixed time.
     */
    public void refreshVolumes() {
        volumeReadings.awaitAll();
    }

    /**
     * Publishes the master's {@code repository} as a new version (after a checkpoint), then moves
     * the replicas to it one at a time, each serving the new version before the next moves.
     */
    public Manifest snapshot(String repository, Consumer<String> progress) {
        return releases.snapshot(repository, progress);
    }

    /**
     * Moves the replicas to the store's current version of {@code repository}, one at a time, and stops
     * pinning it (after a rollback).
     */
    public Version refresh(String repository, Consumer<String> progress) {
        return releases.refresh(repository, progress);
    }

    /** Moves the replicas back to {@code version} (default: the one before the newest), one at a time. */
    public Version rollback(String repository, String version, Consumer<String> progress) {
        return releases.rollback(repository, version, progress);
    }

    /** Rolls back every repository of the group to the version before the one its replicas serve. */
    public String rollbackGroup(Consumer<String> progress) {
        return releases.rollbackGroup(progress);
    }

    /**
     * What a snapshot of {@code repository} would change, one line each, changing nothing: the version
     * the master would publish and, per replica, the version it would move from and to.
     */
    public List<String> planSnapshot(String repository) {
        return releases.planSnapshot(repository);
    }

    /** What a rollback would change ({@code repository} null: every repository), changing nothing. */
    public List<String> planRollback(String repository, String version) {
        return releases.planRollback(repository, version);
    }

    /** Replica id → repository → the version it serves now. */
    public Map<String, Map<String, String>> servedVersions() {
        return releases.servedVersions();
    }

    /** The newest published version of {@code repository}, e.g. {@code v3}. */
    public Version latestVersion(String repository) {
        return releases.latestVersion(repository);
    }

    /** The operations queue: one at a time, for the control endpoint and the console alike. */
    public LocalJobs jobs() {
        return jobs.queue();
    }

    public LocalJobs.Start startSnapshot(String repository) {
        return jobs.startSnapshot(repository);
    }

    public LocalJobs.Start startRefresh(String repository) {
        return jobs.startRefresh(repository);
    }

    /** {@code repository} null: every repository back one version. */
    public LocalJobs.Start startRollback(String repository, String version) {
        return jobs.startRollback(repository, version);
    }

    public LocalJobs.Start startRestart(String replicaId) {
        return jobs.startRestart(replicaId);
    }

    /**
     * Kills a replica's process (SIGKILL, as a crash would) and returns once the supervisor has seen it down;
     * the supervisor restarts it after its backoff, or {@link #restartReplica(String)} does at once.
     */
    public void killReplica(String id) {
        requireReplica(id);
        processes.kill(id);
    }

    /** Stops a replica gracefully and starts it again on the same port and data directory, on the pinned versions. */
    public void restartReplica(String id) {
        requireReplica(id);
        processes.restart(id);
        releases.awaitServing(id);
        writeFile();
    }

    private void requireReplica(String id) {
        if (!processes.replicas().contains(id)) {
            throw new IllegalArgumentException("no replica " + id + " in the local fleet");
        }
    }

    /** Each node's process as the supervisor sees it: up, down since when, restarts. */
    public List<NodeProcessState> processes() {
        return processes.states();
    }

    public List<LocalNode> nodes() {
        return processes.nodes();
    }

    public Path dataDir() {
        return options.dataDir();
    }

    /** A supervisor's state change: the file that other processes read says it at once. */
    private void stateChanged() {
        if (control != null && !closing) {
            writeFile();
        }
    }

    private void writeFile() {
        synchronized (fileLock) { // not the releases' lock: a rolling refresh holds that for minutes
            if (closing) {
                return;
            }
            new LocalFleetFile(ProcessHandle.current().pid(), startedAt, nodes(), pins.asText(),
                    control == null ? null : control.endpoint(), processes()).write(options.dataDir());
        }
    }

    /** Stops every node cleanly (each on SIGTERM: in-flight queries finish, the master and writer checkpoint). */
    @Override
    public void close() {
        synchronized (fileLock) {
            closing = true;
            LocalFleetFile.delete(options.dataDir());
        }
        if (control != null) {
            control.close();
        }
        jobs.queue().close();
        processes.close();
        store.close();
    }

    /** The default place: {@code ~/.graphfleet/local}. */
    public static Path defaultDataDir() {
        return Path.of(System.getProperty("user.home"), ".graphfleet", "local");
    }

}
