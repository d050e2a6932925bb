package dev.graphfleet.graph.kuzu;

import com.kuzudb.FlatTuple;
import com.kuzudb.QueryResult;
import dev.graphfleet.graph.GraphResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NoSuchElementException;

/** Converts each row to plain Java values as it is read, so nothing native outlives the row. */
final class KuzuResult implements GraphResult {

    private final QueryResult result;
    private final List<String> columns;
    private boolean closed;

    private KuzuResult(QueryResult result, List<String> columns) {
        this.result = result;
        this.columns = columns;
    }

    static KuzuResult of(QueryResult result) {
        if (!result.isSuccess()) {
            String message = result.getErrorMessage();
            result.close();
            throw KuzuErrors.classify(message, null);
        }
        int count = (int) result.getNumColumns();
        List<String> columns = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            columns.add(result.getColumnName(i));
        }
        return new KuzuResult(result, Collections.unmodifiableList(columns));
    }

    @Override
    public List<String> columns() {
        return columns;
    }

    @Override
    public boolean hasNext() {
        return !closed && result.hasNext();
    }

    @Override
    public List<Object> next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        try (FlatTuple tuple = result.getNext()) {
            List<Object> row = new ArrayList<>(columns.size());
            for (int i = 0; i < columns.size(); i++) {
                row.add(KuzuValues.toJava(tuple.getValue(i)));
            }
            return row;
        } catch (RuntimeException e) {
            throw KuzuErrors.classify(e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            result.close();
        }
    }
}
