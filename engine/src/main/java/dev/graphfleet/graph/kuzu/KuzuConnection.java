package dev.graphfleet.graph.kuzu;

import com.kuzudb.Connection;
import com.kuzudb.PreparedStatement;
import com.kuzudb.QueryResult;
import com.kuzudb.Value;
import dev.graphfleet.graph.GraphConnection;
import dev.graphfleet.graph.GraphException;
import dev.graphfleet.graph.GraphResult;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One Kùzu connection. Parameterised queries keep their prepared statement (a small LRU cache per
 * connection): preparing is a parse, bind and plan, often costlier than a point lookup itself.
 */
final class KuzuConnection implements GraphConnection {

    private static final int PREPARED_CACHE_SIZE = 64;

    private final Connection connection;
    private final Map<String, PreparedStatement> prepared = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
            if (size() > PREPARED_CACHE_SIZE) {
                eldest.getValue().close();
                return true;
            }
            return false;
        }
    };
    private final boolean readOnly;
    private volatile boolean closed;

    KuzuConnection(Connection connection, boolean readOnly) {
        this.connection = connection;
        this.readOnly = readOnly;
    }

    @Override
    public GraphResult query(String cypher) {
        try {
            return run(cypher);
        } catch (GraphException e) {
            throw readOnly ? KuzuErrors.onReadOnlyDatabase(e) : e;
        }
    }

    @Override
    public GraphResult query(String cypher, Map<String, ?> parameters) {
        try {
            return parameters.isEmpty() ? run(cypher) : run(cypher, parameters);
        } catch (GraphException e) {
            throw readOnly ? KuzuErrors.onReadOnlyDatabase(e) : e;
        }
    }

    private GraphResult run(String cypher) {
        requireOpen();
        QueryResult result;
        try {
            result = connection.query(cypher);
        } catch (RuntimeException e) {
            throw KuzuErrors.classify(e.getMessage(), e);
        }
        return KuzuResult.of(result);
    }

    private GraphResult run(String cypher, Map<String, ?> parameters) {
        requireOpen();
        Map<String, Value> values = new HashMap<>();
        try {
            parameters.forEach((name, value) -> values.put(name, KuzuValues.toKuzu(name, value)));
            PreparedStatement statement = prepared.get(cypher);
            if (statement == null) {
                return KuzuResult.of(connection.execute(prepare(cypher), values));
            }
            QueryResult result = connection.execute(statement, values);
            if (!result.isSuccess() && isWorthPreparingAgain(KuzuErrors.kindOf(result.getErrorMessage()))) {
                // The schema may have changed since it was prepared: prepare afresh once.
                result.close();
                prepared.remove(cypher).close();
                result = connection.execute(prepare(cypher), values);
            }
            return KuzuResult.of(result);
        } catch (GraphException e) {
            throw e;
        } catch (RuntimeException e) {
            throw KuzuErrors.classify(e.getMessage(), e);
        } finally {
            values.values().forEach(Value::close);
        }
    }

    /** A cancelled query or an unused parameter fails the same way however fresh the plan is. */
    private static boolean isWorthPreparingAgain(GraphException.Kind kind) {
        return kind != GraphException.Kind.INTERRUPTED && kind != GraphException.Kind.PARAMETER;
    }

    private PreparedStatement prepare(String cypher) {
        PreparedStatement statement = connection.prepare(cypher);
        if (!statement.isSuccess()) {
            String message = statement.getErrorMessage();
            statement.close();
            throw KuzuErrors.classify(message, null);
        }
        prepared.put(cypher, statement);
        return statement;
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
            prepared.values().forEach(PreparedStatement::close);
            prepared.clear();
            connection.close();
        }
    }
}
