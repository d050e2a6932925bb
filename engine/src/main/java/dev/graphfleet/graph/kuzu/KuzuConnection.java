package dev.graphfleet.graph.kuzu;

import com.kuzudb.Connection;
import com.kuzudb.PreparedStatement;
import com.kuzudb.QueryResult;
import com.kuzudb.Value;
import dev.graphfleet.graph.GraphConnection;
import dev.graphfleet.graph.GraphException;
import dev.graphfleet.graph.GraphResult;
import java.util.HashMap;
import java.util.Map;

final class KuzuConnection implements GraphConnection {

    private final Connection connection;
    private volatile boolean closed;

    KuzuConnection(Connection connection) {
        this.connection = connection;
    }

    @Override
    public GraphResult query(String cypher) {
        requireOpen();
        QueryResult result;
        try {
            result = connection.query(cypher);
        } catch (RuntimeException e) {
            throw KuzuErrors.classify(e.getMessage(), e);
        }
        return KuzuResult.of(result);
    }

    @Override
    public GraphResult query(String cypher, Map<String, ?> parameters) {
        if (parameters.isEmpty()) {
            return query(cypher);
        }
        requireOpen();
        Map<String, Value> values = new HashMap<>();
        try (PreparedStatement statement = connection.prepare(cypher)) {
            if (!statement.isSuccess()) {
                throw KuzuErrors.classify(statement.getErrorMessage(), null);
            }
            parameters.forEach((name, value) -> values.put(name, KuzuValues.toKuzu(name, value)));
            return KuzuResult.of(connection.execute(statement, values));
        } catch (RuntimeException e) {
            throw KuzuErrors.classify(e.getMessage(), e);
        } finally {
            values.values().forEach(Value::close);
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new GraphException(GraphException.Kind.CLOSED, "the connection is closed");
        }
    }

    @Override
    public void interrupt() {
        if (!closed) {
            connection.interrupt();
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            connection.close();
        }
    }
}
