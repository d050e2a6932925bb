package dev.graphfleet.local;

import dev.graphfleet.config.NodeType;
import dev.graphfleet.fleet.refresh.Member;
import dev.graphfleet.fleet.refresh.Verification;
import dev.graphfleet.graph.GraphEngine;
import dev.graphfleet.graph.GraphEngines;
import dev.graphfleet.node.GraphNode;
import dev.graphfleet.node.NodeSettings;
import dev.graphfleet.node.SharedAttachments;
import dev.graphfleet.node.admission.AdmissionSettings;
import dev.graphfleet.pool.DatabaseDefaults;
import dev.graphfleet.pool.DirectoryCatalog;
import dev.graphfleet.pool.GraphPool;
import dev.graphfleet.pool.MemoryGovernor;
import dev.graphfleet.pool.PoolSettings;
import dev.graphfleet.repo.FetchOptions;
import dev.graphfleet.repo.FileRepositoryStore;
import dev.graphfleet.repo.Manifest;
import dev.graphfleet.repo.RepositoryCache;
import dev.graphfleet.repo.RepositoryException;
import dev.graphfleet.repo.RepositoryFetcher;
import dev.graphfleet.repo.RepositoryName;
import dev.graphfleet.repo.StoreUri;
import dev.graphfleet.repo.Version;
import dev.graphfleet.shared.AttachPhase;
import dev.graphfleet.shared.AttachSettings;
import dev.graphfleet.shared.AttachmentStatus;
import dev.graphfleet.shared.SharedRepositories;
import dev.graphfleet.shared.SharedRepositorySettings;
import dev.graphfleet.shared.StoreRepositorySource;
import dev.graphfleet.volume.VolumePolicy;
import dev.graphfleet.volume.local.FileVolumeStore;
import dev.graphfleet.volume.local.SimulatedTimings;
import dev.graphfleet.volume.local.SimulatedVolumes;
import java.io.IOException;
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
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The embedded default fleet: on this machine, one writer with a few customer databases, one
 * shared master holding the repositories and N shared replicas attaching them from a local store,
 * each a real node on its own loopback port with its own data directory and a per-run API key.
 * Snapshots publish the master's repositories as a new version; replicas move to it one at a time.
 * Each node's data volume is simulated ({@code <data>/volumes.json}): a capacity that the volume
 * monitor can expand through EBS's states, against the real bytes under the node's data directory.
 */
public final class LocalFleet implements AutoCloseable {

    public static final List<String> CUSTOMER_DATABASES = List.of("customer_a", "customer_b");
    /** The local fleet's one replica group: every replica. */
    public static final String GROUP = "replicas";
    private static final long NODE_MEMORY = 256 * DatabaseDefaults.MIB;
    private static final Duration STEP_TIMEOUT = Duration.ofMinutes(2);

    /** How often each node's simulated volume is measured (a walk of its data directory). */
    private static final Duration VOLUME_SCAN_INTERVAL = Duration.ofSeconds(1);

    /**
     * Where and how big; {@code replicas} shared replicas (default 2). Each node's data directory gets a
     * simulated volume of {@code volumeGb} (default 1) whose modifications take {@code volumeTimings}.
     */
    public record Options(Path dataDir, int replicas, SampleSizes sizes, long volumeGb,
                          SimulatedTimings volumeTimings) {

        public static final long DEFAULT_VOLUME_GB = 1;

        public Options {
            if (replicas < 0 || replicas > 10) {
                throw new IllegalArgumentException("--replicas must be 0..10 on one machine, got " + replicas);
            }
            if (volumeGb < 1 || volumeGb > VolumePolicy.EBS_MAX_GB) {
                throw new IllegalArgumentException("--volume-gb must be 1.." + VolumePolicy.EBS_MAX_GB
                        + " (a simulated EBS size in GB), got " + volumeGb);
            }
            dataDir = dataDir.toAbsolutePath().normalize();
            Objects.requireNonNull(volumeTimings, "volumeTimings");
        }

        /** With 1 GB simulated volumes and the compressed {@link SimulatedTimings#LOCAL_FLEET} timings. */
        public Options(Path dataDir, int replicas, SampleSizes sizes) {
            this(dataDir, replicas, sizes, DEFAULT_VOLUME_GB, SimulatedTimings.LOCAL_FLEET);
        }
    }

    private final Options options;
    private final GraphEngine engine = GraphEngines.load();
    private final SecureRandom random = new SecureRandom();
    private final FileRepositoryStore store;
    private final Map<String, String> pinned = new java.util.concurrent.ConcurrentSkipListMap<>();
    private GraphNode writer;
    private GraphNode master;
    private final List<Replica> replicas = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final List<MemoryGovernor> governors = new ArrayList<>();
    private final FileVolumeStore volumeStore;
    private final SimulatedVolumes volumes;
    private final Map<String, SimulatedDataVolume> dataVolumes = new ConcurrentHashMap<>();
    private final LocalJobs jobs = new LocalJobs(Clock.systemUTC());
    private LocalControl control;

