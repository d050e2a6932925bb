package dev.graphfleet.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graphfleet.graph.GraphException;
import dev.graphfleet.time.Sleeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WriteConflictRetryTest {

    private final List<Duration> pauses = new ArrayList<>();
    private final Sleeper recorder = pauses::add;

    @Test
    void retriesAConflictWithGrowingPausesUntilItPasses() {
        AtomicInteger attempts = new AtomicInteger();
        String result = new WriteConflictRetry(Duration.ofMillis(250), recorder).run(() -> {
            if (attempts.incrementAndGet() <= 3) {
                throw conflict();
            }
            return "written";
        });
        assertThat(result).isEqualTo("written");
        assertThat(pauses).containsExactly(Duration.ofMillis(2), Duration.ofMillis(4), Duration.ofMillis(8));
    }

    @Test
    void givesUpWithinTheWindowAndRethrowsTheConflict() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> new WriteConflictRetry(Duration.ofMillis(250), recorder).run(() -> {
            attempts.incrementAndGet();
            throw conflict();
        })).isInstanceOfSatisfying(GraphException.class,
                e -> assertThat(e.kind()).isEqualTo(GraphException.Kind.WRITE_CONFLICT));
        assertThat(pauses.stream().mapToLong(Duration::toMillis).sum()).isLessThanOrEqualTo(250);
        assertThat(pauses).containsExactly(Duration.ofMillis(2), Duration.ofMillis(4), Duration.ofMillis(8),
                Duration.ofMillis(16), Duration.ofMillis(32), Duration.ofMillis(64), Duration.ofMillis(64));
        assertThat(attempts.get()).isEqualTo(pauses.size() + 1);
    }

    @Test
    void otherFailuresAndAZeroWindowAreNotRetried() {
        assertThatThrownBy(() -> new WriteConflictRetry(Duration.ofMillis(250), recorder).run(() -> {
            throw new GraphException(GraphException.Kind.SYNTAX, "Parser exception");
        })).hasMessage("Parser exception");
        assertThatThrownBy(() -> new WriteConflictRetry(Duration.ZERO, recorder).run(() -> {
            throw conflict();
        })).isInstanceOf(GraphException.class);
        assertThat(pauses).isEmpty();
    }

    private static GraphException conflict() {
        return new GraphException(GraphException.Kind.WRITE_CONFLICT, "Only one write transaction at a time");
    }
}
