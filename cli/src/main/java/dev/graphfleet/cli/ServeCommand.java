package dev.graphfleet.cli;

import dev.graphfleet.config.ConfigValidator;
import dev.graphfleet.config.GraphfleetConfig;
import dev.graphfleet.config.Ports;
import dev.graphfleet.node.ConfiguredNode;
import dev.graphfleet.node.GraphNode;
import dev.graphfleet.node.NodeSettings;
import dev.graphfleet.config.NodeType;
import dev.graphfleet.local.LocalNodeParts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Runs a headless node until SIGTERM/SIGINT, which stop it gracefully (a JVM shutdown hook):
 * in-flight queries finish, writable databases are checkpointed.
 */
@Command(name = "serve", description = "Run a headless graph node: the HTTP API over the databases in a data directory.")
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--config", paramLabel = "FILE",
            description = "The fleet config file; its node section describes this node (see docs/config.md).")
    Path config;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Directory of the databases (<name>.kuzu), without --config.")
    Path dataDir;

    @Option(names = "--create-data-dir",
            description = "Create --data-dir if it does not exist (by default a missing directory is an error).")
    boolean createDataDir;

    @Option(names = "--port", paramLabel = "P",
            description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}, or node.api.port with --config).")
    Integer port;

    @Option(names = "--host", paramLabel = "H", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host = "127.0.0.1";

    @Option(names = "--type", paramLabel = "TYPE", description = "writer, shared_master or shared_replica (default: ${DEFAULT-VALUE}).")
    String type = "writer";

    @Option(names = "--node-id", paramLabel = "ID", description = "Node id in /health and metrics (default: <type>-<pid>).")
    String nodeId;

    @Mixin
    ApiKeyEnvOption apiKeyEnv;

    /** Set by {@code graphfleet local} for its child nodes only (see docs/local-fleet.md). */
    @Option(names = "--local-fleet", paramLabel = "DIR", hidden = true,
            description = "This node is a child of the local fleet in DIR: its data volume is simulated there, "
                    + "and it stops when the fleet's process ends.")
    Path localFleet;

    @Option(names = "--pin", paramLabel = "REPO=VERSION", hidden = true,
            description = "With --local-fleet: attach REPO at VERSION instead of the store's current (a rollback).")
    java.util.Map<String, String> pins = new java.util.LinkedHashMap<>();

    @Override
    public Integer call() throws InterruptedException {
        if (localFleet == null && !pins.isEmpty()) {
            throw new UsageException("--pin goes with --local-fleet (graphfleet local starts such nodes)");
        }
        if (config != null) {
            return serveConfigured();
        }
        if (dataDir == null) {
            throw new UsageException("give --config FILE, or --data-dir DIR for a plain writer node");
        }
        NodeSettings settings = settings();
        requireDataDir();
        GraphNode node;
        try {
            node = GraphNode.start(settings);
        } catch (IllegalStateException e) {
            System.err.println("graphfleet: " + e.getMessage());
            return GraphfleetCli.EXIT_FAILURE;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(node::stop, "graphfleet-shutdown"));
        System.out.println("graphfleet: node " + settings.nodeId() + " (" + settings.type().wireName()
                + ") listening on " + node.uri());
        System.out.flush();
        node.awaitStopped();
        return GraphfleetCli.EXIT_OK;
    }

    NodeSettings settings() {
        NodeType nodeType = parseType();
        int listenPort = port == null ? NodeSettings.DEFAULT_PORT : port;
        if (!Ports.canListenOn(listenPort)) {
            throw new UsageException("--port must be " + Ports.LISTEN_RANGE + ", got " + listenPort);
        }
        String id = nodeId != null ? nodeId : nodeType.wireName() + "-" + ProcessHandle.current().pid();
        return NodeSettings.defaults(dataDir).withType(nodeType).withNodeId(id).withListen(host, listenPort)
                .withApiKey(apiKey());
    }

    /**
     * A mistyped --data-dir (or an unmounted volume) would otherwise become a new, empty node that
     * answers every query with database_not_found: the directory is created only when asked.
     */
    private void requireDataDir() {
        if (Files.isDirectory(dataDir)) {
            return;
        }
        if (Files.exists(dataDir)) {
            throw new UsageException("--data-dir " + dataDir + " is not a directory: pass the directory that holds "
                    + "the databases (<name>.kuzu)");
        }
        if (!createDataDir) {
            throw new UsageException("--data-dir " + dataDir + " does not exist: check the path (is the data volume "
                    + "mounted?), or add --create-data-dir to start a node on a new, empty directory");
        }
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UsageException("--create-data-dir could not create " + dataDir + ": " + e.getMessage());
        }
    }

    /** The node the config's node section describes; --port may override its port. */
    private int serveConfigured() throws InterruptedException {
        GraphfleetConfig loaded = GraphfleetConfig.load(config);
        ConfigValidator.requireValid(loaded, config.toString()).forEach(w -> System.err.println("graphfleet: warning " + w));
        if (port != null) {
            loaded = loaded.withNodePort(port);
        }
        ConfiguredNode node;
        try {
            node = localFleet == null ? ConfiguredNode.start(loaded, System.getenv())
                    : ConfiguredNode.start(loaded, System.getenv(), LocalNodeParts.of(localFleet, loaded, pins));
        } catch (IllegalStateException e) {
            System.err.println("graphfleet: " + e.getMessage());
            return GraphfleetCli.EXIT_FAILURE;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(node::close, "graphfleet-shutdown"));
        if (localFleet != null) {
            LocalNodeParts.exitWithParent();
        }
        NodeSettings settings = node.node().settings();
        System.out.println("graphfleet: node " + settings.nodeId() + " (" + settings.type().wireName()
                + ") listening on " + node.node().uri());
        System.out.flush();
        node.awaitStopped();
        return GraphfleetCli.EXIT_OK;
    }

    private NodeType parseType() {
        try {
            return NodeType.parse(type);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--type: " + e.getMessage());
        }
    }

    /** The key's value never appears in a message, only the variable's name. */
    private String apiKey() {
        String variable = apiKeyEnv.variable();
        String key = EnvironmentKey.nonBlank(variable, System::getenv, "--api-key-env names " + variable
                + ", but that environment variable is not set or empty: export it, or leave out --api-key-env to run"
                + " without a key");
        return key == null ? null : key.strip();
    }
}