    /** A replica node with its repositories. */
    private record Replica(String id, GraphNode node, SharedRepositories shared, String apiKey, Path dataDir) {
    }

    private LocalFleet(Options options) {
        this.options = options;
        try {
            Files.createDirectories(options.dataDir().resolve("store"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + options.dataDir(), e);
        }
        this.store = new FileRepositoryStore((StoreUri.Local) StoreUri.parse(options.dataDir().resolve("store").toUri().toString()));
        this.volumeStore = FileVolumeStore.create(options.dataDir(), options.volumeTimings());
        this.volumes = new SimulatedVolumes(volumeStore, Clock.systemUTC(), options.volumeTimings());
    }

    public static LocalFleet start(Options options, Consumer<String> progress) {
        LocalFleet fleet = new LocalFleet(options);
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
        writer = GraphNode.builder(settings("writer-1", NodeType.WRITER, writerDir, newKey()))
                .dataVolume(dataVolume("writer-1", writerDir)).start();
        governors.add(governed(writer));
        progress.accept("writer-1 serving " + CUSTOMER_DATABASES + " on " + writer.uri());
        master = GraphNode.builder(settings("master-1", NodeType.SHARED_MASTER, masterDir, newKey()))
                .dataVolume(dataVolume("master-1", masterDir)).start();
        governors.add(governed(master));
        progress.accept("master-1 serving " + SampleRepositories.NAMES + " on " + master.uri());
        for (int i = 1; i <= options.replicas(); i++) {
            replicas.add(startReplica("replica-" + i, 0, newKey()));
        }
        for (Replica replica : replicas) {
            awaitAttached(replica, null, null);
            progress.accept(replica.id() + " attached " + SampleRepositories.NAMES + " on " + replica.node().uri());
        }
        control = LocalControl.start(this, newKey());
        writeFile();
    }

    /** Writer and master keep their buffer pools in budget too (and report their bm_info usage). */
    private static MemoryGovernor governed(GraphNode node) {
        return new MemoryGovernor(node.pool(), node.settings().memoryBudgetBytes(), 0.9).start(Duration.ofSeconds(5));
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

    private Replica startReplica(String id, int port, String apiKey) {
        Path dir = options.dataDir().resolve(id);
        AtomicReference<SharedRepositories> ref = new AtomicReference<>();
        RepositoryCache cache = new RepositoryCache(SharedRepositories.defaultCacheDir(dir), 4L << 30,
                () -> ref.get() == null ? Set.of() : ref.get().servingVersions(), Clock.systemUTC());
        SharedRepositorySettings sharedSettings = SharedRepositorySettings.defaults(NODE_MEMORY)
                .withAttach(new AttachSettings(3, List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)), Duration.ofSeconds(30)));
        SharedRepositories shared = new SharedRepositories(engine,
                new StoreRepositorySource(store, new RepositoryFetcher(store, cache, FetchOptions.defaults())),
                sharedSettings, Clock.systemUTC());
        ref.set(shared);
        NodeSettings settings = settings(id, NodeType.SHARED_REPLICA, dir, apiKey).withListen("127.0.0.1", port);
        GraphNode node = GraphNode.builder(settings).pool(shared.pool()).attachments(SharedAttachments.of(shared))
                .dataVolume(dataVolume(id, dir)).start();
        for (String name : SampleRepositories.NAMES) {
            shared.attachments().moveTo(name, pinned.get(name));
        }
        return new Replica(id, node, shared, apiKey, dir);
    }

