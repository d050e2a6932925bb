package dev.graphfleet.fleet.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Bounded parallelism: never more than N reads in flight, and each completion starts the next. */
class FanOutTest {

    @Test
    void startsAtMostParallelismTasksAndOneMorePerCompletion() {
        List<CompletableFuture<Integer>> started = new ArrayList<>();
        List<Integer> items = IntStream.range(0, 5).boxed().toList();

        List<CompletableFuture<Integer>> results = NodeProbe.fanOut(items, 2, item -> {
            CompletableFuture<Integer> f = new CompletableFuture<>();
            started.add(f);
            return f;
        });

        assertThat(started).hasSize(2);
        started.get(1).complete(10);
        assertThat(started).hasSize(3);
        assertThat(results.get(1)).isCompletedWithValue(10);
        started.get(0).completeExceptionally(new IllegalStateException("boom"));
        assertThat(started).hasSize(4);
        assertThat(results.get(0)).isCompletedExceptionally();
        started.get(2).complete(12);
        started.get(3).complete(13);
        assertThat(started).hasSize(5);
        started.get(4).complete(14);
        assertThat(results).allMatch(CompletableFuture::isDone);
        assertThat(results.get(4)).isCompletedWithValue(14);
    }

    @Test
    void tasksThatFinishAtOnceDoNotGrowTheStack() {
        List<Integer> items = IntStream.range(0, 100_000).boxed().toList();
        List<CompletableFuture<Integer>> results = NodeProbe.fanOut(items, 1,
                item -> CompletableFuture.completedFuture(item * 2));
        assertThat(results.get(99_999)).isCompletedWithValue(199_998);
    }

    @Test
    void aTaskThatThrowsFailsOnlyItsOwnResult() {
        List<CompletableFuture<String>> results = NodeProbe.fanOut(List.of("a", "bad", "c"), 3, item -> {
            if (item.equals("bad")) {
                throw new IllegalArgumentException("bad item");
            }
            return CompletableFuture.completedFuture(item);
        });
        assertThat(results.get(0)).isCompletedWithValue("a");
        assertThat(results.get(1)).isCompletedExceptionally();
        assertThat(results.get(2)).isCompletedWithValue("c");
    }
}
