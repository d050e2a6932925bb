package dev.graphfleet.fleet.refresh;

import static dev.graphfleet.fleet.refresh.Member.State.FAILED;
import static dev.graphfleet.fleet.refresh.Member.State.NOT_YET;
import static dev.graphfleet.fleet.refresh.Member.State.SERVING;
import static dev.graphfleet.fleet.refresh.RefreshPlannerTest.NEW;
import static dev.graphfleet.fleet.refresh.RefreshPlannerTest.OLD;
import static dev.graphfleet.fleet.refresh.RefreshPlannerTest.m;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Drives the refresh against a simulated group: terminated instances vanish, the group launches a
 * replacement that boots a snapshot, starts, then serves (or fails).
 */
class RollingRefreshTest {

    private static final Duration HEALTHY_WITHIN = Duration.ofMinutes(15);
    private Instant now = Instant.parse("2026-11-22T06:00:00Z");

    /** A group as the observer sees it: ordered instance → member. */
    private final Map<String, Member> group = new LinkedHashMap<>();

    private void put(Member member) {
        group.put(member.instanceId(), member);
    }

    private List<Member> observe() {
        return new ArrayList<>(group.values());
    }

    private RefreshStep step(RollingRefresh refresh) {
        now = now.plusSeconds(30);
        return refresh.next(observe(), now);
    }

    /** At most one of the original instances is out, and something serves, at every step. */
    private void assertInvariants(int originalCount, List<String> originals) {
        long out = originals.stream().filter(id -> !group.containsKey(id)).count();
        long newServing = group.values().stream().filter(m -> !originals.contains(m.instanceId()) && m.isServing()).count();
        assertThat(out - newServing).as("original instances out without a serving replacement").isLessThanOrEqualTo(1);
        assertThat(group.values().stream().anyMatch(Member::isServing)).as("something serves").isTrue();
    }

    @Test
    void replacesOneAtATimeEachServingOnTheTargetBeforeTheNextAndVerifiesAtTheEnd() {
        List<String> originals = List.of("i-1", "i-2", "i-3");
        originals.forEach(id -> put(m(id, OLD, SERVING)));
        RollingRefresh refresh = new RollingRefresh(observe(), NEW, HEALTHY_WITHIN);
        List<String> replacedInOrder = new ArrayList<>();
        int launched = 0;

        for (int guard = 0; guard < 100; guard++) {
            RefreshStep step = step(refresh);
            assertInvariants(3, originals);
            if (step instanceof RefreshStep.Replace r) {
                assertThat(group.values().stream().filter(x -> !x.isServing()).count())
                        .as("nothing else out when a replace is asked").isZero();
                replacedInOrder.add(r.instanceId());
                group.remove(r.instanceId());
                launched++;
                put(m("i-new-" + launched, null, NOT_YET)); // launching: version not known yet
            } else if (step instanceof RefreshStep.Wait) {
                // the newest instance advances: version known, then serving
                String newest = "i-new-" + launched;
                Member current = group.get(newest);
                put(current.version() == null ? m(newest, NEW, NOT_YET) : m(newest, NEW, SERVING));
            } else {
                assertThat(step).isInstanceOf(RefreshStep.Done.class);
                Verification v = ((RefreshStep.Done) step).verification();
                assertThat(v.ok()).as(v.summary()).isTrue();
                assertThat(v.summary()).isEqualTo("all 3 instances run snap-new and serve");
                break;
            }
        }
        assertThat(replacedInOrder).containsExactly("i-1", "i-2", "i-3");
        assertThat(refresh.replaced()).isEqualTo(3);
        assertThat(refresh.next(observe(), now)).isInstanceOf(RefreshStep.Done.class);
    }

    @Test
    void doesNotTakeTheNextInstanceWhileTheReplacementIsNotServing() {
        put(m("i-1", OLD, SERVING));
        put(m("i-2", OLD, SERVING));
        RollingRefresh refresh = new RollingRefresh(observe(), NEW, HEALTHY_WITHIN);
        assertThat(step(refresh)).isEqualTo(new RefreshStep.Replace("i-1"));

        // i-1 still there (draining)
        assertThat(step(refresh)).isInstanceOf(RefreshStep.Wait.class)
                .extracting(s -> ((RefreshStep.Wait) s).reason()).asString().contains("waiting for i-1 to go");
        group.remove("i-1");
        put(m("i-9", NEW, NOT_YET));
        RefreshStep step = step(refresh);
        assertThat(step).isInstanceOf(RefreshStep.Wait.class);
        assertThat(((RefreshStep.Wait) step).reason()).contains("0 of 1 serving");
        put(m("i-9", NEW, SERVING));
        assertThat(step(refresh)).isEqualTo(new RefreshStep.Replace("i-2"));
    }

    @Test
    void stopsWhenTheReplacementFailsItsHealthChecksAndTakesNoFurtherStep() {
        put(m("i-1", OLD, SERVING));
        put(m("i-2", OLD, SERVING));
        RollingRefresh refresh = new RollingRefresh(observe(), NEW, HEALTHY_WITHIN);
        step(refresh);
        group.remove("i-1");
        put(m("i-9", NEW, FAILED));

        RefreshStep step = step(refresh);

        assertThat(step).isInstanceOf(RefreshStep.Stopped.class);
        RefreshStep.Stopped stopped = (RefreshStep.Stopped) step;
        assertThat(stopped.instanceId()).isEqualTo("i-9");
        assertThat(stopped.reason()).contains("failed its health checks").contains("1 of 2 replaced");
        put(m("i-9", NEW, SERVING)); // even if it recovers, a stopped refresh stays stopped
        assertThat(step(refresh)).isEqualTo(stopped);
        assertThat(group).containsKey("i-2");
    }

