package dev.graphfleet.node;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams every row as NDJSON chunks of {@code chunkRows}. Writes block on a slow reader: the
 * query keeps its admission slot and connection meanwhile, which is what admission should count.
 */
final class NdjsonWriter {

    private final ObjectMapper mapper;
    private final ErrorMapper errors;
    private final int chunkRows;

    NdjsonWriter(ObjectMapper mapper, ErrorMapper errors, int chunkRows) {
        this.mapper = mapper;
        this.errors = errors;
        this.chunkRows = chunkRows;
    }

    /** Streams the rows; returns the error sent as the last chunk when the query failed mid-stream, else null. */
    ApiException write(HttpServerExchange exchange, RunningQuery query) {
        exchange.setStatusCode(200);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, HttpJson.NDJSON);
        OutputStream out = exchange.getOutputStream();
        int index = 0;
        long total = 0;
        ApiException failure = null;
        try {
            List<List<Object>> chunk = new ArrayList<>(chunkRows);
            boolean more = query.rows().hasNext();
            do {
                if (index > 0 && query.deadline().passed()) {
                    throw query.deadline().timeoutError();
                }
                chunk.clear();
                while (chunk.size() < chunkRows && query.rows().hasNext()) {
                    chunk.add(query.rows().next());
                }
                more = query.rows().hasNext();
                total += chunk.size();
                line(out, NdjsonChunk.rows(index == 0 ? query.columns() : null, chunk, index, !more, total, query));
                index++;
            } while (more);
        } catch (RuntimeException e) {
            if (e instanceof UncheckedIOException) {
                throw e; // the reader went away: nothing more can be said to it
            }
            failure = errors.map(e);
            line(out, NdjsonChunk.failure(index, failure));
        }
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return failure;
    }

    private void line(OutputStream out, NdjsonChunk chunk) {
        try {
            out.write(mapper.writeValueAsBytes(chunk));
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("the client stopped reading the stream", e);
        }
    }
}
