package dev.graphfleet.testing.engine;

import dev.graphfleet.graph.ConnectionSettings;
import dev.graphfleet.graph.DatabaseSettings;
import dev.graphfleet.graph.GraphConnection;
import dev.graphfleet.graph.GraphDatabase;
import dev.graphfleet.graph.GraphEngines;
import dev.graphfleet.graph.GraphResult;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The child side of {@link EngineProbeProcess}: runs queries, one per line of standard input
 * (Base64 of the UTF-8 text), straight on the real engine (no guard) on a thread with the stack size
 * given, and answers one line per query: {@code ok <rows>} or {@code error <message>}. A query that
 * crashes the engine ends this process, which is the point: the parent survives and sees which one.
 *
 * <p>Arguments: the database file, the query thread's stack size in bytes.
 */
public final class EngineProbe {

    private EngineProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        long stackBytes = Long.parseLong(args[1]);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try (GraphDatabase database = GraphEngines.load().open(file,
                new DatabaseSettings(64 * DatabaseSettings.MIB, 1L << 32, false, 512 * DatabaseSettings.MIB));
             GraphConnection connection = database.connect(new ConnectionSettings(Duration.ofSeconds(20), false, null))) {
            out.println("ready");
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line;
            while ((line = in.readLine()) != null) {
                String cypher = new String(Base64.getDecoder().decode(line.trim()), StandardCharsets.UTF_8);
                out.println(run(connection, cypher, stackBytes));
            }
        }
    }

    private static String run(GraphConnection connection, String cypher, long stackBytes) throws InterruptedException {
        AtomicReference<String> answer = new AtomicReference<>();
        Thread thread = new Thread(null, () -> {
            try (GraphResult result = connection.query(cypher)) {
                long rows = 0;
                while (result.hasNext()) {
                    result.next();
                    rows++;
                }
                answer.set("ok " + rows);
            } catch (RuntimeException | StackOverflowError e) {
                String message = String.valueOf(e.getMessage()).replaceAll("\\s+", " ");
                answer.set("error " + (message.length() > 300 ? message.substring(0, 300) : message));
            }
        }, "probe-query", stackBytes);
        thread.start();
        thread.join();
        return answer.get();
    }
}
