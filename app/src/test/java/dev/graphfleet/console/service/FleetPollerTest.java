package dev.graphfleet.console.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphfleet.console.testing.Fleets;
import dev.graphfleet.console.testing.NodeServer;
import dev.graphfleet.fleet.FleetSnapshot;
import dev.graphfleet.fleet.FleetSource;
import dev.graphfleet.fleet.nodes.NodesFleetSource;
import dev.graphfleet.fleet.nodes.ProbeOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The refresh loop on a real node over loopback: backoff while unreachable, details only when wanted. */
class FleetPollerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private final List<ConsoleState> published = new CopyOnWriteArrayList<>();
    private final CountDownLatch twoPublished = new CountDownLatch(2);
    private final NodeServer node = NodeServer.start(Fleets.replica("replica-a"));
    private FleetPoller poller;

    private FleetPoller poller(FleetSource source) {
        poller = new FleetPoller(source, NodeDetailReader.create(TIMEOUT, null),
                new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30)), Clock.systemUTC(), state -> {
                    published.add(state);
                    twoPublished.countDown();
                });
        return poller;
    }

    private FleetPoller pollerOnNode() {
        return poller(NodesFleetSource.create(List.of(node.uri()), new ProbeOptions(TIMEOUT, 4, null)));
    }

    @AfterEach
    void close() {
        if (poller != null) {
            poller.close();
        }
        node.close();
    }

    private ConsoleState refresh() throws Exception {
        return poller.refreshNow().get(10, TimeUnit.SECONDS);
    }

    @Test
    void backsOffWhileTheSourceIsUnreachableAndResetsWhenItAnswers() throws Exception {
        pollerOnNode();
        node.stop();

        assertThat(refresh().refresh().nextIn()).isEqualTo(Duration.ofSeconds(2));
        assertThat(refresh().refresh().nextIn()).isEqualTo(Duration.ofSeconds(4));
        ConsoleState third = refresh();
        assertThat(third.refresh().consecutiveFailures()).isEqualTo(3);
        assertThat(third.fleet().sourceReachable()).isFalse();

        node.resume();
        ConsoleState back = refresh();

        assertThat(back.refresh().consecutiveFailures()).isZero();
        assertThat(back.refresh().nextIn()).isEqualTo(Duration.ofSeconds(1));
        assertThat(published).hasSize(4).last().isSameAs(back);
    }

    @Test
    void readsNodeDetailsOnlyWhileWanted() throws Exception {
        pollerOnNode();

        poller.setDetailsWanted(false);
        ConsoleState lean = refresh();
        poller.setDetailsWanted(true);
        ConsoleState full = refresh();

        assertThat(lean.details()).isEmpty();
        assertThat(full.details()).containsKey("replica-a");
        assertThat(full.detail("replica-a").ramBytes()).isEqualTo(8L * 1024 * 1024 * 1024);
        assertThat(full.memory("replica-a").overBudget()).isFalse();
    }

    @Test
    void theScheduleKeepsRefreshingOnItsOwn() throws Exception {
        pollerOnNode();
        poller.start();

        assertThat(twoPublished.await(20, TimeUnit.SECONDS)).as("refreshes without being asked").isTrue();
        assertThat(published.get(1).refresh().finishedAt()).isAfter(published.get(0).refresh().finishedAt());
    }

    @Test
    void aSourceThatThrowsDespiteItsContractIsAnUnreachableSourceNotADeadLoop() throws Exception {
        poller(new FleetSource() {
            @Override
            public FleetSnapshot snapshot() {
                throw new IllegalStateException("boom");
            }

            @Override
            public String name() {
                return "broken";
            }
        });

        ConsoleState state = refresh();

        assertThat(state.fleet().sourceReachable()).isFalse();
        assertThat(state.fleet().sourceError()).isEqualTo("reading the source failed: IllegalStateException");
        assertThat(refresh().refresh().consecutiveFailures()).isEqualTo(2);
    }
}
