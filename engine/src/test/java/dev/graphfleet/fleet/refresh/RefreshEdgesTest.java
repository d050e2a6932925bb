package dev.graphfleet.fleet.refresh;

import static dev.graphfleet.fleet.refresh.Member.State.FAILED;
import static dev.graphfleet.fleet.refresh.Member.State.NOT_YET;
import static dev.graphfleet.fleet.refresh.Member.State.SERVING;
import static dev.graphfleet.fleet.refresh.RefreshPlannerTest.NEW;
import static dev.graphfleet.fleet.refresh.RefreshPlannerTest.OLD;
import static dev.graphfleet.fleet.refresh.RefreshPlannerTest.m;
import static org.assertj.core.api.Assertions.assertThat;

import dev.graphfleet.config.NodeType;
import dev.graphfleet.fleet.FleetInstance;
import dev.graphfleet.fleet.Health;
import dev.graphfleet.fleet.TargetHealth;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A rolling refresh at its edges, as the operator sees it: which instance counts as serving, when a
 * refresh stops and what it names, and what the verification says is wrong.
 */
class RefreshEdgesTest {

    private static final Duration WITHIN = Duration.ofMinutes(15);
    private static final Instant T0 = Instant.parse("2026-11-22T06:00:00Z");

    private static FleetInstance node(String state, Health health) {
        return new FleetInstance("i-1", NodeType.SHARED_REPLICA, null, state, health, null, null, null, null, null, null);
    }

    @Test
    void theLoadBalancersViewDecidesWhoServesAndWithoutOneTheNodesHealth() {
        assertThat(Member.state(TargetHealth.of(TargetHealth.State.HEALTHY), null)).isEqualTo(SERVING);
        assertThat(Member.state(TargetHealth.of(TargetHealth.State.UNHEALTHY), node("running", Health.HEALTHY)))
                .isEqualTo(FAILED);
        assertThat(Member.state(TargetHealth.of(TargetHealth.State.UNHEALTHY_DRAINING), null)).isEqualTo(FAILED);
        assertThat(Member.state(TargetHealth.of(TargetHealth.State.INITIAL), node("running", Health.HEALTHY)))
                .isEqualTo(NOT_YET);
        assertThat(Member.state(TargetHealth.of(TargetHealth.State.DRAINING), null)).isEqualTo(NOT_YET);
        assertThat(Member.state(null, null)).isEqualTo(NOT_YET);
        assertThat(Member.state(null, node("running", Health.HEALTHY))).isEqualTo(SERVING);
        assertThat(Member.state(null, node("running", Health.UNHEALTHY))).isEqualTo(FAILED);
        assertThat(Member.state(null, node("Starting", Health.UNHEALTHY))).isEqualTo(NOT_YET);
        assertThat(Member.state(null, node(null, Health.UNHEALTHY))).isEqualTo(FAILED);
        assertThat(Member.state(null, node("running", Health.UNREACHABLE))).isEqualTo(NOT_YET);
    }

    @Test
    void anInstanceThatIsNeverTakenOutStopsTheRefreshNamingIt() {
        RollingRefresh refresh = new RollingRefresh(List.of(m("i-1", OLD, SERVING), m("i-2", OLD, SERVING)), NEW, WITHIN);
        List<Member> stillThere = List.of(m("i-1", OLD, SERVING), m("i-2", OLD, SERVING));
        assertThat(refresh.next(stillThere, T0)).isEqualTo(new RefreshStep.Replace("i-1"));
        assertThat(refresh.next(stillThere, T0.plus(WITHIN))).isEqualTo(new RefreshStep.Wait("waiting for i-1 to go"));

        RefreshStep step = refresh.next(stillThere, T0.plus(WITHIN).plusSeconds(1));

        assertThat(step).isEqualTo(new RefreshStep.Stopped(
                "i-1 was not taken out within 15 min; the refresh stops with 1 of 2 replaced", "i-1"));
    }

    @Test
    void aReplacementThatServesTheTargetLetsTheNextGoAndTheWaitSaysHowManyServe() {
        RollingRefresh refresh = new RollingRefresh(List.of(m("i-1", OLD, SERVING), m("i-2", OLD, SERVING)), NEW, WITHIN);
        refresh.next(List.of(m("i-1", OLD, SERVING), m("i-2", OLD, SERVING)), T0);
        RefreshStep waiting = refresh.next(List.of(m("i-9", null, NOT_YET), m("i-2", OLD, SERVING)), T0.plusSeconds(30));
        assertThat(waiting).isEqualTo(new RefreshStep.Wait(
                "waiting for the replacement of i-1 to serve on snap-new (0 of 1 serving)"));
        assertThat(refresh.plan().replaceOrder()).containsExactly("i-1", "i-2");
    }

