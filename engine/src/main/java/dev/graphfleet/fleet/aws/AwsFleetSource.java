package dev.graphfleet.fleet.aws;

import dev.graphfleet.config.GraphfleetConfig;
import dev.graphfleet.fleet.FleetSnapshot;
import dev.graphfleet.fleet.FleetSource;
import dev.graphfleet.fleet.InstanceRefresh;
import dev.graphfleet.fleet.TargetHealth;
import dev.graphfleet.fleet.discovery.DiscoveredGroup;
import dev.graphfleet.fleet.discovery.DiscoveredInstance;
import dev.graphfleet.fleet.discovery.Discovery;
import dev.graphfleet.fleet.discovery.FleetAssembler;
import dev.graphfleet.fleet.nodes.NodeProbe;
import dev.graphfleet.fleet.nodes.NodeReport;
import dev.graphfleet.fleet.nodes.ProbeOptions;
import dev.graphfleet.fleet.registry.InstanceRegistry;
import dev.graphfleet.fleet.registry.RegisteredInstance;
import dev.graphfleet.fleet.snapshot.DataSnapshot;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fleet read from AWS: running instances by tags (EC2), replica groups (Auto Scaling, with their
 * latest instance refresh and ELBv2 target health), the snapshot each data volume came from, the
 * instance registry (DynamoDB, table from config), and each node's /health and /metrics at its
 * private address. Only the EC2 listing is essential: when it fails the snapshot says the source is
 * unreachable; any other part that fails becomes a warning and the rest is still shown.
 */
public final class AwsFleetSource implements FleetSource {

    private static final Logger LOG = LoggerFactory.getLogger(AwsFleetSource.class);

    /**
     * @param environment   the {@code Environment} tag
     * @param service       the {@code Service} tag, or null for any
     * @param instanceTable the registry's table ({@code registry.instance_table}), or null to skip it
     * @param config        the fleet config, or null
     * @param probeNodes    call each node's API at its private address
     * @param nodePort      the nodes' API port
     */
    public record Options(String environment, String service, String instanceTable, GraphfleetConfig config,
                          boolean probeNodes, int nodePort, ProbeOptions probe) {
        public Options {
            Objects.requireNonNull(environment, "environment");
            Objects.requireNonNull(probe, "probe");
        }
    }

    private final Ec2Inventory ec2;
    private final AutoScalingInventory autoScaling;
    private final TargetHealthReader targets;
    private final InstanceRegistry registry;
    private final NodeProbe probe;
    private final Options options;
    private final String name;
    private final Clock clock;
    private final AutoCloseable resources;

    public AwsFleetSource(Ec2Inventory ec2, AutoScalingInventory autoScaling, TargetHealthReader targets,
                          InstanceRegistry registry, NodeProbe probe, Options options, String name, Clock clock,
                          AutoCloseable resources) {
        this.ec2 = Objects.requireNonNull(ec2, "ec2");
        this.autoScaling = autoScaling;
        this.targets = targets;
        this.registry = registry;
        this.probe = probe;
        this.options = Objects.requireNonNull(options, "options");
        this.name = Objects.requireNonNull(name, "name");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.resources = resources;
    }

