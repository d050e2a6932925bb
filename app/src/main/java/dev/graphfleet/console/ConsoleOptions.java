package dev.graphfleet.console;

import dev.graphfleet.cli.UsageException;
import dev.graphfleet.cli.AwsSourceOptions;
import dev.graphfleet.cli.EnvironmentKey;
import dev.graphfleet.local.LocalFleet;
import dev.graphfleet.local.LocalFleetFile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code graphfleet console} options, parsed with picocli in the app (the engine passes them through) and
 * checked here; the source they choose is built by its factory ({@link LocalSourceFactory},
 * {@link NodesSourceFactory}, {@link AwsSourceFactory}).
 */
@Command(name = "graphfleet console",
        description = "Open the desktop console on the local fleet (./graphfleet local), a list of nodes (--nodes) "
                + "or an AWS environment (--aws --env ENV).")
final class ConsoleOptions {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Option(names = "--nodes", split = ",", paramLabel = "URL",
            description = "Node URLs to watch, comma-separated, e.g. http://10.0.1.5:8001,http://10.0.1.6:8001; "
                    + "'local': the local fleet in --local-data, each node with its own key.")
    List<String> nodes = new ArrayList<>();

    @Mixin
    AwsSourceOptions awsOptions = new AwsSourceOptions();

    @Option(names = "--aws", description = "Discover the fleet in AWS (EC2 tags, Auto Scaling, ELB, registry) "
            + "with the default credentials chain.")
    boolean aws;

    @Option(names = "--local-data", paramLabel = "DIR",
            description = "Data directory of the local fleet to watch when no --nodes are given "
                    + "(default: ~/.graphfleet/local, as for ./graphfleet local).")
    Path localData;

    @Option(names = "--refresh-s", paramLabel = "SECONDS",
            description = "Seconds between refreshes (default: ${DEFAULT-VALUE}).")
    double refreshSeconds = 1.0;

    @Option(names = "--timeout-s", paramLabel = "SECONDS",
            description = "Seconds a node has to answer (default: ${DEFAULT-VALUE}).")
    double timeoutSeconds = 3.0;

    @Option(names = "--api-key-env", paramLabel = "VAR",
            description = "Environment variable holding the nodes' API key (sent as X-Graph-API-Key).")
    String apiKeyEnv;

    @Option(names = "--trust-store", paramLabel = "FILE",
            description = "PKCS12 trust store with the certificate of nodes that serve https:// (node.api.tls) "
                    + "with a certificate the JVM does not already trust.")
    Path trustStore;

    @Option(names = "--trust-store-password-env", paramLabel = "VAR",
            description = "Environment variable holding the --trust-store password (none by default).")
    String trustStorePasswordEnv;

    @Option(names = "--dark", description = "Start with the dark theme.")
    boolean dark;

    @Option(names = "--read-only",
            description = "Start read-only: every action is off until read-only is turned off in the window "
                    + "(AWS sources always start read-only).")
    boolean readOnly;

    @Option(names = "--no-start-local",
            description = "Without --nodes/--aws and no local fleet running: show how to start one instead of starting it.")
    boolean noStartLocal;

    @Option(names = "--local",
            description = "Watch the local fleet, even when the last console session watched another source "
                    + "(without --nodes/--aws the console reopens the last source).")
    boolean local;

    /** Set by {@link #toConfig} for {@code --no-start-local} without a fleet: what the empty state's button starts. */
    private SourceStarter localStartOffer;

    /** What starts a local fleet when the empty state's button asks; null when there is no empty state. */
    SourceStarter localStartOffer() {
        return localStartOffer;
    }

