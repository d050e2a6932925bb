package dev.graphfleet.console.viewmodel;

import static dev.graphfleet.console.testing.FleetStates.NOW;
import static dev.graphfleet.console.testing.FleetStates.node;
import static dev.graphfleet.console.testing.FleetStates.state;
import static org.assertj.core.api.Assertions.assertThat;

import dev.graphfleet.config.NodeType;
import dev.graphfleet.console.testing.FleetStates;
import dev.graphfleet.fleet.FleetSnapshot;
import dev.graphfleet.fleet.GroupScaling;
import dev.graphfleet.fleet.Health;
import dev.graphfleet.fleet.InstanceRefresh;
import dev.graphfleet.fleet.ReplicaGroup;
import dev.graphfleet.fleet.TargetHealth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Fleet view as an operator reads it: every instance in role order, the replica groups, the headline. */
class FleetViewModelTest {

    private final FleetViewModel model = new FleetViewModel();

    private InstanceRow instance(String id) {
        return model.instances().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    private GroupRow group(String name) {
        return model.groups().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    private static ReplicaGroup group(String name, GroupScaling scaling, List<String> ids,
                                      Map<String, TargetHealth> targets, InstanceRefresh refresh) {
        return new ReplicaGroup(name, "asg-" + name, "sec", "m7g.large", scaling, ids, Map.of(), targets, Map.of(),
                "$Latest", refresh);
    }

    @Test
    void writersThenMastersThenReplicasThenUnknownEachByIdWithTheHeadlineCounting() {
        model.apply(state(
                node("r-2", NodeType.SHARED_REPLICA).down("connection refused").build(),
                node("x", null).health(Health.UNKNOWN, null).build(),
                node("r-1", NodeType.SHARED_REPLICA).health(Health.UNHEALTHY, "/health 503").build(),
                node("m-1", NodeType.SHARED_MASTER).build(),
                node("w-2", NodeType.WRITER).build(),
                node("w-1", NodeType.WRITER).build()));

        assertThat(model.instances()).extracting(InstanceRow::id).containsExactly("w-1", "w-2", "m-1", "r-1", "r-2", "x");
        assertThat(model.instances()).extracting(r -> r.roleProperty().get())
                .containsExactly("writer", "writer", "shared master", "shared replica", "shared replica", "unknown");
        assertThat(model.summaryProperty().get()).isEqualTo("2 writers · 1 shared master · 2 shared replicas"
                + " · 1 of unknown role  —  3 of 6 healthy, 1 unreachable, 1 unhealthy");
        assertThat(model.healthyProperty().get()).isEqualTo(3);
        assertThat(model.totalProperty().get()).isEqualTo(6);
    }

    @Test
    void aSmallHealthyFleetIsCountedInTheSingular() {
        model.apply(state(node("w", NodeType.WRITER).build(), node("m", NodeType.SHARED_MASTER).build(),
                node("r", NodeType.SHARED_REPLICA).build()));

        assertThat(model.summaryProperty().get())
                .isEqualTo("1 writer · 1 shared master · 1 shared replica  —  3 of 3 healthy");

        model.apply(state());
        assertThat(model.summaryProperty().get()).isEqualTo("No instances");
        assertThat(model.instances()).isEmpty();
        model.apply(FleetStates.refresh(FleetSnapshot.unreachable("prod", NOW, "aws(prod)", "timeout")).build());
        assertThat(model.summaryProperty().get()).isEqualTo("No instances (the source could not be read)");
        assertThat(model.totalProperty().get()).isZero();
    }

    @Test
    void anInstanceRowSaysItsHealthWhyAndWhatItRuns() {
        model.apply(state(
                node("w-1", NodeType.WRITER).instanceType("r7g.large").dataVersion("snap-0042").uptime(90).build(),
                node("w-2", NodeType.WRITER).metricsError("/metrics: HTTP 401").state(" ").build(),
                node("w-3", NodeType.WRITER).down("connection refused").state(null).build(),
                node("w-4", NodeType.WRITER).uptime(2 * 86_400 + 3 * 3600).build()));

        InstanceRow w1 = instance("w-1");
        assertThat(List.of(w1.healthProperty().get(), w1.healthDetailProperty().get(), w1.groupProperty().get(),
                w1.instanceTypeProperty().get(), w1.versionProperty().get(), w1.loadBalancerProperty().get(),
                w1.stateProperty().get(), w1.uptimeProperty().get(), w1.endpointProperty().get()))
                .containsExactly("healthy", "", "—", "r7g.large", "snap-0042", "—", "running", "1 min",
                        "http://10.0.1.5:8001/w-1");
        InstanceRow w2 = instance("w-2");
        assertThat(w2.healthDetailProperty().get()).isEqualTo("/metrics: HTTP 401");
        assertThat(w2.stateProperty().get()).as("a blank state is none").isEqualTo("—");
        assertThat(w2.uptimeProperty().get()).as("no figures, no uptime").isEqualTo("—");
        assertThat(w2.versionProperty().get()).isEqualTo("—");
        InstanceRow w3 = instance("w-3");
        assertThat(w3.healthProperty().get()).isEqualTo("unreachable");
        assertThat(w3.healthDetailProperty().get()).isEqualTo("connection refused");
        assertThat(w3.stateProperty().get()).isEqualTo("—");
        assertThat(instance("w-4").uptimeProperty().get()).isEqualTo("2 d 3 h");

        assertThat(model.anyInstanceTypeProperty().get()).isTrue();
        assertThat(model.anyVersionProperty().get()).isTrue();
        assertThat(model.anyGroupProperty().get()).isFalse();
        assertThat(model.anyLoadBalancerProperty().get()).isFalse();
        assertThat(model.widestVersionProperty().get()).isEqualTo("snap-0042");
        assertThat(model.filter().visible()).hasSize(4);
    }

    @Test
    void aListOfNodesHasNoColumnsForWhatItCannotKnow() {
        model.apply(state(node("a", NodeType.WRITER).build(), node("b", NodeType.WRITER).build()));

        assertThat(model.anyInstanceTypeProperty().get()).isFalse();
        assertThat(model.anyVersionProperty().get()).isFalse();
        assertThat(model.anyGroupProperty().get()).isFalse();
        assertThat(model.anyLoadBalancerProperty().get()).isFalse();
        assertThat(model.widestVersionProperty().get()).isEmpty();
        assertThat(model.groups()).isEmpty();
    }

    @Test
    void theWidestVersionIsTheLongestOfAnyInstance() {
        model.apply(state(node("a", NodeType.WRITER).dataVersion("v1").build(),
                node("b", NodeType.WRITER).dataVersion("sec v12 · economic v3").build(),
                node("c", NodeType.WRITER).dataVersion("snap-7").build()));

        assertThat(model.widestVersionProperty().get()).isEqualTo("sec v12 · economic v3");
    }

    @Test
    void aReplicaGroupSaysWhoServesAndHowTheRefreshGoes() {
        ReplicaGroup blue = group("blue", new GroupScaling(1, 2, 4), List.of("r-1", "r-2"),
                Map.of("r-1", TargetHealth.of(TargetHealth.State.HEALTHY),
                        "r-2", new TargetHealth(TargetHealth.State.UNHEALTHY, "Target.FailedHealthChecks", null)),
                new InstanceRefresh("ir-1", "InProgress", 40, NOW, null, null));
        ReplicaGroup green = new ReplicaGroup("green", null, null, null, null, List.of("r-3"), Map.of(), Map.of(),
                Map.of(), null, new InstanceRefresh("ir-2", "Successful", null, NOW, NOW, null));
        ReplicaGroup red = group("red", new GroupScaling(2, 2, 2), List.of("r-4", "r-5"),
                Map.of("r-5", TargetHealth.of(TargetHealth.State.DRAINING)), null);
        model.apply(FleetStates.refresh(FleetStates.fleet(List.of(blue, green, red),
                node("r-1", NodeType.SHARED_REPLICA).group("blue").build(),
                node("r-2", NodeType.SHARED_REPLICA).group("blue").down("connection refused").build(),
                node("r-3", NodeType.SHARED_REPLICA).group("green").build(),
                node("r-4", NodeType.SHARED_REPLICA).group("red").down(null).build(),
                node("r-5", NodeType.SHARED_REPLICA).group("red").down(null).build())).build());

        assertThat(model.groups()).extracting(GroupRow::name).containsExactly("blue", "green", "red");
        GroupRow b = group("blue");
        assertThat(List.of(b.tierProperty().get(), b.instanceTypeProperty().get(), b.scalingProperty().get(),
                b.membersProperty().get(), b.servingProperty().get(), b.refreshProperty().get(), b.healthProperty().get()))
                .containsExactly("sec", "m7g.large", "1 / 2 / 4", "1 of 2 healthy", "1 of 2 in service",
                        "InProgress 40 %", "unhealthy");
        GroupRow g = group("green");
        assertThat(List.of(g.tierProperty().get(), g.instanceTypeProperty().get(), g.scalingProperty().get(),
                g.membersProperty().get(), g.servingProperty().get(), g.refreshProperty().get(), g.healthProperty().get()))
                .containsExactly("—", "—", "—", "1 of 1 healthy", "no load balancer", "Successful", "healthy");
        GroupRow r = group("red");
        assertThat(r.healthProperty().get()).isEqualTo("unreachable");
        assertThat(r.refreshProperty().get()).isEqualTo("—");
        assertThat(r.servingProperty().get()).isEqualTo("0 of 2 in service");

        assertThat(instance("r-1").loadBalancerProperty().get()).isEqualTo("healthy");
        assertThat(instance("r-2").loadBalancerProperty().get()).isEqualTo("unhealthy (Target.FailedHealthChecks)");
        assertThat(instance("r-3").loadBalancerProperty().get()).as("a group without a load balancer").isEqualTo("—");
        assertThat(instance("r-4").loadBalancerProperty().get()).isEqualTo("not registered");
        assertThat(instance("r-5").loadBalancerProperty().get()).isEqualTo("draining");
        assertThat(instance("r-1").groupProperty().get()).isEqualTo("blue");
        assertThat(model.anyGroupProperty().get()).isTrue();
        assertThat(model.anyLoadBalancerProperty().get()).isTrue();

        assertThat(visible("group:green")).containsExactly("r-3");
        assertThat(visible("lb:draining")).containsExactly("r-5");
        assertThat(visible("detail:refused")).containsExactly("r-2");
        assertThat(visible("health:unreachable")).containsExactly("r-2", "r-4", "r-5");
        assertThat(visible("endpoint:8001/r-4")).containsExactly("r-4");
    }

    private List<String> visible(String query) {
        model.filter().textProperty().set(query);
        return model.filter().visible().stream().map(InstanceRow::id).toList();
    }

    @Test
    void theFilterSearchesEveryShownColumnAndFollowsTheRefreshes() {
        model.apply(state(
                node("w-1", NodeType.WRITER).instanceType("r7g.large").dataVersion("snap-0042").build(),
                node("w-2", NodeType.WRITER).state("stopping").build(),
                node("m-1", NodeType.SHARED_MASTER).build()));

        assertThat(visible("type:r7g")).containsExactly("w-1");
        assertThat(visible("version:snap")).containsExactly("w-1");
        assertThat(visible("state:stopping")).containsExactly("w-2");
        assertThat(visible("role:master")).containsExactly("m-1");
        assertThat(visible("id:w-")).containsExactly("w-1", "w-2");

        model.apply(state(node("w-1", NodeType.WRITER).build(), node("w-2", NodeType.WRITER).build(),
                node("w-3", NodeType.WRITER).build(), node("m-1", NodeType.SHARED_MASTER).build()));
        assertThat(model.filter().visible()).extracting(InstanceRow::id).containsExactly("w-1", "w-2", "w-3");
    }

    @Test
    void aGroupBelowItsMinimumIsUnhealthyEvenWhenEveryMemberIs() {
        ReplicaGroup small = group("small", new GroupScaling(2, 2, 3), List.of("r-1"), Map.of(), null);
        ReplicaGroup ok = group("ok", new GroupScaling(1, 1, 3), List.of("r-2"), Map.of(), null);
        model.apply(FleetStates.refresh(FleetStates.fleet(List.of(small, ok),
                node("r-1", NodeType.SHARED_REPLICA).build(), node("r-2", NodeType.SHARED_REPLICA).build())).build());

        assertThat(group("small").healthProperty().get()).isEqualTo("unhealthy");
        assertThat(group("ok").healthProperty().get()).as("exactly at its minimum").isEqualTo("healthy");
        assertThat(model.anyGroupProperty().get()).as("groups without a group on the instances").isTrue();
        assertThat(model.anyLoadBalancerProperty().get()).isFalse();
    }

    @Test
    void anUnchangedRefreshKeepsTheSameTextsAndAChangedOneShowsTheChange() {
        model.apply(state(node("a", NodeType.WRITER).build()));
        InstanceRow a = instance("a");
        model.apply(state(node("a", NodeType.WRITER).build()));
        assertThat(instance("a")).isSameAs(a);

        model.apply(state(node("a", NodeType.WRITER).health(Health.UNHEALTHY, "/health 503").build()));
        assertThat(instance("a")).isSameAs(a);
        assertThat(a.healthProperty().get()).isEqualTo("unhealthy");
        assertThat(a.healthDetailProperty().get()).isEqualTo("/health 503");
    }
}
