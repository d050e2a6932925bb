package dev.graphfleet.node.statement;

import dev.graphfleet.testing.DeepQueries;
import dev.graphfleet.testing.engine.EngineProbeProcess;
import dev.graphfleet.testing.engine.EngineProbeProcess.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Measures, on the real engine in child JVMs, the smallest depth of each {@link DeepQueries}
 * construct that crashes the engine at a given query-thread stack, within the longest query text a
 * node accepts. Not a test: the figures in docs/reliability.md come from it.
 *
 * <pre>java -cp ... dev.graphfleet.node.statement.CrashDepthSurvey 4m [construct...]</pre>
 */
public final class CrashDepthSurvey {

    private static final int MAX_QUERY_LENGTH = 10_000;

    private CrashDepthSurvey() {
    }

    public static void main(String[] args) throws Exception {
        String stack = args[0];
        long bytes = Long.parseLong(stack.substring(0, stack.length() - 1)) * 1024 * 1024;
        Path dir = Files.createTempDirectory("crash-survey");
        try (EngineProbeProcess engine = new EngineProbeProcess(dir, stack, bytes)) {
            for (Map.Entry<String, IntFunction<String>> construct : DeepQueries.all().entrySet()) {
                if (args.length > 1 && !java.util.Arrays.asList(args).subList(1, args.length).contains(construct.getKey())) {
                    continue;
                }
                System.out.println(stack + "\t" + construct.getKey() + "\t" + survey(engine, construct.getValue()));
            }
        }
    }

    /** Doubles the depth until a crash or the length limit, then narrows the crash depth to within 5%. */
    private static String survey(EngineProbeProcess probe, IntFunction<String> query) {
        EngineProbeProcess.Runner engine = cypher -> {
            long started = System.nanoTime();
            Outcome outcome = probe.run(cypher);
            System.err.println("  " + cypher.length() + " chars: " + shorten(outcome.toString()) + " ("
                    + (System.nanoTime() - started) / 1_000_000 + " ms)");
            return outcome;
        };
        int survives = 0;
        int crashes = -1;
        String lastAnswer = "";
        long lastMillis = 0;
        for (int depth = 8; query.apply(depth).length() <= MAX_QUERY_LENGTH; depth *= 2) {
            long started = System.nanoTime();
            Outcome outcome = engine.run(query.apply(depth));
            if (outcome.crashed()) {
                crashes = depth;
                break;
            }
            lastMillis = (System.nanoTime() - started) / 1_000_000;
            survives = depth;
            lastAnswer = outcome.toString();
        }
        if (crashes < 0) {
            int longest = survives;
            while (query.apply(longest + 1).length() <= MAX_QUERY_LENGTH) {
                longest += Math.max(1, longest / 64);
            }
            while (query.apply(longest).length() > MAX_QUERY_LENGTH) {
                longest--;
            }
            long started = System.nanoTime();
            Outcome outcome = engine.run(query.apply(longest));
            long millis = (System.nanoTime() - started) / 1_000_000;
            if (!outcome.crashed()) {
                return "no crash up to depth " + longest + " (" + query.apply(longest).length() + " chars, " + millis
                        + " ms): " + shorten(outcome.toString());
            }
            crashes = longest;
        }
        while (crashes - survives > Math.max(1, survives / 20)) {
            int mid = (survives + crashes) / 2;
            long started = System.nanoTime();
            Outcome outcome = engine.run(query.apply(mid));
            if (outcome.crashed()) {
                crashes = mid;
            } else {
                survives = mid;
                lastAnswer = outcome.toString();
                lastMillis = (System.nanoTime() - started) / 1_000_000;
            }
        }
        return "crashes at depth " + crashes + " (" + query.apply(crashes).length() + " chars); survives " + survives
                + " (" + lastMillis + " ms): " + shorten(lastAnswer);
    }

    private static String shorten(String text) {
        return text.length() > 120 ? text.substring(0, 120) + "..." : text;
    }
}
