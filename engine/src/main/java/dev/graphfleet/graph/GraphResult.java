package dev.graphfleet.graph;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Rows of a query, read one at a time; values are plain Java objects (maps for nodes and structs). */
public interface GraphResult extends Iterator<List<Object>>, AutoCloseable {

    List<String> columns();

    @Override
    void close();

    /** Reads up to {@code limit} rows and closes the result. */
    default List<List<Object>> take(int limit) {
        try (this) {
            List<List<Object>> rows = new ArrayList<>();
            while (rows.size() < limit && hasNext()) {
                rows.add(next());
            }
            return rows;
        }
    }

    /** Reads every row and closes the result. */
    default List<List<Object>> all() {
        return take(Integer.MAX_VALUE);
    }
}
