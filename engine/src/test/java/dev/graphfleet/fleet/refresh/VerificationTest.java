package dev.graphfleet.fleet.refresh;

import static dev.graphfleet.fleet.refresh.Member.State.NOT_YET;
import static dev.graphfleet.fleet.refresh.Member.State.SERVING;
import static dev.graphfleet.fleet.refresh.RefreshPlannerTest.NEW;
import static dev.graphfleet.fleet.refresh.RefreshPlannerTest.OLD;
import static dev.graphfleet.fleet.refresh.RefreshPlannerTest.m;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graphfleet.config.NodeType;
import dev.graphfleet.fleet.DataVersion;
import dev.graphfleet.fleet.FleetInstance;
import dev.graphfleet.fleet.FleetSnapshot;
import dev.graphfleet.fleet.GroupScaling;
import dev.graphfleet.fleet.Health;
import dev.graphfleet.fleet.ReplicaGroup;
import dev.graphfleet.fleet.TargetHealth;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VerificationTest {

    @Test
    void aGroupStillOnTheOldSnapshotFailsVerificationNamingTheCause() {
        Verification v = Verification.of(List.of(m("i-1", NEW, SERVING), m("i-2", OLD, SERVING),
                m("i-3", OLD, SERVING)), NEW, 3);

        assertThat(v.ok()).isFalse();
        assertThat(v.offTarget()).containsOnly(Map.entry("i-2", OLD), Map.entry("i-3", OLD));
        assertThat(v.summary()).startsWith("2 of 3 instances run another snapshot than snap-new (i-2: snap-old, i-3: snap-old)")
                .contains("pinned to a numbered version?");
    }

    @Test
    void unknownVersionsInstancesNotServingAndMissingInstancesEachFail() {
        Verification v = Verification.of(List.of(m("i-1", NEW, SERVING), m("i-2", null, SERVING),
                m("i-3", NEW, NOT_YET)), NEW, 4);
        assertThat(v.ok()).isFalse();
        assertThat(v.summary()).isEqualTo("the snapshot of i-2 could not be read; i-3 does not serve;"
                + " only 3 of the desired 4 instances are in the group");
        assertThat(Verification.of(List.of(m("i-1", NEW, SERVING)), NEW, 1).ok()).isTrue();
    }

    @Test
    void membersComeFromTheSnapshotWithTheLoadBalancersViewFirst() {
        Instant now = Instant.parse("2026-11-22T06:00:00Z");
        FleetInstance a = new FleetInstance("i-a", NodeType.SHARED_REPLICA, null, "running", Health.HEALTHY, null,
                "m7g.large", "shared-replicas", DataVersion.of("snap-x", now, now), null, null);
        FleetInstance b = a.withHealth(Health.UNHEALTHY, "state starting");
        FleetInstance bb = new FleetInstance("i-b", b.role(), null, "starting", Health.UNHEALTHY, null, null,
                null, null, null, null);
        ReplicaGroup group = new ReplicaGroup("shared-replicas", "asg", "ladybug-shared", "m7g.large",
                new GroupScaling(1, 3, 5), List.of("i-a", "i-b", "i-c"), Map.of(),
                Map.of("i-a", TargetHealth.of(TargetHealth.State.UNHEALTHY)), Map.of("i-b", "snap-y"), "$Latest", null);
        FleetSnapshot fleet = new FleetSnapshot("prod", now, "test", true, null, List.of(group), List.of(a, bb),
                List.of());

        List<Member> members = Member.of(fleet, group);

        assertThat(members).containsExactly(new Member("i-a", "snap-x", Member.State.FAILED),
                new Member("i-b", "snap-y", Member.State.NOT_YET), new Member("i-c", null, Member.State.NOT_YET));
        assertThat(fleet.members(group)).extracting(FleetInstance::id).containsExactly("i-a", "i-b");
    }

    @Test
    void launchTemplateCheckCatchesAGroupPinnedToAnOldNumberedVersion() {
        assertThat(LaunchTemplateCheck.problem("7", 9, 9, 9)).hasValueSatisfying(p -> assertThat(p)
                .contains("version 7, pinned by number").contains("set the group's launch template version to 9"));
        assertThat(LaunchTemplateCheck.problem("9", 7, 9, 9)).isEmpty();
        assertThat(LaunchTemplateCheck.problem("$Latest", 7, 9, 9)).isEmpty();
        assertThat(LaunchTemplateCheck.problem("$Latest", 9, 10, 9)).hasValueSatisfying(p -> assertThat(p)
                .contains("latest version (10)"));
        assertThat(LaunchTemplateCheck.problem("$Default", 9, 10, 9)).isEmpty();
        assertThat(LaunchTemplateCheck.problem(null, 8, 10, 9)).hasValueSatisfying(p -> assertThat(p)
                .contains("default version (8)").contains("make version 9 the template's default"));
        assertThatThrownBy(() -> LaunchTemplateCheck.problem("latest", 1, 1, 1))
                .hasMessageContaining("not $Latest, $Default or a number");
    }
}
