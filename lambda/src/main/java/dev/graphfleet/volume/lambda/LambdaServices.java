package dev.graphfleet.volume.lambda;

import dev.graphfleet.fleet.aws.Ec2Inventory;
import dev.graphfleet.time.Sleeper;
import dev.graphfleet.volume.VolumePlanner;
import dev.graphfleet.volume.alert.AlertComposer;
import dev.graphfleet.volume.aws.CloudWatchAgentDiskMetrics;
import dev.graphfleet.volume.aws.DynamoVolumeRegistry;
import dev.graphfleet.volume.aws.Ec2InstanceSource;
import dev.graphfleet.volume.aws.Ec2SsmVolumeActions;
import dev.graphfleet.volume.aws.MonitorPublishers;
import dev.graphfleet.volume.aws.SnsAlertPublisher;
import dev.graphfleet.volume.aws.VolumeClients;
import dev.graphfleet.volume.monitor.HttpInstanceVolumeReader;
import dev.graphfleet.volume.monitor.MonitorOptions;
import dev.graphfleet.volume.monitor.NodeReadOptions;
import dev.graphfleet.volume.monitor.VolumeMonitor;
import dev.graphfleet.volume.ops.VolumeOperations;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * Builds the Lambda's services from its settings: SDK clients in the Lambda's region with the default
 * credentials chain (the execution role), the DynamoDB registry, EC2 discovery, the monitor with its CloudWatch
 * metrics and (when a topic is set) SNS alert sinks.
 */
public final class LambdaServices {

    private LambdaServices() {
    }

    public static HandlerServices fromSettings(LambdaSettings settings) {
        VolumeClients clients = VolumeClients.create(null, null, null);
        Ec2Client ec2 = clients.ec2();
        SsmClient ssm = clients.ssm();
        DynamoDbClient dynamo = clients.dynamoDb();
        CloudWatchClient cloudWatch = clients.cloudWatch();
        Clock clock = Clock.systemUTC();

        DynamoVolumeRegistry registry = new DynamoVolumeRegistry(dynamo, settings.registryTable());
        Ec2SsmVolumeActions actions = new Ec2SsmVolumeActions(ec2, ssm, Ec2SsmVolumeActions.Options.defaults(),
                Sleeper.system());
        AlertComposer composer = new AlertComposer(settings.environment());
        MonitorPublishers publishers = MonitorPublishers.of(clients, settings.metricsNamespace(),
                settings.alertTopicArn(), settings.environment());
        MonitorOptions options = MonitorOptions.defaults()
                .withMonitorId("lambda:" + settings.environment() + ":" + UUID.randomUUID());
        VolumeMonitor monitor = VolumeMonitor.builder(settings.policy(), HttpInstanceVolumeReader.create(
                        new NodeReadOptions(Duration.ofSeconds(10), 2, Duration.ofMillis(300)), settings.apiKey()))
                .cloudWatch(new CloudWatchAgentDiskMetrics(cloudWatch, clock,
                        CloudWatchAgentDiskMetrics.Options.defaults()))
                .actions(actions)
                .registry(registry)
                .clock(clock)
                .options(options)
                .sink(publishers.sink())
                .build();
        VolumeOperations operations = new VolumeOperations(new VolumePlanner(settings.policy()), actions, actions,
                registry, clock, options.monitorId(), options.lockTtl());
        SnsAlertPublisher alerts = publishers.sns();
        return new HandlerServices(monitor,
                new Ec2InstanceSource(new Ec2Inventory(ec2), settings.environment(), settings.service(),
                        settings.apiPort()),
                operations, composer, messages -> {
                    if (alerts != null) {
                        alerts.send(messages);
                    }
                });
    }
}
