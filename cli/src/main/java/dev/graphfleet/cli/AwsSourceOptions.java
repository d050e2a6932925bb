package dev.graphfleet.cli;

import dev.graphfleet.config.ConfigValidator;
import dev.graphfleet.config.GraphfleetConfig;
import dev.graphfleet.config.Ports;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * How to reach a fleet in AWS, shared by {@code fleet status --aws} and {@code console --aws}.
 * Credentials always come from the AWS default provider chain ({@code --profile} picks a profile).
 */
public final class AwsSourceOptions {

    @Option(names = "--env", paramLabel = "ENV",
            description = "With --aws: the Environment tag, e.g. prod (default: the environment of --config).")
    public String environment;

    @Option(names = "--region", paramLabel = "R", description = "With --aws: AWS region (default: the SDK's chain).")
    public String region;

    @Option(names = "--profile", paramLabel = "P", description = "With --aws: AWS profile (default: the SDK's chain).")
    public String profile;

    @Option(names = "--endpoint", paramLabel = "URL",
            description = "With --aws: one endpoint for every AWS service (a test or proxy endpoint).")
    public String endpoint;

    @Option(names = "--config", paramLabel = "FILE",
            description = "With --aws: the fleet config; names the instance registry table and the replica groups.")
    public Path config;

    @Option(names = "--service", paramLabel = "NAME",
            description = "With --aws: only resources tagged Service=NAME (default: any).")
    public String service;

    @Option(names = "--node-port", defaultValue = "8001", paramLabel = "PORT",
            description = "With --aws: the nodes' API port (default: ${DEFAULT-VALUE}).")
    public int nodePort = 8001;

    /** A usage error, before anything is called, when {@code --node-port} is no port to reach a node on. */
    public void checkNodePort() {
        if (!Ports.canConnectTo(nodePort)) {
            throw new UsageException("--node-port must be " + Ports.CONNECT_RANGE + " (found " + nodePort + ")");
        }
    }

    /** The fleet config of {@code --config}, loaded and validated; null without the option. */
    public GraphfleetConfig loadConfig() {
        if (config == null) {
            return null;
        }
        GraphfleetConfig loaded = GraphfleetConfig.load(config);
        ConfigValidator.requireValid(loaded, config.toString());
        return loaded;
    }

    /**
     * The Environment tag to discover: {@code --env}, else the environment of {@code loadedConfig} (null without
     * {@code --config}); a usage error when neither names one.
     */
    public String requireEnvironment(GraphfleetConfig loadedConfig) {
        String env = environment != null ? environment : loadedConfig == null ? null : loadedConfig.environment();
        if (env == null || env.isBlank()) {
            throw new UsageException("--aws needs --env ENV (the Environment tag, e.g. prod), or --config FILE"
                    + " whose environment is used");
        }
        return env;
    }
}
