package dev.graphfleet.node.statement;

import dev.graphfleet.graph.ConnectionSettings;
import dev.graphfleet.graph.DatabaseSettings;
import dev.graphfleet.graph.GraphConnection;
import dev.graphfleet.graph.GraphDatabase;
import dev.graphfleet.graph.GraphEngines;
import dev.graphfleet.graph.GraphException;
import dev.graphfleet.graph.GraphResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A scratch database on the real engine, with a canary directory the refused statements aim at:
 * {@code canary.csv} to read, {@code other.kuzu} to attach, and room for files they would write.
 * {@link #effects()} lists whatever changed: rows loaded, files written, databases attached,
 * settings changed.
 */
final class ScratchEngine implements AutoCloseable {

    static final List<String> SETTINGS = List.of("threads", "timeout", "home_directory", "file_search_path");

    private final Path canary;
    private final GraphDatabase database;
    private final GraphConnection connection;
    private final List<String> settingsBefore;
    private final List<String> canaryFilesBefore;

    ScratchEngine(Path dir) {
        try {
            canary = Files.createDirectories(dir.resolve("canary"));
            Files.writeString(canary.resolve("canary.csv"), "canary-secret\n");
            try (GraphDatabase other = GraphEngines.load().open(canary.resolve("other.kuzu"), settings());
                 GraphConnection c = other.connect(connectionSettings())) {
                c.query("CREATE NODE TABLE OtherSecret(id INT64, PRIMARY KEY(id))").close();
            }
            database = GraphEngines.load().open(dir.resolve("scratch.kuzu"), settings());
            connection = database.connect(connectionSettings());
            connection.query("CREATE NODE TABLE F(line STRING, PRIMARY KEY(line))").close();
            settingsBefore = settings(connection);
            canaryFilesBefore = files();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path canary() {
        return canary;
    }

    /** Runs the text on the engine; true when it ran, false when the engine refused it. */
    boolean run(String cypher) {
        try (GraphResult result = connection.query(cypher)) {
            while (result.hasNext()) {
                result.next();
            }
            return true;
        } catch (GraphException e) {
            return false;
        }
    }

    /** What the statements did, on this connection and on disk; empty when nothing. */
    List<String> effects() {
        return effects(connection);
    }

    List<String> effects(GraphConnection on) {
        List<String> effects = new ArrayList<>();
        long loaded = (Long) rows(on, "MATCH (f:F) RETURN count(*)").get(0).get(0);
        if (loaded != 0) {
            effects.add(loaded + " rows loaded into F");
        }
        List<List<Object>> attached = rows(on, "CALL show_attached_databases() RETURN *");
        if (!attached.isEmpty()) {
            effects.add("attached: " + attached);
        }
        if (on == connection && !settings(on).equals(settingsBefore)) {
            effects.add("settings changed: " + settingsBefore + " -> " + settings(on));
        }
        if (!files().equals(canaryFilesBefore)) {
            effects.add("files in the canary directory: " + canaryFilesBefore + " -> " + files());
        }
        return effects;
    }

    static List<String> settings(GraphConnection on) {
        List<String> values = new ArrayList<>();
        for (String setting : SETTINGS) {
            values.add(setting + "=" + rows(on, "CALL current_setting('" + setting + "') RETURN *"));
        }
        return values;
    }

    private static List<List<Object>> rows(GraphConnection on, String cypher) {
        try (GraphResult result = on.query(cypher)) {
            List<List<Object>> rows = new ArrayList<>();
            while (result.hasNext()) {
                rows.add(result.next());
            }
            return rows;
        }
    }

    private List<String> files() {
        try (Stream<Path> files = Files.walk(canary)) {
            return files.map(p -> canary.relativize(p) + ":" + p.toFile().length()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static DatabaseSettings settings() {
        return new DatabaseSettings(64 * DatabaseSettings.MIB, 1L << 32, false, 512 * DatabaseSettings.MIB);
    }

    private static ConnectionSettings connectionSettings() {
        return new ConnectionSettings(Duration.ofSeconds(10), false, null);
    }

    @Override
    public void close() {
        connection.close();
        database.close();
    }
}