    /** The checked configuration; throws {@link UsageException} naming the option and the fix. */
    ConsoleConfig toConfig(Function<String, String> environment) {
        Duration interval = seconds("--refresh-s", refreshSeconds, 0.1, 3600);
        Duration timeout = seconds("--timeout-s", timeoutSeconds, 0.1, 600);
        Path localDir = localData != null ? localData : LocalFleet.defaultDataDir();
        String apiKey = apiKey(environment);
        checkSourceOptions();
        SourceSettings settings = new SourceSettings(interval, timeout, apiKey, dark, readOnly, localDir);
        if (aws) {
            return new AwsSourceFactory(settings, awsOptions).create();
        }
        NodesSourceFactory nodesSource = new NodesSourceFactory(settings, trustStore, trustStorePasswordEnv, environment);
        if (!nodes.isEmpty() && !localNodes()) {
            return nodesSource.create(nodes);
        }
        LocalSourceFactory localSource = new LocalSourceFactory(settings, nodesSource);
        Optional<LocalFleetFile> running = localSource.running();
        if (running.isPresent()) {
            return localSource.create(running.get(), null);
        }
        if (noStartLocal) {
            // not now; the empty state offers to (the installed app has no ./graphfleet script to run)
            localStartOffer = localSource::start;
            return new ConsoleConfig(null, null, interval, dark, localDir);
        }
        // The window comes first; the fleet starts behind a splash that shows its progress.
        return ConsoleConfig.starting(localSource::start, interval, dark, localDir, null);
    }

    /** {@code --nodes local}: the local fleet's nodes, read with their own keys from its file. */
    private boolean localNodes() {
        return "local".equals(String.join(",", nodes).strip());
    }

    /** Whether the command line chose a source (else the last one is reopened). */
    boolean choosesSource() {
        return aws || !nodes.isEmpty() || local || localData != null;
    }

    /**
     * The options that choose this source, to reopen it next time: {@code --nodes ...}, {@code --aws --env ...}
     * (names only: an API key stays in its environment variable), or nothing for the local fleet.
     */
    List<String> sourceArgs() {
        List<String> out = new ArrayList<>();
        if (aws) {
            out.add("--aws");
            addOption(out, "--env", awsOptions.environment);
            addOption(out, "--region", awsOptions.region);
            addOption(out, "--profile", awsOptions.profile);
            addOption(out, "--endpoint", awsOptions.endpoint);
            addOption(out, "--config", awsOptions.config == null ? null : awsOptions.config.toAbsolutePath().toString());
            addOption(out, "--service", awsOptions.service);
        } else if (!nodes.isEmpty()) {
            out.add("--nodes");
            out.add(String.join(",", nodes));
        } else if (localData != null) {
            addOption(out, "--local-data", localData.toAbsolutePath().toString());
        }
        if (!out.isEmpty()) {
            addOption(out, "--api-key-env", apiKeyEnv);
            addOption(out, "--trust-store", trustStore == null ? null : trustStore.toAbsolutePath().toString());
            addOption(out, "--trust-store-password-env", trustStorePasswordEnv);
        }
        return out;
    }

    private static void addOption(List<String> out, String name, String value) {
        if (value != null) {
            out.add(name);
            out.add(value);
        }
    }

    /** One source at a time, and no option that would be ignored. */
    private void checkSourceOptions() {
        if (aws && !nodes.isEmpty()) {
            throw new UsageException("--aws and --nodes are two sources; pass one of them");
        }
        if (local && (aws || !nodes.isEmpty())) {
            throw new UsageException("--local and " + (aws ? "--aws" : "--nodes") + " are two sources; pass one of them");
        }
        if (!aws) {
            List<String> awsOnly = new ArrayList<>();
            addIf(awsOnly, awsOptions.environment != null, "--env");
            addIf(awsOnly, awsOptions.region != null, "--region");
            addIf(awsOnly, awsOptions.profile != null, "--profile");
            addIf(awsOnly, awsOptions.endpoint != null, "--endpoint");
            addIf(awsOnly, awsOptions.config != null, "--config");
            addIf(awsOnly, awsOptions.service != null, "--service");
            if (!awsOnly.isEmpty()) {
                throw new UsageException(String.join(", ", awsOnly) + (awsOnly.size() == 1 ? " goes" : " go")
                        + " with --aws; add --aws to read the fleet from AWS");
            }
        }
    }

    private static void addIf(List<String> list, boolean condition, String option) {
        if (condition) {
            list.add(option);
        }
    }

    private String apiKey(Function<String, String> environment) {
        return EnvironmentKey.nonBlank(apiKeyEnv, environment, "--api-key-env names " + apiKeyEnv + ", but that "
                + "environment variable is not set; export it with the nodes' API key, or leave the option out for"
                + " nodes without a key");
    }

    private static Duration seconds(String option, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new UsageException(option + " must be between " + min + " and " + max + " seconds, got " + value);
        }
        return Duration.ofMillis(Math.round(value * 1000));
    }
}
