package dev.graphfleet.local;

import dev.graphfleet.config.NodeType;
import dev.graphfleet.volume.local.SimulatedVolumes;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local fleet's nodes, each a real node in its own OS process ({@link NodeCommand} {@code --config
 * <data>/config/<id>.yml}) on its own loopback port, with its own data directory, simulated volume and per-run API
 * key: starts them and has the {@link Supervisor} keep them running. Replicas start on the pinned versions.
 */
final class NodeProcesses implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(NodeProcesses.class);

    /** How long one step (a node coming up, a replica attaching a version) may take. */
    static final Duration STEP_TIMEOUT = Duration.ofMinutes(2);

    /**
     * Each child's JVM: a small heap (the databases' buffer pools are native memory, outside it), the serial
     * collector and the client compiler, which cost the least memory and CPU on a 2-core laptop.
     */
    static final List<String> CHILD_JVM_OPTIONS = List.of("-Xmx160m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-XX:CICompilerCount=1", "-Xshare:auto");

    private final LocalFleet.Options options;
    private final NodeCommand command;
    private final PinnedVersions pins;
    private final NodeClient client;
    private final SimulatedVolumes volumes;
    private final Supervisor supervisor;
    private final Map<String, LocalNode> nodes = Collections.synchronizedMap(new LinkedHashMap<>());
    private final List<String> replicas = new CopyOnWriteArrayList<>();

    /**
     * @param events  each supervisor event a person would want to see (a node down, restarting)
     * @param changed called after every change of a process's state
     */
    NodeProcesses(LocalFleet.Options options, NodeCommand command, PinnedVersions pins, NodeClient client,
                  SimulatedVolumes volumes, Consumer<String> events, Runnable changed) {
        this.options = options;
        this.command = command;
        this.pins = pins;
        this.client = client;
        this.volumes = volumes;
        this.supervisor = new Supervisor(client, Clock.systemUTC(), events, changed);
    }

    /** Starts the writer, the master and the replicas, and returns once each is up; {@code progress} hears each. */
    void start(Consumer<String> progress) {
        List<String> ids = new ArrayList<>(List.of("writer-1", "master-1"));
        for (int i = 1; i <= options.replicas(); i++) {
            ids.add("replica-" + i);
        }
        List<Integer> ports = FreePorts.take(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            NodeType type = i == 0 ? NodeType.WRITER : i == 1 ? NodeType.SHARED_MASTER : NodeType.SHARED_REPLICA;
            nodes.put(id, new LocalNode(id, type, URI.create("http://127.0.0.1:" + ports.get(i)), ApiKeys.next(),
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
        progress.accept("writer-1 serving " + LocalFleet.CUSTOMER_DATABASES + " on " + writer.url() + " (pid "
                + pid(writer) + ")");
        LocalNode master = node("master-1");
        supervisor.awaitUp(master.id(), STEP_TIMEOUT);
        progress.accept("master-1 serving " + SampleRepositories.NAMES + " on " + master.url() + " (pid " + pid(master) + ")");
        for (String id : replicas) {
            supervisor.awaitUp(id, STEP_TIMEOUT);
            progress.accept(id + " attached " + SampleRepositories.NAMES + " on " + node(id).url() + " (pid "
                    + pid(node(id)) + ")" + (pins.isEmpty() ? "" : "; pinned by a rollback: " + pins));
        }
    }

    private String pid(LocalNode node) {
        Long pid = supervisor.state(node.id()).pid();
        return pid == null ? "none" : pid.toString();
    }

    /** Registers the node's process with the supervisor: its config file, command line, key and log. */
    private void addChild(LocalNode node) {
        volumes.attachIfAbsent(node.id(), LocalFleet.volumeId(node.id()), options.volumeGb());
        List<URI> peers = replicas.stream().filter(id -> !id.equals(node.id())).map(id -> node(id).url()).toList();
        Path config = LocalNodeConfig.write(options.dataDir(), node.id(), node.type(), node.dataDir(), node.url().getPort(),
                options.dataDir().resolve("store").toUri(), peers, options.maxStaleness());
        Supplier<List<String>> line = () -> {
            List<String> args = new ArrayList<>(List.of("--config", config.toString(),
                    "--local-fleet", options.dataDir().toString()));
            if (node.type() == NodeType.SHARED_REPLICA) {
                args.addAll(pins.args());
            }
            return command.line(CHILD_JVM_OPTIONS, args);
        };
        Runnable onUp = node.type() == NodeType.SHARED_REPLICA ? () -> repin(node) : () -> { };
        supervisor.add(new Supervisor.ChildSpec(node.id(), node.url(), line,
                Map.of(LocalNodeConfig.API_KEY_ENV, node.apiKey()), options.dataDir().resolve("logs").resolve(node.id() + ".log"),
                onUp));
    }

    /**
     * A (re)started replica attached its pinned versions (--pin); pinning them through its refresh endpoint too
     * makes its /attachments say so (already serving: nothing moves).
     */
    private void repin(LocalNode replica) {
        pins.forEach((repository, version) -> {
            NodeClient.Answer answer = client.refresh(replica, repository, version);
            if (answer.status() != 200 && answer.status() != 202) {
                log.warn("pinning {} {} on {}: {}", repository, version, replica.id(), answer.detail());
            }
        });
    }

    LocalNode node(String id) {
        LocalNode node = nodes.get(id);
        if (node == null) {
            throw new IllegalArgumentException("no node " + id + " in the local fleet; its nodes are " + nodes.keySet());
        }
        return node;
    }

    List<LocalNode> nodes() {
        synchronized (nodes) {
            return List.copyOf(nodes.values());
        }
    }

    /** The replicas' ids, in order: replica-1, replica-2, ... */
    List<String> replicas() {
        return replicas;
    }

    NodeProcessState state(String id) {
        return supervisor.state(id);
    }

    List<NodeProcessState> states() {
        return supervisor.states();
    }

    /** SIGKILL, as a crash would; returns once the supervisor has seen it down. */
    void kill(String id) {
        supervisor.kill(id);
    }

    /** Stops the node gracefully and starts it again on the same port and data directory; returns once it is up. */
    void restart(String id) {
        supervisor.restart(id, STEP_TIMEOUT);
    }

    /** Stops every node cleanly (each on SIGTERM: in-flight queries finish, the master and writer checkpoint). */
    @Override
    public void close() {
        supervisor.close();
    }
}
