package dev.graphfleet.node;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One line of a streamed answer. The first chunk carries the columns, the last one
 * {@code is_last_chunk: true} with the totals; a failure after streaming began is a final chunk
 * with {@code error} and {@code detail} (the HTTP status was already sent).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record NdjsonChunk(List<String> columns, List<List<Object>> rows, int chunkIndex, int rowCount,
                   @JsonProperty("is_last_chunk") boolean lastChunk, Long totalRows, Double executionMs,
                   String database, String error, String detail) {

    static NdjsonChunk rows(List<String> columns, List<List<Object>> rows, int index, boolean last, long total,
                            RunningQuery query) {
        return new NdjsonChunk(columns, rows, index, rows.size(), last, last ? total : null,
                last ? query.elapsedMillis() : null, last ? query.database() : null, null, null);
    }

    static NdjsonChunk failure(int index, ApiException error) {
        return new NdjsonChunk(null, null, index, 0, true, null, null, null, error.error(), error.detail());
    }
}