    /** Builds the SDK clients from {@code settings}; close the source to release them. */
    public static AwsFleetSource create(AwsSettings settings, Options options) {
        var ec2 = AwsClients.ec2(settings);
        var asg = AwsClients.autoScaling(settings);
        var elb = AwsClients.elb(settings);
        var dynamo = options.instanceTable() == null ? null : AwsClients.dynamoDb(settings);
        InstanceRegistry registry = dynamo == null ? null : new DynamoInstanceRegistry(dynamo, options.instanceTable());
        AutoCloseable closeAll = () -> {
            ec2.close();
            asg.close();
            elb.close();
            if (dynamo != null) {
                dynamo.close();
            }
        };
        return new AwsFleetSource(new Ec2Inventory(ec2), new AutoScalingInventory(asg), new TargetHealthReader(elb),
                registry, options.probeNodes() ? NodeProbe.create(options.probe()) : null, options,
                "aws(" + options.environment() + ", " + settings.regionLabel() + ")", Clock.systemUTC(), closeAll);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public FleetSnapshot snapshot() {
        Instant takenAt = clock.instant();
        List<DiscoveredInstance> instances;
        try {
            instances = ec2.instances(options.environment(), options.service());
        } catch (RuntimeException | LinkageError e) {
            String why = AwsErrors.describe("EC2 DescribeInstances", e);
            LOG.debug("{}: {}", name, why, e); // the snapshot carries it to the caller
            return FleetSnapshot.unreachable(options.environment(), takenAt, name, why);
        }
        try {
            return FleetAssembler.assemble(discover(takenAt, instances));
        } catch (RuntimeException e) {
            LOG.warn("{}: assembling the fleet failed", name, e);
            return FleetSnapshot.unreachable(options.environment(), takenAt, name, "reading the fleet failed: " + e);
        }
    }

    private Discovery discover(Instant takenAt, List<DiscoveredInstance> instances) {
        List<String> warnings = new ArrayList<>();
        CompletableFuture<Map<String, NodeReport>> reports = probeNodes(instances, takenAt);
        List<DiscoveredGroup> groups = groups(warnings);
        List<String> volumeIds = instances.stream().map(DiscoveredInstance::dataVolumeId).filter(Objects::nonNull)
                .toList();
        Map<String, String> volumeSnapshots = attempt("EC2 DescribeVolumes", () -> ec2.volumeSnapshots(volumeIds),
                Map.of(), warnings);
        Map<String, Instant> snapshotTimes = new HashMap<>();
        if (volumeSnapshots.values().stream().anyMatch(s -> !s.isEmpty())) {
            attempt("EC2 DescribeSnapshots", () -> ec2.snapshots(options.environment(), null), List.<DataSnapshot>of(),
                    warnings).forEach(s -> {
                        if (s.startedAt() != null) {
                            snapshotTimes.put(s.id(), s.startedAt());
                        }
                    });
        }
        List<RegisteredInstance> rows = registry == null ? null
                : attempt("DynamoDB Scan of " + registry.name(), registry::list, null, warnings);
        return new Discovery(options.environment(), takenAt, name, instances, groups, volumeSnapshots, snapshotTimes,
                rows, registry == null ? null : registry.name(), reports.join(), probe != null, warnings,
                options.config());
    }

    private List<DiscoveredGroup> groups(List<String> warnings) {
        if (autoScaling == null) {
            return List.of();
        }
        List<AutoScalingInventory.Found> found = attempt("Auto Scaling DescribeAutoScalingGroups",
                () -> autoScaling.replicaGroups(options.environment(), options.service()),
                List.<AutoScalingInventory.Found>of(), warnings);
        List<DiscoveredGroup> groups = new ArrayList<>();
        for (AutoScalingInventory.Found f : found) {
            DiscoveredGroup g = f.group();
            InstanceRefresh refresh = attempt("Auto Scaling DescribeInstanceRefreshes (" + g.autoScalingGroup() + ")",
                    () -> autoScaling.latestRefresh(g.autoScalingGroup()).orElse(null), null, warnings);
            Map<String, TargetHealth> health = new HashMap<>();
            for (String arn : f.targetGroupArns()) {
                if (targets != null) {
                    Map<String, TargetHealth> one = attempt("ELBv2 DescribeTargetHealth (" + arn + ")",
                            () -> targets.health(arn), Map.of(), warnings);
                    health = TargetHealthReader.merge(health, one);
                }
            }
            groups.add(new DiscoveredGroup(g.name(), g.autoScalingGroup(), g.tier(), g.scaling(), g.members(), health,
                    g.launchTemplateVersion(), refresh));
        }
        return groups;
    }

    /** Calls every node at its private address, all together; none when probing is off. */
    private CompletableFuture<Map<String, NodeReport>> probeNodes(List<DiscoveredInstance> instances, Instant seenAt) {
        if (probe == null) {
            return CompletableFuture.completedFuture(Map.of());
        }
        List<DiscoveredInstance> reachable = instances.stream().filter(i -> i.privateIp() != null).toList();
        List<URI> urls = reachable.stream()
                .map(i -> URI.create("http://" + hostOf(i.privateIp()) + ":" + options.nodePort())).toList();
        List<CompletableFuture<NodeReport>> reads = probe.probeAll(urls, seenAt);
        return CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new)).handle((ok, e) -> {
            Map<String, NodeReport> byId = new HashMap<>();
            for (int i = 0; i < reachable.size(); i++) {
                NodeReport r = reads.get(i).getNow(null);
                if (r != null) {
                    byId.put(reachable.get(i).id(), r);
                }
            }
            return byId;
        });
    }

    private static String hostOf(String ip) {
        return ip.contains(":") ? "[" + ip + "]" : ip;
    }

    private <T> T attempt(String call, Supplier<T> read, T fallback, List<String> warnings) {
        try {
            return read.get();
        } catch (RuntimeException | LinkageError e) {
            String why = AwsErrors.describe(call, e);
            LOG.debug("{}: {}", name, why, e); // the snapshot's warnings carry it to the caller
            warnings.add(why);
            return fallback;
        }
    }

    @Override
    public void close() {
        if (resources != null) {
            try {
                resources.close();
            } catch (Exception e) {
                LOG.debug("closing the AWS clients failed", e);
            }
        }
    }
}
