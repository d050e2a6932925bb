package dev.graphfleet.local;

import dev.graphfleet.config.NodeType;
import dev.graphfleet.fleet.refresh.Member;
import dev.graphfleet.fleet.refresh.Verification;
import dev.graphfleet.graph.GraphEngine;
import dev.graphfleet.graph.GraphEngines;
import dev.graphfleet.pool.DatabaseDefaults;
import dev.graphfleet.pool.DirectoryCatalog;
import dev.graphfleet.pool.GraphPool;
import dev.graphfleet.pool.PoolSettings;
import dev.graphfleet.repo.FileRepositoryStore;
import dev.graphfleet.repo.Manifest;
import dev.graphfleet.repo.RepositoryException;
import dev.graphfleet.repo.RepositoryName;
import dev.graphfleet.repo.StoreUri;
import dev.graphfleet.repo.Version;
import dev.graphfleet.volume.VolumePolicy;
import dev.graphfleet.volume.local.FileVolumeStore;
import dev.graphfleet.volume.local.SimulatedTimings;
import dev.graphfleet.volume.local.SimulatedVolumes;
import dev.graphfleet.fleet.nodes.NodeCheckpoint;
import java.io.IOException;
import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.function.Supplier;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The embedded default fleet: on this machine, one writer with a few customer databases, one shared master
 * holding the repositories and N shared replicas attaching them from a local store, each a real node in its own
 * OS process ({@code graphfleet serve --config <data>/config/<id>.yml}, as on a server) on its own loopback
 * port, with its own data directory and a per-run API key. This process supervises them ({@link Supervisor}):
 * a node that crashes or is killed comes back, and its state is reported. Snapshots publish the master's
 * repositories as a new version; replicas move to it one at a time, asked over HTTP. A rollback's pinned
 * versions are kept in {@code fleet-state.json} and survive a restart of the fleet. Each node's data volume is
 * simulated ({@code <data>/volumes.json}): a capacity that the volume monitor can expand through EBS's states,
 * against the real bytes under the node's data directory.
 */
public final class LocalFleet implements AutoCloseable {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(LocalFleet.class);

    public static final List<String> CUSTOMER_DATABASES = List.of("customer_a", "customer_b");
    /** The local fleet's one replica group: every replica. */
    public static final String GROUP = "replicas";
    private static final long NODE_MEMORY = 256 * DatabaseDefaults.MIB;
    private static final Duration STEP_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(100);

    /**
     * Each child's JVM: a small heap (the databases' buffer pools are native memory, outside it), the serial
     * collector and the client compiler, which cost the least memory and CPU on a 2-core laptop.
     */
    static final List<String> CHILD_JVM_OPTIONS = List.of("-Xmx160m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-XX:CICompilerCount=1", "-Xshare:auto");

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
    private final SecureRandom random = new SecureRandom();
    private final FileRepositoryStore store;
    private final Map<String, String> pinned = new java.util.concurrent.ConcurrentSkipListMap<>();
    private final Map<String, LocalNode> nodes = Collections.synchronizedMap(new LinkedHashMap<>());
    private final List<String> replicas = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final FileVolumeStore volumeStore;
    private final SimulatedVolumes volumes;
    private final LocalJobs jobs = new LocalJobs(Clock.systemUTC());
    private final NodeClient client = new NodeClient(HTTP_TIMEOUT);
    private final Supervisor supervisor;
    private final Instant startedAt = Instant.now();
    private final Object fileLock = new Object();
    private volatile LocalControl control;
    private volatile boolean closing;

