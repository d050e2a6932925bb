package dev.graphfleet.node;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.graphfleet.graph.DatabaseNames;
import dev.graphfleet.node.metrics.QueryStats;
import dev.graphfleet.pool.GraphPool;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.PathTemplateMatch;
import dev.graphfleet.node.health.DataFreshness;
import java.time.Clock;
import java.time.Duration;
import java.util.Deque;
import org.xnio.IoUtils;

/**
 * {@code POST /databases/{name}/query}: runs the Cypher and answers with up to {@code max_rows} rows
 * ({@code truncated} when there were more), or streams them all as NDJSON with {@code ?stream=true}
 * or {@code Accept: application/x-ndjson}. Every outcome is counted for the database's metrics.
 */
final class QueryRoute implements HttpHandler {

    private final QueryRequestReader reader;
    private final QueryRunner runner;
    private final NdjsonWriter ndjson;
    private final ErrorMapper errors;
    private final QueryStats stats;
    private final GraphPool pool;
    private final ObjectMapper mapper;
    private final int maxRows;
    private final AttachmentSource attachments;

    /** On a shared node, the repository version that answered: clients can tell a stale replica. */
    static final HttpString DATA_VERSION = new HttpString("X-Graph-Data-Version");
    /** Next to it, how old that version is: seconds since it was published. */
    static final HttpString DATA_AGE = new HttpString("X-Graph-Data-Age-Seconds");

    /** How long after its deadline a request whose client does not read its answer is cut off. */
    static final Duration CUT_OFF_GRACE = Duration.ofSeconds(1);

    private final Clock clock;
    private final Duration tierTimeout;
    private final DeadlineReaper reaper;

    QueryRoute(QueryRequestReader reader, QueryRunner runner, NdjsonWriter ndjson, ErrorMapper errors,
               QueryStats stats, GraphPool pool, ObjectMapper mapper, int maxRows, AttachmentSource attachments, Clock clock,
               Duration tierTimeout, DeadlineReaper reaper) {
        this.clock = clock;
        this.tierTimeout = tierTimeout;
        this.reaper = reaper;
        this.reader = reader;
        this.runner = runner;
        this.ndjson = ndjson;
        this.errors = errors;
        this.stats = stats;
        this.pool = pool;
        this.mapper = mapper;
        this.maxRows = maxRows;
        this.attachments = attachments;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        String database = exchange.getAttachment(PathTemplateMatch.ATTACHMENT_KEY).getParameters().get("name");
        if (!DatabaseNames.isValid(database)) {
            DatabaseNames.requireValid(database); // throws, naming the rule: a 400
        }
        QueryDeadline deadline = QueryDeadline.of(exchange, tierTimeout);
        QueryRequest request = reader.read(exchange);
        long started = System.nanoTime();
        ApiException failure = null;
        // Covers the engine call too: one that ignores its cancel past the grace has its client cut off.
        DeadlineReaper.Watch cutOff = deadline.bounded() ? reaper.watch(deadline.deadlineNanos()
                + CUT_OFF_GRACE.toNanos(), 0, () -> cutOff(exchange)) : null;
        try {
            QueryAnswer answer = null;
            try (RunningQuery query = runner.start(database, request, deadline)) {
                dataVersion(database, exchange);
                if (wantsStream(exchange)) {
                    failure = ndjson.write(exchange, query); // a failure mid-stream is in the last chunk
                } else {
                    answer = QueryAnswer.read(query, maxRows);
                }
            }
            // The rows are in memory: the connection and the admission slot went back before the answer
            // is written, so a client sending its next query on receipt never finds its own place still taken.
            if (answer != null) {
                HttpJson.send(exchange, mapper, 200, answer);
            }
        } catch (RuntimeException e) {
            failure = errors.map(e);
            throw e;
        } finally {
            if (cutOff != null) {
                cutOff.close();
            }
            if (pool.knows(database)) { // only databases that exist are counted
                stats.recordQuery(database, failure == null ? 200 : failure.status(),
                        failure == null ? null : failure.error(), Duration.ofNanos(System.nanoTime() - started));
            }
        }
    }

    /**
     * A client that stops reading its answer blocks the write (for a stream, holding the query's
     * connection and slot; a buffered answer has given them back): past the deadline its connection
     * is closed, which ends the write. The same ends a request whose engine call has not returned a
     * second after its cancel.
     */
    private static void cutOff(HttpServerExchange exchange) {
        if (!exchange.isComplete()) {
            IoUtils.safeClose(exchange.getConnection());
        }
    }

    private void dataVersion(String database, HttpServerExchange exchange) {
        attachments.served(database).ifPresent(served -> {
            exchange.getResponseHeaders().put(DATA_VERSION, served.version());
            Duration age = DataFreshness.ageAt(served.createdAt(), clock.instant());
            if (age != null) {
                exchange.getResponseHeaders().put(DATA_AGE, age.toSeconds());
            }
        });
    }

    private static boolean wantsStream(HttpServerExchange exchange) {
        Deque<String> stream = exchange.getQueryParameters().get("stream");
        if (stream != null && stream.stream().anyMatch("true"::equalsIgnoreCase)) {
            return true;
        }
        String accept = exchange.getRequestHeaders().getFirst(Headers.ACCEPT);
        return accept != null && accept.contains(HttpJson.NDJSON);
    }
}
