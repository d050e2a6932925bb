package dev.graphfleet.console.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphfleet.config.NodeType;
import dev.graphfleet.console.service.actions.ActionRequest;
import dev.graphfleet.fleet.FleetInstance;
import dev.graphfleet.fleet.FleetSnapshot;
import dev.graphfleet.fleet.Health;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Notifications tied to the job that caused them, collapsing repeats and expiring. */
class NotificationsViewModelTest {

    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

    private final NotificationsViewModel model = new NotificationsViewModel(ZoneOffset.UTC);

    private static FleetInstance node(String id, NodeType role, Health health) {
        return new FleetInstance(id, role, URI.create("http://127.0.0.1:1"), "ready", health,
                health == Health.HEALTHY ? null : "connection refused", null, null, null, null, null);
    }

    private static FleetSnapshot fleet(int seconds, Health replicaA, Health writer) {
        return new FleetSnapshot("local", T0.plusSeconds(seconds), "local", true, null, List.of(),
                List.of(node("writer-1", NodeType.WRITER, writer), node("replica-a", NodeType.SHARED_REPLICA, replicaA),
                        node("replica-b", NodeType.SHARED_REPLICA, Health.HEALTHY)), List.of());
    }

    @Test
    void aReplicaDownDuringItsRolloutIsTheJobsDoingNotAnAlarm() {
        model.apply(fleet(0, Health.HEALTHY, Health.HEALTHY));
        model.jobStarted(new ActionRequest.RollingRefresh("replicas", "sec"));

        model.apply(fleet(1, Health.UNREACHABLE, Health.HEALTHY));
        assertThat(model.shown()).singleElement().satisfies(n -> {
            assertThat(n.job()).isEqualTo("Rolling refresh of replicas to the newest sec");
            assertThat(n.styleClass()).isEqualTo("notification-job");
            assertThat(n.message()).startsWith("Rolling refresh of replicas to the newest sec: replica-a (shared replica) is down");
        });

        model.apply(fleet(2, Health.UNREACHABLE, Health.UNREACHABLE));
        assertThat(model.shown().get(0).styleClass()).as("the writer is not part of the rollout")
                .isEqualTo("notification-problem");
        assertThat(model.shown().get(0).job()).isNull();

        model.jobEnded();
        model.apply(fleet(3, Health.HEALTHY, Health.UNREACHABLE));
        assertThat(model.shown().get(0).message()).as("the refresh after the job still counts")
                .startsWith("Rolling refresh of replicas to the newest sec: replica-a (shared replica) is healthy again");
        model.apply(fleet(4, Health.UNREACHABLE, Health.UNREACHABLE));
        assertThat(model.shown().get(0).styleClass()).as("after the job, a replica down is a problem again")
                .isEqualTo("notification-problem");
    }

    @Test
    void repeatsCollapseIntoOneCardWithACount() {
        model.apply(fleet(0, Health.HEALTHY, Health.HEALTHY));
        for (int i = 1; i <= 6; i += 2) {
            model.apply(fleet(i, Health.UNREACHABLE, Health.HEALTHY));
            model.apply(fleet(i + 1, Health.HEALTHY, Health.HEALTHY));
        }

        assertThat(model.shown()).hasSize(2);
        assertThat(model.shown().get(0).message()).isEqualTo("replica-a (shared replica) is healthy again  (×3)");
        assertThat(model.shown().get(1).message())
                .isEqualTo("replica-a (shared replica) is down (unreachable): connection refused  (×3)");
    }

    @Test
    void newsExpiresAfterAMinuteAndProblemsAfterTenByTheRefreshClock() {
        model.apply(fleet(0, Health.HEALTHY, Health.HEALTHY));
        model.apply(fleet(1, Health.HEALTHY, Health.UNREACHABLE));
        model.apply(fleet(2, Health.UNREACHABLE, Health.UNREACHABLE));
        model.apply(fleet(3, Health.HEALTHY, Health.UNREACHABLE));
        assertThat(model.shown()).hasSize(3);

        model.apply(fleet(3 + 60, Health.HEALTHY, Health.UNREACHABLE));
        assertThat(model.shown()).as("the recovery is news: gone after a minute").hasSize(2)
                .allSatisfy(n -> assertThat(n.styleClass()).isEqualTo("notification-problem"));

        model.apply(fleet((int) Duration.ofMinutes(10).toSeconds() + 2, Health.HEALTHY, Health.UNREACHABLE));
        assertThat(model.shown()).as("problems go after ten minutes (the tables still show them)").isEmpty();
    }
}
