package dev.graphfleet.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.graphfleet.graph.GraphEngine;
import dev.graphfleet.graph.GraphEngines;
import dev.graphfleet.graph.GraphResult;
import dev.graphfleet.pool.DatabaseDefaults;
import dev.graphfleet.pool.DirectoryCatalog;
import dev.graphfleet.pool.GraphPool;
import dev.graphfleet.pool.PoolSettings;
import dev.graphfleet.pool.PooledConnection;
import dev.graphfleet.pool.UnknownDatabaseException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Runs one Cypher statement on an embedded database through the connection pool. */
@Command(name = "query", description = "Run a Cypher statement on an embedded database (through the pool).")
final class QueryCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data-dir", required = true, description = "Directory holding the database files.")
    Path dataDir;

    @Option(names = "--db", required = true, description = "Database name (a lowercase identifier).")
    String database;

    @Mixin
    JsonOption json;

    @Option(names = "--create", description = "Create the database if it does not exist.")
    boolean create;

    @Option(names = "--read-only", description = "Open the database read-only (as a replica would).")
    boolean readOnly;

    @Option(names = {"-p", "--param"}, description = "A query parameter NAME=VALUE (integers, decimals, true/false, else text).")
    Map<String, String> parameters = new LinkedHashMap<>();

    @Option(names = "--memory-mb", defaultValue = "2048", description = "Buffer pool of the database in MB (default: ${DEFAULT-VALUE}).")
    long memoryMb;

    @Option(names = "--timeout-s", defaultValue = "0", description = "Query timeout in seconds; 0 for none.")
    long timeoutSeconds;

    @Parameters(index = "0", paramLabel = "CYPHER", description = "The statement to run.")
    String cypher;

    @Override
    public Integer call() throws Exception {
        GraphEngine engine = GraphEngines.load();
        DatabaseDefaults defaults = DatabaseDefaults.writer()
                .withBufferPoolBytes(memoryMb * DatabaseDefaults.MIB)
                .withReadOnly(readOnly)
                .withMaxConnections(1)
                .withQueryTimeout(Duration.ofSeconds(timeoutSeconds));
        DirectoryCatalog catalog = new DirectoryCatalog(dataDir, engine.fileExtension(), defaults, create);
        PoolSettings settings = PoolSettings.DEFAULTS.withBackgroundMaintenance(false);
        try (GraphPool pool = new GraphPool(engine, catalog, settings);
             PooledConnection connection = borrow(pool);
             GraphResult result = connection.query(cypher, ParameterParser.parse(parameters))) {
            List<List<Object>> rows = result.all();
            PrintWriter out = spec.commandLine().getOut();
            if (json.on()) {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("columns", result.columns());
                body.put("rows", rows);
                out.println(jsonMapper().writeValueAsString(body));
            } else {
                out.print(TablePrinter.render(result.columns(), rows));
            }
            out.flush();
        }
        return GraphfleetCli.EXIT_OK;
    }

    private PooledConnection borrow(GraphPool pool) {
        try {
            return pool.borrow(database);
        } catch (UnknownDatabaseException e) {
            throw new UsageException(e.getMessage() + (readOnly ? "" : " (add --create to create it)"));
        }
    }

    static ObjectMapper jsonMapper() {
        return new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }
}
