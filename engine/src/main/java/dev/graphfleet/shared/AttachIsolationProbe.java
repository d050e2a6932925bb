package dev.graphfleet.shared;

import dev.graphfleet.graph.ConnectionSettings;
import dev.graphfleet.graph.DatabaseSettings;
import dev.graphfleet.graph.GraphConnection;
import dev.graphfleet.graph.GraphDatabase;
import dev.graphfleet.graph.GraphEngine;
import dev.graphfleet.graph.GraphException;
import dev.graphfleet.graph.GraphResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds out at startup whether this engine can serve several ATTACHed repositories with each
 * connection seeing only its own. It attaches two tiny databases into one host, USEs each on its
 * own connection and checks which tables bind. Kùzu 0.11.2 fails this (after a second ATTACH,
 * {@code USE a} succeeds but names bind to the last attached database); LadybugDB 0.19 makes every
 * attached database reachable from every connection. Either way: {@link ServingStrategy#GOVERNED_DATABASES}.
 */
public final class AttachIsolationProbe {

    private static final long SMALL = 16 * DatabaseSettings.MIB;
    private static final long SMALL_MAX_SIZE = 1L << 30;

    public record Result(ServingStrategy strategy, List<String> evidence) {
    }

    private AttachIsolationProbe() {
    }

    public static Result probe(GraphEngine engine, Path workDir) {
        List<String> evidence = new ArrayList<>();
        try {
            Files.createDirectories(workDir);
            Path a = tinyDatabase(engine, workDir, "probe_a", "TA");
            Path b = tinyDatabase(engine, workDir, "probe_b", "TB");
            ConnectionSettings settings = new ConnectionSettings(Duration.ofSeconds(10), false, null);
            try (GraphDatabase host = engine.openInMemory(SMALL, SMALL_MAX_SIZE);
                 GraphConnection first = host.connect(settings);
                 GraphConnection second = host.connect(settings)) {
                run(first, "ATTACH '" + a + "' AS probe_a (dbtype " + engine.attachType() + ")");
                run(first, "ATTACH '" + b + "' AS probe_b (dbtype " + engine.attachType() + ")");
                run(first, "USE probe_a");
                run(second, "USE probe_b");
                boolean isolated = expect(first, "TA", true, evidence)
                        & expect(first, "TB", false, evidence)
                        & expect(second, "TB", true, evidence)
                        & expect(second, "TA", false, evidence);
                return new Result(isolated ? ServingStrategy.SHARED_ATTACH : ServingStrategy.GOVERNED_DATABASES, evidence);
            }
        } catch (GraphException e) {
            evidence.add("attaching two databases failed: " + e.getMessage());
            return new Result(ServingStrategy.GOVERNED_DATABASES, evidence);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the attach probe in " + workDir, e);
        }
    }

    private static boolean expect(GraphConnection connection, String table, boolean visible, List<String> evidence) {
        boolean bound;
        try (GraphResult result = connection.query("MATCH (n:" + table + ") RETURN count(n)")) {
            result.all();
            bound = true;
        } catch (GraphException e) {
            bound = false;
        }
        if (bound != visible) {
            evidence.add("table " + table + " was " + (bound ? "visible" : "not visible") + " on a connection that "
                    + (visible ? "used its database" : "used the other database"));
        }
        return bound == visible;
    }

    private static Path tinyDatabase(GraphEngine engine, Path dir, String name, String table) throws IOException {
        Path file = dir.resolve(name + engine.fileExtension());
        Files.deleteIfExists(file);
        Files.deleteIfExists(dir.resolve(file.getFileName() + ".wal"));
        try (GraphDatabase db = engine.open(file, new DatabaseSettings(SMALL, SMALL_MAX_SIZE, false, SMALL));
             GraphConnection c = db.connect(new ConnectionSettings(Duration.ZERO, false, null))) {
            run(c, "CREATE NODE TABLE " + table + "(id INT64, PRIMARY KEY(id))");
            run(c, "CREATE (:" + table + " {id: 1})");
            run(c, "CHECKPOINT"); // the engine refuses to ATTACH a file with a WAL
        }
        return file;
    }

    private static void run(GraphConnection connection, String statement) {
        try (GraphResult result = connection.query(statement)) {
            result.all();
        }
    }
}