    @Test
    void theVerificationSaysWhichDoNotServeAndCountsEveryInstance() {
        Verification v = Verification.of(List.of(m("i-1", NEW, NOT_YET), m("i-2", NEW, FAILED), m("i-3", OLD, SERVING),
                m("i-4", null, SERVING)), NEW, 4);
        assertThat(v.instances()).isEqualTo(4);
        assertThat(v.onTarget()).containsExactly("i-1", "i-2");
        assertThat(v.unknownVersion()).containsExactly("i-4");
        assertThat(v.notServing()).containsExactly("i-1", "i-2");
        assertThat(v.summary()).endsWith("; the snapshot of i-4 could not be read; i-1, i-2 do not serve");
        assertThat(Verification.of(List.of(m("i-1", NEW, SERVING), m("i-2", NEW, SERVING)), NEW, 2).ok()).isTrue();
        assertThat(Verification.of(List.of(m("i-1", NEW, SERVING)), NEW, 2).summary())
                .isEqualTo("only 1 of the desired 2 instances are in the group");
    }

    @Test
    void aGroupPinnedToANumberIsReadWithSpacesAndTheTemplatesDataVolumeIsTheFirstRealOne() {
        assertThat(LaunchTemplateCheck.resolve(" 7 ", 1, 9)).isEqualTo(7);
        assertThat(LaunchTemplateCheck.problem("$Latest", 9, 10, 9)).hasValueSatisfying(p -> assertThat(p)
                .isEqualTo("the group launches the template's latest version (10), but the target snapshot is in version 9:"
                        + " a later version replaced it; make 9 the latest or pin the group to it"));
        assertThat(LaunchTemplateCheck.problem("$Default", 8, 10, 9)).hasValueSatisfying(p -> assertThat(p)
                .contains("the template's default version (8)").endsWith("make version 9 the template's default"));
        TemplateEdit.Mapping xvdf = new TemplateEdit.Mapping("/dev/xvdf", "snap-1", 10, "gp3", true, null, null, true,
                null, null, false);
        TemplateEdit.Mapping sdf = new TemplateEdit.Mapping("/dev/sdf", "snap-2", 10, "gp3", true, null, null, true, null,
                null, false);
        TemplateEdit.Mapping suppressed = new TemplateEdit.Mapping("/dev/xvdf", null, null, null, null, null, null, null,
                null, null, true);
        assertThat(TemplateEdit.dataVolume(List.of(sdf, xvdf))).contains(xvdf);
        assertThat(TemplateEdit.dataVolume(List.of(suppressed, sdf))).contains(sdf);
        assertThat(TemplateEdit.dataVolume(List.of(suppressed))).isEmpty();
        assertThat(TemplateEdit.minHealthyPercentage(0)).isEqualTo(100);
    }

    @Test
    void aLoneOldServingInstanceGoesLastWhenOneOnTargetServesAndAFailedOneIsReplacedFirst() {
        RefreshPlan plan = RefreshPlanner.plan(List.of(m("i-1", OLD, SERVING), m("i-2", NEW, SERVING),
                m("i-3", OLD, FAILED)), NEW);
        assertThat(plan.isRefused()).isFalse();
        assertThat(plan.replaceOrder()).containsExactly("i-3", "i-1");
        assertThat(RefreshPlanner.plan(List.of(m("i-1", OLD, SERVING), m("i-2", OLD, SERVING), m("i-3", OLD, FAILED)),
                NEW).isRefused()).as("two serving and a failed one: each serving one has another").isFalse();
    }

    @Test
    void aFailedInstanceIsTakenAtOnceEvenWhenOnlyOneOtherServes() {
        List<Member> group = List.of(m("i-1", OLD, FAILED), m("i-2", OLD, SERVING));
        RollingRefresh refresh = new RollingRefresh(group, NEW, WITHIN);
        assertThat(refresh.next(group, T0)).isEqualTo(new RefreshStep.Replace("i-1"));
    }

    @Test
    void aRefreshWaitsTheWholeHealthyWithinForAnotherInstanceBeforeItGivesUp() {
        RollingRefresh refresh = new RollingRefresh(List.of(m("i-1", OLD, SERVING), m("i-2", OLD, SERVING)), NEW, WITHIN);
        List<Member> onlyOne = List.of(m("i-1", OLD, SERVING), m("i-2", OLD, NOT_YET));
        assertThat(refresh.next(onlyOne, T0)).isInstanceOf(RefreshStep.Wait.class);
        assertThat(refresh.next(onlyOne, T0.plus(WITHIN))).isInstanceOf(RefreshStep.Wait.class);
        assertThat(refresh.next(onlyOne, T0.plus(WITHIN).plusSeconds(1))).isEqualTo(new RefreshStep.Stopped(
                "no other instance has served for 15 min, so i-1 cannot be taken out without stopping the group", "i-1"));
    }

    @Test
    void twoServingInstancesLetTheFirstGoAtOnce() {
        List<Member> group = List.of(m("i-1", OLD, SERVING), m("i-2", OLD, SERVING));
        assertThat(new RollingRefresh(group, NEW, WITHIN).next(group, T0)).isEqualTo(new RefreshStep.Replace("i-1"));
    }

    @Test
    void aRefusedPlanIsNotNothingToDo() {
        RefreshPlan refused = RefreshPlanner.plan(List.of(m("i-1", OLD, SERVING)), NEW);
        assertThat(refused.isNothingToDo()).isFalse();
        assertThat(new RefreshPlan(NEW, List.of(), List.of(), "why").isNothingToDo()).isFalse();
    }
}
