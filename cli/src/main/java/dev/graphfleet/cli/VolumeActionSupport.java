package dev.graphfleet.cli;

import dev.graphfleet.time.Sleeper;
import dev.graphfleet.volume.VolumePlanner;
import dev.graphfleet.volume.VolumePolicy;
import dev.graphfleet.volume.aws.DynamoVolumeRegistry;
import dev.graphfleet.volume.aws.Ec2SsmVolumeActions;
import dev.graphfleet.volume.aws.VolumeClients;
import dev.graphfleet.volume.monitor.MonitorOptions;
import dev.graphfleet.volume.ops.OperationResult;
import dev.graphfleet.volume.ops.VolumeOperations;
import dev.graphfleet.volume.registry.InMemoryVolumeRegistry;
import dev.graphfleet.volume.registry.VolumeRegistry;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** What the volume action commands share: the EC2/SSM actions, the operations, and how a result is printed. */
final class VolumeActionSupport {

    private VolumeActionSupport() {
    }

    /** EC2 + SSM from the clients; a grow is followed for 25 s, its status read every {@code pollMs}. */
    static Ec2SsmVolumeActions actions(VolumeClients clients, long pollMs) {
        Ec2SsmVolumeActions.Options defaults = Ec2SsmVolumeActions.Options.defaults();
        return new Ec2SsmVolumeActions(clients.ec2(), clients.ssm(), new Ec2SsmVolumeActions.Options(
                defaults.dataDevices(), defaults.growWait(), Duration.ofMillis(pollMs)), Sleeper.system());
    }

    /** The registry table when given (lock and cooldown shared with the monitors), else one in this process. */
    static VolumeOperations operations(VolumeClients clients, Ec2SsmVolumeActions actions, String volumeTable) {
        VolumeRegistry registry = volumeTable == null ? new InMemoryVolumeRegistry()
                : new DynamoVolumeRegistry(clients.dynamoDb(), volumeTable);
        MonitorOptions options = MonitorOptions.defaults();
        return new VolumeOperations(new VolumePlanner(VolumePolicy.defaults()), actions, actions, registry,
                Clock.systemUTC(), "cli:" + options.monitorId(), options.lockTtl());
    }

    /** Prints the result; refusals and unknown ids are usage errors (2), failures 1. */
    static int print(OperationResult result, PrintWriter out) {
        if (result.status() == OperationResult.Status.REFUSED || result.status() == OperationResult.Status.NOT_FOUND) {
            throw new UsageException(withLines(result.message(), result.lines()));
        }
        out.println(withLines(result.message(), result.lines()));
        out.flush();
        return result.ok() ? GraphfleetCli.EXIT_OK : GraphfleetCli.EXIT_FAILURE;
    }

    private static String withLines(String message, List<String> lines) {
        StringBuilder s = new StringBuilder(message);
        lines.forEach(l -> s.append(System.lineSeparator()).append("  ").append(l));
        return s.toString();
    }

    static void requirePositive(String option, long value) {
        if (value < 1) {
            throw new UsageException(option + " must be a positive number, got " + value);
        }
    }
}
