package dev.graphfleet.fleet.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphfleet.config.GraphfleetConfig;
import dev.graphfleet.fleet.FleetInstance;
import dev.graphfleet.fleet.FleetSnapshot;
import dev.graphfleet.fleet.GroupScaling;
import dev.graphfleet.fleet.Health;
import dev.graphfleet.fleet.TargetHealth;
import dev.graphfleet.fleet.nodes.NodeReport;
import dev.graphfleet.fleet.registry.RegisteredInstance;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Assembly of a discovery into a snapshot, without any cloud: the decisions alone. */
class FleetAssemblerTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

    private static DiscoveredInstance ec2(String id, String role) {
        return new DiscoveredInstance(id, role, "running", "m7g.large", "10.0.0.1", NOW, null, Map.of());
    }

    private static Discovery discovery(List<DiscoveredInstance> instances, List<DiscoveredGroup> groups,
                                       List<RegisteredInstance> registry, Map<String, NodeReport> reports,
                                       boolean probed, GraphfleetConfig config) {
        return new Discovery("prod", NOW, "test", instances, groups, Map.of(), Map.of(), registry, "registry-table",
                reports, probed, List.of(), config);
    }

    @Test
    void healthTakesTheWorstOfNodeLoadBalancerAndAutoScaling() {
        NodeReport ready = new NodeReport(URI.create("http://10.0.0.1:8001"), "n", null, "ready", Health.HEALTHY,
                null, null, null, null);
        assertThat(HealthJudge.judge(ready, true, null, null, null).health()).isEqualTo(Health.HEALTHY);
        assertThat(HealthJudge.judge(ready, true, TargetHealth.of(TargetHealth.State.HEALTHY), "Healthy", "InService")
                .health()).isEqualTo(Health.HEALTHY);
        assertThat(HealthJudge.judge(ready, true, TargetHealth.of(TargetHealth.State.DRAINING), null, null).detail())
                .isEqualTo("the node is ready but the load balancer says draining");
        assertThat(HealthJudge.judge(ready, true, null, "Unhealthy", "InService").detail())
                .isEqualTo("Auto Scaling marks it unhealthy");
        assertThat(HealthJudge.judge(ready, true, null, "Healthy", "Terminating:Wait").detail())
                .isEqualTo("Auto Scaling lifecycle Terminating:Wait");
        assertThat(HealthJudge.judge(null, false, TargetHealth.of(TargetHealth.State.INITIAL), null, null).health())
                .isEqualTo(Health.UNHEALTHY);
        assertThat(HealthJudge.judge(null, true, null, null, null))
                .isEqualTo(new HealthJudge.Judgement(Health.UNKNOWN, "no address to call the node on"));
    }

    @Test
    void instancesAreOrderedByRoleGroupAndIdAndUnknownRolesLast() {
        FleetSnapshot fleet = FleetAssembler.assemble(discovery(List.of(ec2("i-9", "shared_replica"),
                ec2("i-5", "something-else"), ec2("i-2", "writer"), ec2("i-1", "writer"), ec2("i-3", "shared_master")),
                List.of(), null, Map.of(), false, null));

        assertThat(fleet.instances()).extracting(FleetInstance::id).containsExactly("i-1", "i-2", "i-3", "i-9", "i-5");
        assertThat(fleet.instances().get(4).role()).isNull();
    }

    @Test
    void groupsInConfigButNotDeployedAndTheOtherWayRoundAreWarnedAbout() {
        GraphfleetConfig config = GraphfleetConfig.parse("""
                environment: prod
                tiers:
                  shared: {shared_repositories: [sec], instance: {type: r7g.xlarge, max_memory_mb: 28672}}
                replicas:
                  sec-replicas: {tier: shared, instance: {type: m7g.large, max_memory_mb: 5120}}
                """);
        DiscoveredGroup stray = new DiscoveredGroup("old-replicas", "asg-old", null, new GroupScaling(0, 0, 2),
                List.of(new DiscoveredGroup.Member("i-7", "InService", "Healthy", "r7g.medium"),
                        new DiscoveredGroup.Member("i-8", "InService", "Healthy", "r7g.medium"),
                        new DiscoveredGroup.Member("i-6", "InService", "Healthy", "m7g.large")),
                Map.of(), null, null);

        FleetSnapshot fleet = FleetAssembler.assemble(discovery(List.of(), List.of(stray), null, Map.of(), false, config));

        assertThat(fleet.warnings()).containsExactly(
                "replica group sec-replicas is in the config but no Auto Scaling group of prod is tagged"
                        + " ReplicaGroup=sec-replicas",
                "Auto Scaling group for replica group old-replicas is deployed but not in the config");
        assertThat(fleet.replicaGroups().get(0).instanceType()).isEqualTo("r7g.medium"); // most members' type
        // members not running (no EC2 record) still appear, as replicas of their group
        assertThat(fleet.instances()).extracting(FleetInstance::id).containsExactly("i-6", "i-7", "i-8");
        assertThat(fleet.instances()).allSatisfy(i -> assertThat(i.group()).isEqualTo("old-replicas"));
    }

    @Test
    void registryRowsOfOtherEnvironmentsAndTerminatedInstancesAreNotStale() {
        List<RegisteredInstance> rows = List.of(
                new RegisteredInstance("i-1", "writer", "healthy", null, null, "prod", null),
                new RegisteredInstance("i-old", "writer", "terminated", null, null, "prod", null),
                new RegisteredInstance("i-stg", "writer", "healthy", null, null, "staging", null));

        FleetSnapshot fleet = FleetAssembler.assemble(discovery(List.of(ec2("i-1", "writer")), List.of(), rows,
                Map.of(), false, null));

        assertThat(fleet.warnings()).isEmpty();
    }
}
