package dev.graphfleet.fleet.refresh;

import static dev.graphfleet.fleet.refresh.Member.State.FAILED;
import static dev.graphfleet.fleet.refresh.Member.State.NOT_YET;
import static dev.graphfleet.fleet.refresh.Member.State.SERVING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RefreshPlannerTest {

    static final String OLD = "snap-old";
    static final String NEW = "snap-new";

    static Member m(String id, String version, Member.State state) {
        return new Member(id, version, state);
    }

    @Test
    void replacesInstancesNotServingFirstThenServingOnesAndSkipsThoseOnTarget() {
        RefreshPlan plan = RefreshPlanner.plan(List.of(m("i-1", OLD, SERVING), m("i-2", NEW, SERVING),
                m("i-3", OLD, FAILED), m("i-4", null, NOT_YET), m("i-5", OLD, SERVING)), NEW);

        assertThat(plan.replaceOrder()).containsExactly("i-3", "i-4", "i-1", "i-5");
        assertThat(plan.alreadyOnTarget()).containsExactly("i-2");
        assertThat(plan.isRefused()).isFalse();
        assertThat(plan.isNothingToDo()).isFalse();
    }

    @Test
    void aGroupAlreadyOnTargetHasNothingToDo() {
        RefreshPlan plan = RefreshPlanner.plan(List.of(m("i-1", NEW, SERVING), m("i-2", NEW, NOT_YET)), NEW);
        assertThat(plan.isNothingToDo()).isTrue();
        assertThat(RefreshPlanner.plan(List.of(), NEW).isNothingToDo()).isTrue();
    }

    @Test
    void refusesToTakeOutTheOnlyServingInstance() {
        RefreshPlan plan = RefreshPlanner.plan(List.of(m("i-1", OLD, SERVING)), NEW);
        assertThat(plan.isRefused()).isTrue();
        assertThat(plan.refusal()).contains("i-1").contains("no serving instance")
                .contains("raise the group's desired capacity by one");
    }

    @Test
    void aLoneServingInstanceIsFineWhenAnotherWillServeBeforeItGoes() {
        // i-2 does not serve but is replaced first, and must serve before i-1 is taken
        assertThat(RefreshPlanner.plan(List.of(m("i-1", OLD, SERVING), m("i-2", OLD, FAILED)), NEW).isRefused())
                .isFalse();
        // i-2 already runs the target and serves
        assertThat(RefreshPlanner.plan(List.of(m("i-1", OLD, SERVING), m("i-2", NEW, SERVING)), NEW).isRefused())
                .isFalse();
        // i-2 runs the target but does not serve, and nothing will make it: refused
        assertThat(RefreshPlanner.plan(List.of(m("i-1", OLD, SERVING), m("i-2", NEW, FAILED)), NEW).isRefused())
                .isTrue();
    }

    @Test
    void aGroupWithNothingServingCanBeRefreshed() {
        RefreshPlan plan = RefreshPlanner.plan(List.of(m("i-1", OLD, FAILED), m("i-2", OLD, NOT_YET)), NEW);
        assertThat(plan.isRefused()).isFalse();
        assertThat(plan.replaceOrder()).containsExactly("i-1", "i-2");
    }

    @Test
    void aTargetIsRequired() {
        assertThatThrownBy(() -> RefreshPlanner.plan(List.of(), " ")).hasMessageContaining("target snapshot id");
    }
}
