package dev.graphfleet.node;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.graphfleet.node.metrics.DatabaseSizeScanner;
import dev.graphfleet.node.metrics.DatabaseSizes;
import dev.graphfleet.pool.GraphPool;
import dev.graphfleet.pool.PoolStatistics;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /databases}: the databases this node serves (the catalog's inventory), whether each
 * is open, and its size from the last background scan (null before the first).
 */
final class DatabasesRoute implements HttpHandler {

    record Listing(int count, boolean readOnly, List<Entry> databases) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Entry(String name, boolean open, Long sizeBytes) {
    }

    private final GraphPool pool;
    private final DatabaseSizeScanner sizes;
    private final boolean readOnly;
    private final ObjectMapper mapper;

    DatabasesRoute(GraphPool pool, DatabaseSizeScanner sizes, boolean readOnly, ObjectMapper mapper) {
        this.pool = pool;
        this.sizes = sizes;
        this.readOnly = readOnly;
        this.mapper = mapper;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        Map<String, PoolStatistics.DatabasePoolStatistics> pools = pool.statistics().databases();
        Map<String, Long> bytes = sizes.latest().map(DatabaseSizes::bytes).orElse(Map.of());
        List<Entry> entries = pool.databases().stream()
                .map(name -> new Entry(name, pools.containsKey(name) && pools.get(name).open(), bytes.get(name)))
                .toList();
        HttpJson.send(exchange, mapper, 200, new Listing(entries.size(), readOnly, entries));
    }
}
