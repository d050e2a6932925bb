package dev.graphfleet.node.statement;

import dev.graphfleet.testing.DeepQueries;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graphfleet.testing.engine.EngineProbeProcess;
import dev.graphfleet.testing.engine.EngineProbeProcess.Outcome;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * For each construct the engine recurses on, the deepest query the guard lets through runs on the
 * real engine, in a child JVM whose query thread has a 4 MiB stack (an eighth of the node's query
 * threads), without crashing it; one level more is refused before the engine sees it.
 */
class ShapeBoundsOnTheEngineTest {

    private static final int MAX_QUERY_LENGTH = 10_000;
    private static final long FOUR_MIB = 4L * 1024 * 1024;

    private final StatementGuard guard = new StatementGuard(StatementPolicy.DEFAULTS);

    @Test
    void theDeepestAcceptedQueryOfEachConstructRunsOnA4MiBStack(@TempDir Path dir) {
        Map<String, String> figures = new LinkedHashMap<>();
        try (EngineProbeProcess engine = new EngineProbeProcess(dir, "4m", FOUR_MIB)) {
            for (Map.Entry<String, IntFunction<String>> construct : DeepQueries.all().entrySet()) {
                IntFunction<String> query = construct.getValue();
                int deepest = deepestAccepted(query);
                String name = construct.getKey() + " at depth " + deepest;
                if (query.apply(deepest + 1).length() <= MAX_QUERY_LENGTH) {
                    assertThatThrownBy(() -> guard.check(query.apply(deepest + 1))).as(name + " + 1")
                            .isInstanceOf(StatementRefusedException.class);
                }
                long started = System.nanoTime();
                Outcome outcome = engine.run(query.apply(deepest));
                long millis = (System.nanoTime() - started) / 1_000_000;
                figures.put(name, outcome.status() + " in " + millis + " ms");
                assertThat(outcome.crashed()).as(name + ": " + outcome).isFalse();
                assertThat(millis).as(name + " (a loose sanity bound: the engine's parser is not interruptible)")
                        .isLessThan(10_000);
            }
            assertThat(engine.starts()).isEqualTo(1);
        }
        figures.forEach((name, figure) -> System.out.println("shape bound: " + name + ": " + figure));
    }

    /** The largest depth the guard accepts within the longest query text a node accepts. */
    private int deepestAccepted(IntFunction<String> query) {
        int depth = 1;
        while (depth < MAX_QUERY_LENGTH && accepted(query.apply(depth + 1))) {
            depth++;
        }
        return depth;
    }

    private boolean accepted(String cypher) {
        if (cypher.length() > MAX_QUERY_LENGTH) {
            return false;
        }
        try {
            guard.check(cypher);
            return true;
        } catch (StatementRefusedException refused) {
            return false;
        }
    }
}
