package dev.graphfleet.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graphfleet.testing.Http;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Query threads have the stack deep statements need: the engine recurses on the calling thread while
 * it parses and plans, and 250 nested parentheses crashed a node whose queries ran on 1 MiB workers.
 */
class QueryThreadsTest {

    @TempDir
    Path dataDir;

    /** Java frames stand in for native ones here: the same stack, measured without risking the JVM. */
    @Test
    void aQueryThreadHoldsARecursionThatOverflowsAnOrdinaryThread() throws Exception {
        int depth = 200_000;
        Thread ordinary = new Thread(null, () -> recurse(depth), "ordinary", 1L << 20);
        Throwable[] failure = new Throwable[1];
        ordinary.setUncaughtExceptionHandler((thread, e) -> failure[0] = e);
        ordinary.start();
        ordinary.join();
        assertThat(failure[0]).as("a 1 MiB thread overflows at this depth").isInstanceOf(StackOverflowError.class);

        try (QueryThreads threads = new QueryThreads(1)) {
            assertThat(threads.submit(() -> recurse(depth)).get(60, TimeUnit.SECONDS)).isEqualTo(depth);
        }
    }

    /** A thousand nested parentheses, four times what crashed a node before: answered, the node lives on. */
    @Test
    void aDeeplyNestedQueryIsAnsweredAndTheNodeLivesOn() {
        TestNodes.seed(dataDir);
        try (GraphNode node = GraphNode.builder(TestNodes.settings(dataDir)).resources(FixedResources.idle()).start()) {
            Http http = new Http(node.uri());
            int depth = 1_000;
            Http.Response nested = http.query("people", "RETURN " + "(".repeat(depth) + "1" + ")".repeat(depth));
            // 200 from the engine; a statement guard that bounds nesting first may refuse it with a 4xx instead
            assertThat(nested.status()).as(nested.body()).isIn(200, 400, 403);
            if (nested.status() == 200) {
                assertThat(nested.json().get("rows").toString()).isEqualTo("[[1]]");
            }
            assertThat(http.query("people", "RETURN 1").status()).isEqualTo(200);
        }
    }

    @Test
    void theSizeFollowsThePoolAndAdmissionLimits() {
        assertThat(QueryThreads.size(3, 10)).isEqualTo(12);
        assertThat(QueryThreads.size(1, 1)).isEqualTo(8);
        assertThat(QueryThreads.size(8, 4)).isEqualTo(16);
        assertThatThrownBy(() -> new QueryThreads(0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static int recurse(int depth) {
        return depth == 0 ? 0 : 1 + recurse(depth - 1);
    }
}
