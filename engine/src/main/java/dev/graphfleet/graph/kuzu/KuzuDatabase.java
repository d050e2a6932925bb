package dev.graphfleet.graph.kuzu;

import com.kuzudb.Connection;
import com.kuzudb.Database;
import com.kuzudb.QueryResult;
import dev.graphfleet.graph.ConnectionSettings;
import dev.graphfleet.graph.GraphConnection;
import dev.graphfleet.graph.GraphDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

final class KuzuDatabase implements GraphDatabase {

    private final Path file;
    private final boolean readOnly;
    private final Database database;
    private volatile boolean closed;

    KuzuDatabase(Path file, boolean readOnly, Database database) {
        this.file = file;
        this.readOnly = readOnly;
        this.database = database;
    }

    @Override
    public Path file() {
        return file;
    }

    @Override
    public boolean readOnly() {
        return readOnly;
    }

    @Override
    public GraphConnection connect(ConnectionSettings settings) {
        Connection connection = new Connection(database);
        try {
            for (String statement : settingStatements(settings)) {
                try (QueryResult result = connection.query(statement)) {
                    if (!result.isSuccess()) {
                        throw KuzuErrors.classify(statement + ": " + result.getErrorMessage(), null);
                    }
                }
            }
            connection.setQueryTimeout(settings.queryTimeout().toMillis());
            return new KuzuConnection(connection, readOnly);
        } catch (RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** spill_to_disk is refused by read-only databases, so settings are applied by mode. */
    private List<String> settingStatements(ConnectionSettings settings) {
        List<String> statements = new ArrayList<>();
        statements.add("CALL progress_bar=false");
        if (settings.homeDirectory() != null) {
            statements.add("CALL home_directory=" + KuzuValues.quote(settings.homeDirectory().toString()));
        }
        if (!readOnly) {
            statements.add("CALL spill_to_disk=" + settings.spillToDisk());
        }
        return statements;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            database.close();
        }
    }
}
