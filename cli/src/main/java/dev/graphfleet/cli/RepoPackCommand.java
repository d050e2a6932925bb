package dev.graphfleet.cli;

import dev.graphfleet.graph.ConnectionSettings;
import dev.graphfleet.graph.DatabaseSettings;
import dev.graphfleet.graph.GraphConnection;
import dev.graphfleet.graph.GraphDatabase;
import dev.graphfleet.graph.GraphEngine;
import dev.graphfleet.graph.GraphEngines;
import dev.graphfleet.graph.GraphResult;
import dev.graphfleet.repo.Bytes;
import dev.graphfleet.repo.Manifest;
import dev.graphfleet.repo.RepositoryName;
import dev.graphfleet.repo.RepositoryStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code graphfleet repo pack}: checkpoints a database (the engine refuses to ATTACH a file with a
 * WAL) and publishes it to a store as the repository's next version.
 */
@Command(name = "pack", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Checkpoint a database and publish it to a store as a repository's next version.")
final class RepoPackCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--db", required = true, paramLabel = "PATH", description = "The database file, e.g. data/sec.kuzu")
    Path database;

    @CommandLine.Mixin
    RepositoryNameOption name;

    @Option(names = "--to", required = true, paramLabel = "STORE", description = "s3://bucket/prefix or file:///dir")
    String store;

    @CommandLine.Mixin
    StoreOptions storeOptions;

    @Override
    public Integer call() throws Exception {
        RepositoryName repository = name.repository();
        if (!Files.isRegularFile(database)) {
            throw new UsageException("--db: no database file at " + database);
        }
        GraphEngine engine = GraphEngines.load();
        checkpoint(engine, database);
        try (RepositoryStore target = storeOptions.openForPublishing("--to", store)) {
            Manifest manifest = target.publish(repository, database, engine.version());
            spec.commandLine().getOut().printf("published %s %s (%s, sha256 %s) to %s%n", manifest.name(),
                    manifest.version(), Bytes.human(manifest.sizeBytes()), manifest.sha256(), target.uri());
        }
        return GraphfleetCli.EXIT_OK;
    }

    /** Opens the file alone (a writer must not have it open), checkpoints and closes it. */
    static void checkpoint(GraphEngine engine, Path file) {
        DatabaseSettings settings = new DatabaseSettings(256 * DatabaseSettings.MIB,
                DatabaseSettings.DEFAULT_MAX_DB_SIZE_BYTES, false, 512 * DatabaseSettings.MIB);
        try (GraphDatabase db = engine.open(file, settings);
             GraphConnection connection = db.connect(new ConnectionSettings(Duration.ZERO, false, null));
             GraphResult result = connection.query("CHECKPOINT")) {
            result.all();
        }
    }
}
