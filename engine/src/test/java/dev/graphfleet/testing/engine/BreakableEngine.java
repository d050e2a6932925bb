package dev.graphfleet.testing.engine;

import dev.graphfleet.graph.ConnectionSettings;
import dev.graphfleet.graph.DatabaseSettings;
import dev.graphfleet.graph.GraphConnection;
import dev.graphfleet.graph.GraphDatabase;
import dev.graphfleet.graph.GraphEngine;
import dev.graphfleet.graph.GraphResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The real engine with a fault switch: {@link #breakOpenConnections()} closes every real connection
 * underneath the pool, as a crashed session would, so the pool's recovery is tested on the engine.
 */
public final class BreakableEngine implements GraphEngine {

    private final GraphEngine real;
    private final List<GraphConnection> opened = new CopyOnWriteArrayList<>();

    public BreakableEngine(GraphEngine real) {
        this.real = real;
    }

    public void breakOpenConnections() {
        opened.forEach(GraphConnection::close);
    }

    @Override
    public String name() {
        return real.name();
    }

    @Override
    public String version() {
        return real.version();
    }

    @Override
    public String fileExtension() {
        return real.fileExtension();
    }

    @Override
    public String attachType() {
        return real.attachType();
    }

    @Override
    public GraphDatabase openInMemory(long bufferPoolBytes, long maxDbSizeBytes) {
        return real.openInMemory(bufferPoolBytes, maxDbSizeBytes);
    }

    @Override
    public GraphDatabase open(Path file, DatabaseSettings settings) {
        GraphDatabase database = real.open(file, settings);
        return new GraphDatabase() {
            @Override
            public Path file() {
                return database.file();
            }

            @Override
            public boolean readOnly() {
                return database.readOnly();
            }

            @Override
            public GraphConnection connect(ConnectionSettings connectionSettings) {
                GraphConnection connection = database.connect(connectionSettings);
                opened.add(connection);
                return new GraphConnection() {
                    @Override
                    public GraphResult query(String cypher) {
                        return connection.query(cypher);
                    }

                    @Override
                    public GraphResult query(String cypher, Map<String, ?> parameters) {
                        return connection.query(cypher, parameters);
                    }

                    @Override
                    public void interrupt() {
                        connection.interrupt();
                    }

                    @Override
                    public void close() {
                        opened.remove(connection);
                        connection.close();
                    }
                };
            }

            @Override
            public void close() {
                database.close();
            }
        };
    }
}