    /**
     * The node's simulated volume: attached at the configured size the first time (a restarted fleet keeps the
     * size it was expanded to), measured in the background from then on.
     */
    private SimulatedDataVolume dataVolume(String nodeId, Path dir) {
        return dataVolumes.computeIfAbsent(nodeId, id -> {
            volumes.attachIfAbsent(id, volumeId(id), options.volumeGb());
            return SimulatedDataVolume.start(volumeId(id), dir, volumeStore, Clock.systemUTC(), VOLUME_SCAN_INTERVAL);
        });
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
     * Measures every node's volume now instead of at its next background scan (each second), e.g. right after
     * the volume monitor grew a filesystem.
     */
    public void refreshVolumes() {
        dataVolumes.values().forEach(SimulatedDataVolume::refresh);
    }

    private NodeSettings settings(String id, NodeType type, Path dir, String apiKey) {
        // One machine runs the whole fleet: CPU admission would refuse work whenever another node is
        // busy, so only the in-flight limit and memory guard apply locally.
        AdmissionSettings admission = new AdmissionSettings(95, 100, 100, 10, Duration.ofSeconds(5), Duration.ofSeconds(1));
        return NodeSettings.defaults(dir).withNodeId(id).withType(type).withListen("127.0.0.1", 0).withApiKey(apiKey)
                .withDatabases(DatabaseDefaults.writer().withBufferPoolBytes(NODE_MEMORY).withMaxConnections(4))
                .withMemoryBudgetBytes(4 * NODE_MEMORY)
                .withAdmission(admission);
    }

    private String newKey() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Waits until every repository of the replica is attached, {@code repository} at {@code version} if given. */
    private void awaitAttached(Replica replica, String repository, String version) {
        CountDownLatch done = new CountDownLatch(1);
        AtomicReference<AttachmentStatus> failed = new AtomicReference<>();
        Consumer<AttachmentStatus> check = status -> {
            List<AttachmentStatus> all = replica.shared().attachments().statuses();
            if (all.stream().anyMatch(s -> s.phase() == AttachPhase.FAILED)) {
                all.stream().filter(s -> s.phase() == AttachPhase.FAILED).findFirst().ifPresent(failed::set);
                done.countDown();
            } else if (all.size() == SampleRepositories.NAMES.size() && all.stream().allMatch(s ->
                    s.phase() == AttachPhase.ATTACHED
                            && (version == null || !s.repository().equals(repository) || version.equals(s.version())))) {
                done.countDown();
            }
        };
        replica.shared().attachments().addListener(check);
        check.accept(null);
        try {
            if (!done.await(STEP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(replica.id() + " did not attach its repositories within "
                        + STEP_TIMEOUT.toSeconds() + " s: " + replica.shared().attachments().statuses());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + replica.id(), e);
        }
        if (failed.get() != null) {
            throw new IllegalStateException(replica.id() + ": " + failed.get().repository() + " failed to attach: "
                    + failed.get().lastError());
        }
    }

    /**
     * Publishes the master's {@code repository} as a new version (after a checkpoint), then moves
     * the replicas to it one at a time, each serving the new version before the next moves.
     */
    public synchronized Manifest snapshot(String repository, Consumer<String> progress) {
        RepositoryName name = requireRepository(repository);
        progress.accept("checkpointing " + name + " on master-1");
        master.pool().forceCleanup(name.value());
        Manifest manifest = publish(name.value(), master.settings().dataDir().resolve(name.value() + engine.fileExtension()));
        progress.accept("published " + name + " " + manifest.version());
        pinned.remove(name.value());
        rollTo(name.value(), manifest.version().toString(), progress);
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
        pinned.remove(name.value());
        rollTo(name.value(), target, progress);
        writeFile();
        return target;
    }

    /** Moves the replicas back to {@code version} (default: the one before the newest), one at a time. */
    public synchronized String rollback(String repository, String version, Consumer<String> progress) {
        RepositoryName name = requireRepository(repository);
        String target = rollbackTarget(name, version);
        rollTo(name.value(), target, progress);
        pinned.put(name.value(), target);
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
        for (Replica replica : replicas) {
            String serving = replica.shared().attachments().servingVersion(repository).orElse("nothing");
            lines.add(replica.id() + ": " + repository + " " + serving + " -> " + target
                    + (serving.equals(target) ? " (already there)" : ""));
        }
        return lines;
    }

    /** Replica id → repository → the version it serves now. */
    public Map<String, Map<String, String>> servedVersions() {
        Map<String, Map<String, String>> served = new TreeMap<>();
        for (Replica replica : replicas) {
            Map<String, String> versions = new TreeMap<>();
            for (String repository : SampleRepositories.NAMES) {
                replica.shared().attachments().servingVersion(repository).ifPresent(v -> versions.put(repository, v));
            }
            served.put(replica.id(), versions);
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
        if (replicas.stream().noneMatch(r -> r.id().equals(replicaId))) {
            throw new IllegalArgumentException("no replica " + replicaId + " in the local fleet; the replicas are "
                    + replicas.stream().map(Replica::id).toList());
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

    /**
     * One replica at a time; a replica that is down (or fails on the way) stops the refresh with a
     * report naming it, and the replicas after it keep serving what they served.
     */
    private void rollTo(String repository, String version, Consumer<String> progress) {
        List<String> moved = new ArrayList<>();
        for (Replica replica : replicas) {
            if (!replica.node().ready()) {
                throw stopped(replica, repository, version, moved, "it is not serving (down or stopping)", null);
            }
            // A replica that already serves the version (a refresh finished after a fault) is left alone:
            // moving it again would re-attach it in the background, after awaitAttached had already returned.
            boolean alreadyThere = replica.shared().attachments().servingVersion(repository)
                    .filter(version::equals).isPresent();
            if (!alreadyThere) {
                try {
                    replica.shared().attachments().moveTo(repository, version);
                    awaitAttached(replica, repository, version);
                } catch (RuntimeException e) {
                    throw stopped(replica, repository, version, moved, e.getMessage(), e);
                }
            }
            String serving = replica.shared().attachments().statuses().stream()
                    .filter(s -> s.repository().equals(repository)).findFirst().map(AttachmentStatus::version).orElse("?");
            if (!serving.equals(version)) {
                throw new IllegalStateException("rolling refresh stopped at " + replica.id() + ": it serves " + repository
                        + " " + serving + ", not " + version + "; the replicas after it were not touched");
            }
            if (!replica.node().ready()) {
                throw stopped(replica, repository, version, moved, "it serves " + version + " but is not ready", null);
            }
            progress.accept(replica.id() + " serves " + repository + " " + version);
            moved.add(replica.id());
        }
        verify(repository, version);
    }

    /** After the roll, every replica must serve the target and be ready: the same check as after an AWS refresh. */
    private void verify(String repository, String version) {
        List<Member> members = replicas.stream().map(r -> new Member(r.id(),
                r.shared().attachments().servingVersion(repository).orElse(null),
                r.node().ready() ? Member.State.SERVING : Member.State.FAILED)).toList();
        Verification verification = Verification.of(members, version, replicas.size());
        if (!verification.ok()) {
            throw new IllegalStateException("verification of " + repository + " " + version + " failed: "
                    + verification.summary());
        }
    }

    private static IllegalStateException stopped(Replica replica, String repository, String version, List<String> moved,
                                                  String why, Throwable cause) {
        return new IllegalStateException("rolling refresh of " + repository + " to " + version + " stopped at "
                + replica.id() + ": " + why + "; " + (moved.isEmpty() ? "no replica was moved"
                : String.join(", ", moved) + " serve(s) " + version) + ", the replicas after it were not touched", cause);
    }

    /**
     * Stops a replica at once, as if its process had died: it stops listening and its repositories
     * close. {@link #restartReplica(String)} brings it back.
     */
    public void killReplica(String id) {
        Replica replica = replicas.stream().filter(r -> r.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no replica " + id + " in the local fleet"));
        replica.node().close();
        replica.shared().close();
    }

    /** Stops and starts a replica on the same port and data directory (e.g. after it crashed). */
    public synchronized void restartReplica(String id) {
        for (int i = 0; i < replicas.size(); i++) {
            Replica old = replicas.get(i);
            if (old.id().equals(id)) {
                int port = old.node().port();
                old.node().close();
                old.shared().close();
                Replica fresh = startReplica(id, port, old.apiKey());
                replicas.set(i, fresh);
                awaitAttached(fresh, null, null);
                writeFile();
                return;
            }
        }
        throw new IllegalArgumentException("no replica " + id + " in the local fleet");
    }

    public List<LocalNode> nodes() {
        List<LocalNode> nodes = new ArrayList<>();
        nodes.add(new LocalNode("writer-1", NodeType.WRITER, writer.uri(), writer.settings().apiKey(), writer.settings().dataDir()));
        nodes.add(new LocalNode("master-1", NodeType.SHARED_MASTER, master.uri(), master.settings().apiKey(),
                master.settings().dataDir()));
        for (Replica replica : replicas) {
            nodes.add(new LocalNode(replica.id(), NodeType.SHARED_REPLICA, replica.node().uri(), replica.apiKey(),
                    replica.dataDir()));
        }
        return nodes;
    }

    public Path dataDir() {
        return options.dataDir();
    }

    private void writeFile() {
        new LocalFleetFile(ProcessHandle.current().pid(), Instant.now(), nodes(), Map.copyOf(pinned),
                control == null ? null : control.endpoint()).write(options.dataDir());
    }

    /** Stops every node cleanly (replicas first, then master and writer, which checkpoint). */
    @Override
    public void close() {
        LocalFleetFile.delete(options.dataDir());
        if (control != null) {
            control.close();
        }
        jobs.close();
        for (Replica replica : replicas) {
            replica.node().close();
            replica.shared().close();
        }
        governors.forEach(MemoryGovernor::close);
        if (master != null) {
            master.close();
        }
        if (writer != null) {
            writer.close();
        }
        dataVolumes.values().forEach(SimulatedDataVolume::close);
        store.close();
    }

    /** The default place: {@code ~/.graphfleet/local}. */
    public static Path defaultDataDir() {
        return Path.of(System.getProperty("user.home"), ".graphfleet", "local");
    }

}