    @Test
    void stopsWhenTheReplacementDoesNotServeInTime() {
        put(m("i-1", OLD, SERVING));
        put(m("i-2", OLD, SERVING));
        RollingRefresh refresh = new RollingRefresh(observe(), NEW, HEALTHY_WITHIN);
        step(refresh);
        group.remove("i-1");
        put(m("i-9", NEW, NOT_YET));
        assertThat(refresh.next(observe(), now.plus(HEALTHY_WITHIN))).isInstanceOf(RefreshStep.Wait.class);

        RefreshStep step = refresh.next(observe(), now.plus(HEALTHY_WITHIN).plusSeconds(1));

        assertThat(step).isInstanceOf(RefreshStep.Stopped.class);
        assertThat(((RefreshStep.Stopped) step).reason()).contains("the instance replacing i-1 does not serve on snap-new")
                .contains("15 min");
    }

    @Test
    void stopsAtOnceWhenAReplacementBootsTheOldSnapshotThePinnedTemplateBug() {
        put(m("i-1", OLD, SERVING));
        put(m("i-2", OLD, SERVING));
        RollingRefresh refresh = new RollingRefresh(observe(), NEW, HEALTHY_WITHIN);
        step(refresh);
        group.remove("i-1");
        put(m("i-9", OLD, NOT_YET));

        RefreshStep step = step(refresh);

        assertThat(step).isInstanceOf(RefreshStep.Stopped.class);
        assertThat(((RefreshStep.Stopped) step).reason()).contains("i-9 booted snap-old, not the target snap-new")
                .contains("launch template version");
        assertThat(refresh.replaced()).isEqualTo(1);
    }

    @Test
    void waitsRatherThanTakeOutTheLastServingInstanceAndStopsIfNothingElseEverServes() {
        put(m("i-1", OLD, SERVING));
        put(m("i-2", OLD, SERVING));
        RollingRefresh refresh = new RollingRefresh(observe(), NEW, HEALTHY_WITHIN);
        put(m("i-2", OLD, NOT_YET)); // i-2 drops out before the first step
        RefreshStep first = step(refresh);
        assertThat(first).isInstanceOf(RefreshStep.Wait.class);
        assertThat(((RefreshStep.Wait) first).reason()).contains("taking out i-1 now would leave no serving instance");
        put(m("i-2", OLD, SERVING));
        assertThat(step(refresh)).isEqualTo(new RefreshStep.Replace("i-1"));

        RollingRefresh stuck = new RollingRefresh(List.of(m("i-1", OLD, SERVING), m("i-2", OLD, SERVING)), NEW,
                HEALTHY_WITHIN);
        List<Member> onlyOne = List.of(m("i-1", OLD, SERVING), m("i-2", OLD, NOT_YET));
        assertThat(stuck.next(onlyOne, now)).isInstanceOf(RefreshStep.Wait.class);
        assertThat(stuck.next(onlyOne, now.plus(HEALTHY_WITHIN).plusSeconds(1)))
                .isInstanceOf(RefreshStep.Stopped.class);
    }

    @Test
    void anInstanceThatGoesByItselfCountsAsReplacedOnceItsSuccessorServes() {
        put(m("i-1", OLD, SERVING));
        put(m("i-2", OLD, SERVING));
        put(m("i-3", OLD, SERVING));
        RollingRefresh refresh = new RollingRefresh(observe(), NEW, HEALTHY_WITHIN);
        assertThat(step(refresh)).isEqualTo(new RefreshStep.Replace("i-1"));
        group.remove("i-1");
        put(m("i-7", NEW, SERVING));
        group.remove("i-2"); // the group replaced it on its own
        put(m("i-8", NEW, NOT_YET));
        assertThat(step(refresh)).isInstanceOf(RefreshStep.Wait.class);
        put(m("i-8", NEW, SERVING));
        assertThat(step(refresh)).isEqualTo(new RefreshStep.Replace("i-3"));
        assertThat(refresh.replaced()).isEqualTo(3);
    }

    @Test
    void aRefusedPlanTouchesNothing() {
        RollingRefresh refresh = new RollingRefresh(List.of(m("i-1", OLD, SERVING)), NEW, HEALTHY_WITHIN);
        assertThat(refresh.next(List.of(m("i-1", OLD, SERVING)), now)).isInstanceOf(RefreshStep.Refused.class);
    }

    @Test
    void aGroupAlreadyOnTargetIsVerifiedAtOnce() {
        RollingRefresh refresh = new RollingRefresh(List.of(m("i-1", NEW, SERVING)), NEW, HEALTHY_WITHIN);
        RefreshStep step = refresh.next(List.of(m("i-1", NEW, SERVING)), now);
        assertThat(step).isInstanceOf(RefreshStep.Done.class);
        assertThat(((RefreshStep.Done) step).verification().ok()).isTrue();
    }
}
