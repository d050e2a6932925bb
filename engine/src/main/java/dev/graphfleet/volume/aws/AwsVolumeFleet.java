package dev.graphfleet.volume.aws;

import dev.graphfleet.fleet.aws.Ec2Inventory;
import dev.graphfleet.time.Sleeper;
import dev.graphfleet.volume.monitor.CloudWatchDiskMetrics;
import dev.graphfleet.volume.monitor.InstanceSource;
import dev.graphfleet.volume.monitor.VolumeActions;
import dev.graphfleet.volume.monitor.VolumeFleet;
import dev.graphfleet.volume.registry.InMemoryVolumeRegistry;
import dev.graphfleet.volume.registry.VolumeRegistry;
import java.time.Clock;

/**
 * One environment's fleet in AWS for a volume check from the command line: instances by their EC2
 * tags, EBS modifications and SSM filesystem growth, the CloudWatch agent fallback and the DynamoDB
 * volume registry (whose conditional lock keeps two monitors from expanding a volume twice). The same
 * parts the Lambda uses.
 *
 * @param volumeTable the registry table; null only for a dry run, which takes no lock
 */
public record AwsVolumeFleet(VolumeClients clients, String environment, String service, int apiPort,
                             String volumeTable) implements VolumeFleet {

    @Override
    public String description() {
        return "AWS environment " + environment + (service == null ? "" : " (service " + service + ")");
    }

    @Override
    public InstanceSource instances() {
        return new Ec2InstanceSource(new Ec2Inventory(clients.ec2()), environment, service, apiPort);
    }

    @Override
    public VolumeActions actions() {
        return new Ec2SsmVolumeActions(clients.ec2(), clients.ssm(), Ec2SsmVolumeActions.Options.defaults(),
                Sleeper.system());
    }

    @Override
    public CloudWatchDiskMetrics cloudWatch() {
        return new CloudWatchAgentDiskMetrics(clients.cloudWatch(), Clock.systemUTC(),
                CloudWatchAgentDiskMetrics.Options.defaults());
    }

    @Override
    public VolumeRegistry registry() {
        return volumeTable == null ? new InMemoryVolumeRegistry()
                : new DynamoVolumeRegistry(clients.dynamoDb(), volumeTable);
    }
}
