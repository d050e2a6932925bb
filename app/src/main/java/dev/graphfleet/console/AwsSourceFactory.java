package dev.graphfleet.console;

import dev.graphfleet.cli.AwsSourceOptions;
import dev.graphfleet.cli.UsageException;
import dev.graphfleet.config.ConfigException;
import dev.graphfleet.config.GraphfleetConfig;
import dev.graphfleet.console.service.NodeDetailReader;
import dev.graphfleet.console.service.VolumeWatch;
import dev.graphfleet.console.service.actions.AwsFleetActions;
import dev.graphfleet.console.service.actions.NodeInvalidator;
import dev.graphfleet.console.viewmodel.SourceKind;
import dev.graphfleet.fleet.aws.AwsFleetSource;
import dev.graphfleet.fleet.aws.AwsReplicaOperations;
import dev.graphfleet.fleet.aws.AwsSettings;
import dev.graphfleet.fleet.nodes.ProbeOptions;
import dev.graphfleet.fleet.snapshot.SnapshotJobs;
import dev.graphfleet.volume.aws.AwsVolumeFleet;
import dev.graphfleet.volume.aws.VolumeClients;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;

/**
 * The console's source for {@code --aws}: one environment's fleet discovered in AWS, its actions (snapshot,
 * refresh, rollback) and its volumes. It always starts read-only: production lives there.
 */
final class AwsSourceFactory {

    private final SourceSettings settings;
    private final AwsSourceOptions awsOptions;

    AwsSourceFactory(SourceSettings settings, AwsSourceOptions awsOptions) {
        this.settings = settings;
        this.awsOptions = awsOptions;
    }

    ConsoleConfig create() {
        GraphfleetConfig config;
        try {
            config = awsOptions.loadConfig();
        } catch (ConfigException e) {
            throw new UsageException("--config: " + e.getMessage());
        }
        String env = awsOptions.requireEnvironment(config);
        awsOptions.checkNodePort();
        AwsSettings aws = AwsSettings.of(awsOptions.region, awsOptions.profile, awsOptions.endpoint == null ? null : endpointUrl(awsOptions.endpoint));
        String table = config == null ? null : config.registry().instanceTable();
        String apiKey = settings.apiKey();
        ProbeOptions probe = new ProbeOptions(settings.timeout(), ProbeOptions.DEFAULT_PARALLELISM, apiKey);
        AwsFleetSource source = AwsFleetSource.create(aws,
                new AwsFleetSource.Options(env, awsOptions.service, table, config, true, awsOptions.nodePort, probe));
        // AWS always starts read-only (production lives there); the switch in the window lifts it.
        String service = awsOptions.service;
        AwsReplicaOperations.Checkpoint checkpoint = AwsFleetActions.nodeCheckpoint(apiKey, awsOptions.nodePort);
        OperatorSettings operator = new OperatorSettings(SourceKind.AWS, env, true, new AwsFleetActions(
                () -> AwsReplicaOperations.create(aws, AwsReplicaOperations.Settings.defaults(env, service),
                        checkpoint, new SnapshotJobs(Clock.systemUTC())),
                NodeInvalidator.create(settings.timeout(), apiKey),
                AwsFleetActions.Options.of(env, config, System.getProperty("user.name", "console"))));
        // The volume monitor's own AWS parts, read-only here: EC2 modifications and the CloudWatch agent fallback,
        // built on the refresh thread when the Volumes view first needs them.
        VolumeClients clients = VolumeClients.create(awsOptions.region, awsOptions.profile,
                awsOptions.endpoint == null ? null : endpointUrl(awsOptions.endpoint));
        AwsVolumeFleet volumeFleet = new AwsVolumeFleet(clients, env, awsOptions.service, awsOptions.nodePort, null);
        return new ConsoleConfig(source, NodeDetailReader.create(settings.timeout(), apiKey), settings.interval(),
                settings.dark(), settings.localDir(), operator)
                .withVolumes(VolumeWatch.lazy(volumeFleet::actions, volumeFleet::cloudWatch));
    }

    private static URI endpointUrl(String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            uri = null;
        }
        if (uri == null || uri.getHost() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
            throw new UsageException("--endpoint: '" + text + "' is not an http(s) URL, e.g. http://127.0.0.1:4566");
        }
        return uri;
    }
}
