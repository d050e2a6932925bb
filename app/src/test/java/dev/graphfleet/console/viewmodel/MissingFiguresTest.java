package dev.graphfleet.console.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphfleet.fleet.FleetSnapshot;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A view's headline never claims "all fine" over nodes that sent nothing: it says which and why. */
class MissingFiguresTest {

    private static final FleetSnapshot READ = new FleetSnapshot("prod", Instant.EPOCH, "test", true, null, List.of(),
            List.of(), List.of());

    /** "id" has figures, "id=why" has none. */
    private static MissingFigures of(String... nodes) {
        return MissingFigures.of(List.of(nodes), n -> n.split("=")[0], n -> !n.contains("="),
                n -> n.contains("=") ? n.substring(n.indexOf('=') + 1) : null);
    }

    @Test
    void everyNodeWithFiguresIsTheVerdictAlone() {
        MissingFigures all = of("a", "b");
        assertThat(all.complete()).isTrue();
        assertThat(all.nodes()).isEqualTo(2);
        assertThat(all.withFigures()).isEqualTo(2);
        assertThat(all.phrase()).isEmpty();
        assertThat(all.headline(READ, "all volumes below their alarm")).isEqualTo("all volumes below their alarm");
    }

    @Test
    void oneNodeWithoutFiguresIsNamedWithItsCause() {
        MissingFigures some = of("a", "b=unreachable: connect timed out");
        assertThat(some.complete()).isFalse();
        assertThat(some.withFigures()).isEqualTo(1);
        assertThat(some.headline(READ, "fine")).isEqualTo("fine · no figures from b: unreachable: connect timed out");
    }

    @Test
    void aSharedCauseIsSaidOnceForSomeOrForEveryNode() {
        assertThat(of("a", "b=/metrics: HTTP 401", "c=/metrics: HTTP 401").phrase())
                .isEqualTo("no figures from 2 of 3 nodes, b, c: /metrics: HTTP 401");
        assertThat(of("b=/metrics: HTTP 401", "c=/metrics: HTTP 401").headline(READ, "fine"))
                .isEqualTo("No figures from 2 nodes, every node: /metrics: HTTP 401");
        assertThat(of("b= ").headline(READ, "fine")).isEqualTo("No figures from b: no reason given");
        assertThat(of("b").phrase()).isEmpty();
    }

    @Test
    void differentCausesAreListedUpToThreeAndTheRestCounted() {
        assertThat(of("a", "b=x", "c=y", "d=x").phrase()).isEqualTo("no figures from 3 of 4 nodes (b, d: x; c: y)");
        assertThat(of("b=w", "c=x", "d=y").phrase()).isEqualTo("no figures from 3 nodes (b: w; c: x; d: y)");
        assertThat(of("b=v", "c=w", "d=x", "e=y", "f=z").phrase())
                .isEqualTo("no figures from 5 nodes (b: v; c: w; d: x; 2 more causes)");
        assertThat(of("b=v", "c=w", "d=x", "e=y").phrase())
                .isEqualTo("no figures from 4 nodes (b: v; c: w; d: x; 1 more causes)");
    }

    @Test
    void noNodesSaysWhetherTheSourceWasReadAndWhyNot() {
        MissingFigures none = of();
        assertThat(none.complete()).isFalse();
        assertThat(none.headline(READ, "fine")).isEqualTo("No figures: the source lists no nodes");
        FleetSnapshot unread = new FleetSnapshot("prod", Instant.EPOCH, "test", false, "HTTP 403 from EC2", List.of(),
                List.of(), List.of());
        assertThat(none.noneHeadline(unread)).isEqualTo("No figures: the source could not be read (HTTP 403 from EC2)");
        FleetSnapshot silent = new FleetSnapshot("prod", Instant.EPOCH, "test", false, null, List.of(), List.of(),
                List.of());
        assertThat(none.noneHeadline(silent)).isEqualTo("No figures: the source could not be read");
        assertThat(of("a").noneHeadline(unread)).isNull();
    }
}
