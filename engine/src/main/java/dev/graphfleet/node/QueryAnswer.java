package dev.graphfleet.node;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The non-streaming answer: {@code {columns, rows, row_count, truncated, execution_ms}}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record QueryAnswer(List<String> columns, List<List<Object>> rows, int rowCount, boolean truncated,
                   double executionMs, String detail) {

    static QueryAnswer read(RunningQuery query, int maxRows) {
        List<List<Object>> rows = query.rows().take(maxRows + 1);
        boolean truncated = rows.size() > maxRows;
        if (truncated) {
            rows = rows.subList(0, maxRows);
        }
        return new QueryAnswer(query.columns(), rows, rows.size(), truncated, query.elapsedMillis(), truncated
                ? "more than " + maxRows + " rows: the first " + maxRows + " are here; add ?stream=true "
                + "(or Accept: application/x-ndjson) to receive them all"
                : null);
    }
}