    private LocalFleet(Options options, Consumer<String> events) {
        this.options = options;
        try {
            Files.createDirectories(options.dataDir().resolve("store"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + options.dataDir(), e);
        }
        pinned.putAll(LocalFleetState.read(options.dataDir()).pinnedVersions()); // a corrupt file stops the start here
        this.store = new FileRepositoryStore((StoreUri.Local) StoreUri.parse(options.dataDir().resolve("store").toUri().toString()));
        this.volumeStore = FileVolumeStore.create(options.dataDir(), options.volumeTimings());
        this.volumes = new SimulatedVolumes(volumeStore, Clock.systemUTC(), options.volumeTimings());
        this.supervisor = new Supervisor(client, Clock.systemUTC(), events, this::stateChanged);
    }

    /**
     * Starts the fleet; {@code progress} hears each step, and after the start each supervisor event (a node
     * down, restarting).
     */
    public static LocalFleet start(Options options, Consumer<String> progress) {
        LocalFleet fleet = new LocalFleet(options, progress);
        try {
            fleet.startNodes(progress);
            return fleet;
        } catch (RuntimeException e) {
            fleet.close();
            throw e;
        }
    }

    private void startNodes(Consumer<String> progress) {
        Path writerDir = options.dataDir().resolve("writer-1");
        Path masterDir = options.dataDir().resolve("master-1");
        prepareWriter(writerDir, progress);
        prepareMaster(masterDir, progress);
        List<String> ids = new ArrayList<>(List.of("writer-1", "master-1"));
        for (int i = 1; i <= options.replicas(); i++) {
            ids.add("replica-" + i);
        }
        List<Integer> ports = FreePorts.take(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            NodeType type = i == 0 ? NodeType.WRITER : i == 1 ? NodeType.SHARED_MASTER : NodeType.SHARED_REPLICA;
            nodes.put(id, new LocalNode(id, type, URI.create("http://127.0.0.1:" + ports.get(i)), newKey(),
                    options.dataDir().resolve(id)));
            if (type == NodeType.SHARED_REPLICA) {
                replicas.add(id);
            }
        }
        for (LocalNode node : nodes.values()) {
            addChild(node);
        }
        nodes.keySet().forEach(supervisor::start);
        LocalNode writer = node("writer-1");
        supervisor.awaitUp(writer.id(), STEP_TIMEOUT);
        progress.accept("writer-1 serving " + CUSTOMER_DATABASES + " on " + writer.url() + " (pid " + pid(writer) + ")");
        LocalNode master = node("master-1");
        supervisor.awaitUp(master.id(), STEP_TIMEOUT);
        progress.accept("master-1 serving " + SampleRepositories.NAMES + " on " + master.url() + " (pid " + pid(master) + ")");
        for (String id : replicas) {
            supervisor.awaitUp(id, STEP_TIMEOUT);
            progress.accept(id + " attached " + SampleRepositories.NAMES + " on " + node(id).url() + " (pid "
                    + pid(node(id)) + ")" + (pinned.isEmpty() ? "" : "; pinned by a rollback: " + pinned));
        }
        control = LocalControl.start(this, newKey());
        writeFile();
    }

    private String pid(LocalNode node) {
        Long pid = supervisor.state(node.id()).pid();
        return pid == null ? "none" : pid.toString();
    }

    /** Registers the node's process with the supervisor: its config file, command line, key and log. */
    private void addChild(LocalNode node) {
        volumes.attachIfAbsent(node.id(), volumeId(node.id()), options.volumeGb());
        List<URI> peers = replicas.stream().filter(id -> !id.equals(node.id())).map(id -> node(id).url()).toList();
        Path config = LocalNodeConfig.write(options.dataDir(), node.id(), node.type(), node.dataDir(), node.url().getPort(),
                options.dataDir().resolve("store").toUri(), peers, options.maxStaleness());
        Supplier<List<String>> command = () -> {
            List<String> line = new ArrayList<>();
            line.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            line.addAll(CHILD_JVM_OPTIONS);
            line.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.graphfleet.cli.GraphfleetCli",
                    "serve", "--config", config.toString(), "--local-fleet", options.dataDir().toString()));
            if (node.type() == NodeType.SHARED_REPLICA) {
                pinned.forEach((repository, version) -> line.addAll(List.of("--pin", repository + "=" + version)));
            }
            return line;
        };
        Runnable onUp = node.type() == NodeType.SHARED_REPLICA ? () -> repin(node) : () -> { };
        supervisor.add(new Supervisor.ChildSpec(node.id(), node.url(), command,
                Map.of(LocalNodeConfig.API_KEY_ENV, node.apiKey()), options.dataDir().resolve("logs").resolve(node.id() + ".log"),
                onUp));
    }

    /**
     * A (re)started replica attached its pinned versions (--pin); pinning them through its refresh endpoint too
     * makes its /attachments say so (already serving: nothing moves).
     */
    private void repin(LocalNode replica) {
        pinned.forEach((repository, version) -> {
            NodeClient.Answer answer = client.refresh(replica, repository, version);
            if (answer.status() != 200 && answer.status() != 202) {
                log.warn("pinning {} {} on {}: {}", repository, version, replica.id(), answer.detail());
            }
        });
    }

    private LocalNode node(String id) {
        LocalNode node = nodes.get(id);
        if (node == null) {
            throw new IllegalArgumentException("no node " + id + " in the local fleet; its nodes are " + nodes.keySet());
        }
        return node;
    }

    private void prepareWriter(Path dir, Consumer<String> progress) {
        try (GraphPool pool = setupPool(dir)) {
            for (String name : CUSTOMER_DATABASES) {
                if (pool.query(name, "CALL show_tables() RETURN name").isEmpty()) {
                    progress.accept("creating customer database " + name);
                    pool.query(name, "CREATE NODE TABLE Entity(id INT64, name STRING, PRIMARY KEY(id))");
                    pool.query(name, "CREATE REL TABLE OWNS(FROM Entity TO Entity, share DOUBLE)");
                    pool.query(name, "UNWIND range(1, 1000) AS i CREATE (:Entity {id: i, name: 'entity-' + CAST(i AS STRING)})");
                    pool.query(name, "UNWIND range(2, 1000) AS i MATCH (a:Entity {id: i / 2}), (b:Entity {id: i}) "
                            + "CREATE (a)-[:OWNS {share: 0.5}]->(b)");
                }
            }
        }
    }

    /** Generates the repositories on first run and publishes each as v1 if the store has none. */
    private void prepareMaster(Path dir, Consumer<String> progress) {
        try (GraphPool pool = setupPool(dir)) {
            for (String name : SampleRepositories.NAMES) {
                SampleRepositories.ensure(pool, name, options.sizes(), progress);
                pool.forceCleanup(name);
            }
        }
        for (String name : SampleRepositories.NAMES) {
            try {
                store.current(RepositoryName.of(name));
            } catch (RepositoryException e) {
                publish(name, dir.resolve(name + engine.fileExtension()));
                progress.accept("published " + name + " v1 to " + store.uri());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private GraphPool setupPool(Path dir) {
        DatabaseDefaults defaults = DatabaseDefaults.writer().withBufferPoolBytes(NODE_MEMORY).withMaxConnections(1);
        return new GraphPool(engine, new DirectoryCatalog(dir, engine.fileExtension(), defaults, true),
                PoolSettings.DEFAULTS.withBackgroundMaintenance(false));
    }

    private Manifest publish(String name, Path file) {
        try {
            return store.publish(RepositoryName.of(name), file, engine.version());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot publish " + name + ": " + e.getMessage(), e);
        }
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
        for (LocalNode node : nodes()) {
            awaitVolumeReading(node);
        }
    }

    private void awaitVolumeReading(LocalNode node) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
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
                com.fasterxml.jackson.databind.JsonNode volume = answer.body().path("system").path("volumes")
                        .path("data_volume");
                last = volume.toString();
                if (Math.abs(volume.path("volume_size_gb").asDouble(-1) - expectedSize) < 0.01
                        && Math.abs(volume.path("used_gb").asDouble(-1) - expectedUsed) < 0.01) {
                    return;
                }
            } else if (supervisor.state(node.id()).status() != NodeProcessState.Status.UP) {
                return; // a node that is down reports nothing to wait for
            }
            pause();
        }
        // Best effort (its next scan, a second later, reports it anyway): say so rather than fail the caller.
        log.warn("{} did not report its volume as measured now within 15 s; it reports {}", node.id(), last);
    }

    private static void pause() {
        try {
            Thread.sleep(POLL.toMillis()); // polling another process: it cannot call back
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private String newKey() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * Waits until the replica serves {@code repository} at {@code version} and has every repository attached;
     * a failed attach ends the wait with its error.
     */
    private void awaitAttached(String replica, String repository, String version) {
        long deadline = System.nanoTime() + STEP_TIMEOUT.toNanos();
        Map<String, NodeClient.Attachment> seen = Map.of();
        while (System.nanoTime() < deadline) {
            seen = client.attachments(node(replica));
            NodeClient.Attachment target = seen.get(repository);
            if (target != null && "failed".equals(target.phase())) {
                throw new IllegalStateException(replica + ": " + repository + " failed to attach: " + target.error());
            }
            if (target != null && target.attachedAt(version)
                    && seen.values().stream().allMatch(a -> "attached".equals(a.phase()))) {
                return;
            }
            if (supervisor.state(replica).status() == NodeProcessState.Status.DOWN) {
                throw new IllegalStateException(replica + " went down while moving to " + repository + " " + version);
            }
            pause();
        }
        throw new IllegalStateException(replica + " did not attach " + repository + " " + version + " within "
                + STEP_TIMEOUT.toSeconds() + " s: " + seen.values());
    }

    /**
     * Publishes the master's {@code repository} as a new version (after a checkpoint), then moves
     * the replicas to it one at a time, each serving the new version before the next moves.
     */
    public synchronized Manifest snapshot(String repository, Consumer<String> progress) {
        RepositoryName name = requireRepository(repository);
        progress.accept("checkpointing " + name + " on master-1");
        LocalNode master = node("master-1");
        new NodeCheckpoint(master.apiKey(), HTTP_TIMEOUT).checkpoint(master.url(), name.value());
        Manifest manifest = publish(name.value(), master.dataDir().resolve(name.value() + engine.fileExtension()));
        progress.accept("published " + name + " " + manifest.version());
        unpin(name.value());
        rollTo(name.value(), manifest.version().toString(), false, progress);
        writeFile();
        return manifest;
    }

    /**
     * Moves the replicas to the store's current version of {@code repository}, one at a time, and stops
     * pinning it (after a rollback).
     */
    public synchronized String refresh(String repository, Consumer<String> progress) {
        RepositoryName name = requireRepository(repository);
        String target = currentVersion(name);
        unpin(name.value());
        rollTo(name.value(), target, false, progress);
        writeFile();
        return target;
    }

    /** Moves the replicas back to {@code version} (default: the one before the newest), one at a time. */
    public synchronized String rollback(String repository, String version, Consumer<String> progress) {
        RepositoryName name = requireRepository(repository);
        String target = rollbackTarget(name, version);
        rollTo(name.value(), target, true, progress);
        pinned.put(name.value(), target);
        saveState();
        writeFile();
        return target;
    }

    /** Rolls back every repository of the group to the version before the one its replicas serve. */
    public synchronized String rollbackGroup(Consumer<String> progress) {
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
    public List<String> planSnapshot(String repository) {
        RepositoryName name = requireRepository(repository);
        String next = "v" + (Version.parse(currentVersion(name)).number() + 1);
        List<String> lines = new ArrayList<>();
        lines.add("master-1: checkpoint " + name + " and publish it as " + next + " (the store's current is "
                + currentVersion(name) + ")");
        lines.addAll(moves(name.value(), next));
        return lines;
    }

    /** What a rollback would change ({@code repository} null: every repository), changing nothing. */
    public List<String> planRollback(String repository, String version) {
        List<String> lines = new ArrayList<>();
        for (String each : repository == null ? SampleRepositories.NAMES : List.of(repository)) {
            RepositoryName name = requireRepository(each);
            String target = rollbackTarget(name, version);
            lines.addAll(moves(name.value(), target));
            lines.add("pin " + name + " at " + target + " (restarted replicas come back on it)");
        }
        return lines;
    }

    private List<String> moves(String repository, String target) {
        List<String> lines = new ArrayList<>();
        for (String replica : replicas) {
            String serving = servingVersion(replica, repository).orElse("nothing");
            lines.add(replica + ": " + repository + " " + serving + " -> " + target
                    + (serving.equals(target) ? " (already there)" : ""));
        }
        return lines;
    }

    /** Replica id → repository → the version it serves now. */
    public Map<String, Map<String, String>> servedVersions() {
        Map<String, Map<String, String>> served = new TreeMap<>();
        for (String replica : replicas) {
            Map<String, String> versions = new TreeMap<>();
            client.attachments(node(replica)).forEach((repository, attachment) -> {
                if (attachment.version() != null) {
                    versions.put(repository, attachment.version());
                }
            });
            served.put(replica, versions);
        }
        return served;
    }

    /** The operations queue: one at a time, for the control endpoint and the console alike. */
    public LocalJobs jobs() {
        return jobs;
    }

    public LocalJobs.Start startSnapshot(String repository) {
        requireRepository(repository);
        return jobs.start("snapshot", repository, p -> repository + " " + snapshot(repository, p).version());
    }

    public LocalJobs.Start startRefresh(String repository) {
        requireRepository(repository);
        return jobs.start("refresh", repository, p -> repository + " " + refresh(repository, p));
    }

    /** {@code repository} null: every repository back one version. */
    public LocalJobs.Start startRollback(String repository, String version) {
        if (repository == null) {
            if (version != null) {
                throw new IllegalArgumentException("a rollback to " + version + " needs the repository (--graph):"
                        + " versions are per repository (" + String.join(", ", SampleRepositories.NAMES) + ")");
            }
            return jobs.start("rollback", GROUP, this::rollbackGroup);
        }
        requireRepository(repository);
        return jobs.start("rollback", repository, p -> repository + " " + rollback(repository, version, p));
    }

    public LocalJobs.Start startRestart(String replicaId) {
        if (!replicas.contains(replicaId)) {
            throw new IllegalArgumentException("no replica " + replicaId + " in the local fleet; the replicas are "
                    + replicas);
        }
        return jobs.start("restart", replicaId, p -> {
            restartReplica(replicaId);
            p.accept(replicaId + " restarted and attached");
            return replicaId + " serving";
        });
    }

    private static RepositoryName requireRepository(String repository) {
        if (repository == null || !SampleRepositories.NAMES.contains(repository)) {
            throw new IllegalArgumentException("the local fleet's repositories are "
                    + String.join(", ", SampleRepositories.NAMES) + "; got " + (repository == null ? "none" : "'" + repository + "'"));
        }
        return RepositoryName.of(repository);
    }

    /** The newest published version of {@code repository}, e.g. {@code v3}. */
    public String latestVersion(String repository) {
        return currentVersion(requireRepository(repository));
    }

    private String currentVersion(RepositoryName name) {
        try {
            return store.current(name).version().toString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + "'s current version from " + store.uri(), e);
        }
    }

    /** {@code version} when the store has it, else the one before what the replicas serve. */
    private String rollbackTarget(RepositoryName name, String version) {
        if (version == null) {
            return previousVersion(name);
        }
        if (!Version.isValid(version)) {
            throw new IllegalArgumentException("--to " + version + " is not a version; versions look like v1, v2");
        }
        try {
            store.manifest(name, Version.parse(version));
        } catch (IOException e) {
            throw new IllegalArgumentException(name + " has no version " + version + " in " + store.uri()
                    + "; the newest is " + currentVersion(name));
        }
        return version;
    }

    /** The version before the one the replicas serve now (pinned or current). */
    private String previousVersion(RepositoryName name) {
        String serving = pinned.getOrDefault(name.value(), currentVersion(name));
        long number = Version.parse(serving).number();
        if (number < 2) {
            throw new IllegalStateException(name + " serves " + serving + ", its first version: nothing to roll back to");
        }
        return "v" + (number - 1);
    }

    /** The version {@code replica} serves now (its {@code GET /attachments}), empty when none or it is down. */
    private Optional<String> servingVersion(String replica, String repository) {
        return Optional.ofNullable(client.attachments(node(replica)).get(repository)).map(NodeClient.Attachment::version);
    }

    /** Up (its process runs and it answered ready, or stale: it has its data). */
    private boolean serving(String replica) {
        return supervisor.state(replica).status() == NodeProcessState.Status.UP;
    }

    /**
     * One replica at a time, each asked over HTTP ({@code POST /repositories/{repository}/refresh}) to move to
     * the version and pin it: new queries go to the new version, in-flight ones finish on the old. A replica
     * that is down (or fails on the way) stops the refresh with a report naming it, and the replicas after it
     * keep serving what they served.
     */
    private void rollTo(String repository, String version, boolean pin, Consumer<String> progress) {
        List<String> moved = new ArrayList<>();
        for (String replica : replicas) {
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
            String now = servingVersion(replica, repository).orElse("?");
            if (!now.equals(version)) {
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
    private void move(String replica, String repository, String version, boolean pin, Consumer<String> progress) {
        NodeClient.Answer answer = client.refresh(node(replica), repository, pin ? version : null);
        if (answer.status() == 200 || answer.status() == 202) {
            return;
        }
        if (answer.status() == 404 && "not_found".equals(answer.body().path("error").asText())) {
            // "no endpoint": a node without POST /repositories/{r}/refresh (an older build). Restart it on the
            // version: the process's downtime shows, the in-place move needs that endpoint.
            progress.accept(replica + " has no refresh endpoint: restarting it on " + repository + " " + version);
            String previous = pinned.put(repository, version);
            try {
                supervisor.restart(replica, STEP_TIMEOUT);
            } finally {
                if (previous == null) {
                    pinned.remove(repository);
                } else {
                    pinned.put(repository, previous);
                }
            }
            return;
        }
        throw new IllegalStateException(replica + " refused to move " + repository + " to " + version + ": "
                + answer.detail());
    }

    /** Its /health answers ready (200). */
    private boolean ready(String replica) {
        return client.health(node(replica).url()).status() == 200;
    }

    /** After the roll, every replica must serve the target and be ready: the same check as after an AWS refresh. */
    private void verify(String repository, String version) {
        List<Member> members = replicas.stream().map(r -> new Member(r, servingVersion(r, repository).orElse(null),
                ready(r) ? Member.State.SERVING : Member.State.FAILED)).toList();
        Verification verification = Verification.of(members, version, replicas.size());
        if (!verification.ok()) {
            throw new IllegalStateException("verification of " + repository + " " + version + " failed: "
                    + verification.summary());
        }
    }

    private static IllegalStateException stopped(String replica, String repository, String version, List<String> moved,
                                                  String why, Throwable cause) {
        return new IllegalStateException("rolling refresh of " + repository + " to " + version + " stopped at "
                + replica + ": " + why + "; " + (moved.isEmpty() ? "no replica was moved"
                : String.join(", ", moved) + " serve(s) " + version) + ", the replicas after it were not touched", cause);
    }

    /**
     * Kills a replica's process (SIGKILL, as a crash would) and returns once the supervisor has seen it down;
     * the supervisor restarts it after its backoff, or {@link #restartReplica(String)} does at once.
     */
    public void killReplica(String id) {
        if (!replicas.contains(id)) {
            throw new IllegalArgumentException("no replica " + id + " in the local fleet");
        }
        supervisor.kill(id);
    }

    /** Stops a replica gracefully and starts it again on the same port and data directory, on the pinned versions. */
    public void restartReplica(String id) {
        if (!replicas.contains(id)) {
            throw new IllegalArgumentException("no replica " + id + " in the local fleet");
        }
        supervisor.restart(id, STEP_TIMEOUT);
        awaitAllAttached(id);
        writeFile();
    }

    private void awaitAllAttached(String replica) {
        for (String repository : SampleRepositories.NAMES) {
            String version = pinned.getOrDefault(repository, currentVersion(RepositoryName.of(repository)));
            awaitAttached(replica, repository, version);
        }
    }

    /** Each node's process as the supervisor sees it: up, down since when, restarts. */
    public List<NodeProcessState> processes() {
        return supervisor.states();
    }

    public List<LocalNode> nodes() {
        synchronized (nodes) {
            return List.copyOf(nodes.values());
        }
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
        synchronized (fileLock) { // not the fleet's lock: a rolling refresh holds that for minutes
            if (closing) {
                return;
            }
            new LocalFleetFile(ProcessHandle.current().pid(), startedAt, nodes(), Map.copyOf(pinned),
                    control == null ? null : control.endpoint(), processes()).write(options.dataDir());
        }
    }

    private void unpin(String repository) {
        if (pinned.remove(repository) != null) {
            saveState();
        }
    }

    /** The durable part: written before the fleet says it is done, so a restart right after keeps it. */
    private void saveState() {
        LocalFleetState.EMPTY.withPinned(pinned, Instant.now()).write(options.dataDir());
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
        jobs.close();
        supervisor.close();
        store.close();
    }

    /** The default place: {@code ~/.graphfleet/local}. */
    public static Path defaultDataDir() {
        return Path.of(System.getProperty("user.home"), ".graphfleet", "local");
    }

}
