package dev.graphfleet.node;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.HttpString;
import java.time.Duration;

/**
 * When a query must have answered: the tier's {@code query_timeout}, or less when the client asks
 * with header {@code X-Graph-Timeout-Ms} (more than the tier's is capped at the tier's). Counted
 * from when the request reached its route, and held for the whole request: queueing, the engine
 * call and writing the rows.
 *
 * @param timeout       the time allowed, or null for none (no tier timeout and no header)
 * @param deadlineNanos {@link System#nanoTime()} at the deadline (meaningless without a timeout)
 * @param source        what set the timeout, as the 408 names it
 */
record QueryDeadline(Duration timeout, long deadlineNanos, String source) {

    static final HttpString HEADER = new HttpString("X-Graph-Timeout-Ms");

    static final QueryDeadline NONE = new QueryDeadline(null, Long.MAX_VALUE, "none");

    static QueryDeadline after(Duration timeout, String source) {
        return new QueryDeadline(timeout, System.nanoTime() + timeout.toNanos(), source);
    }

    /** The deadline of a request: its header's if valid and lower than the tier's, else the tier's. */
    static QueryDeadline of(HttpServerExchange exchange, Duration tierTimeout) {
        Duration tier = tierTimeout == null || tierTimeout.isZero() ? null : tierTimeout;
        Duration asked = asked(exchange.getRequestHeaders().getFirst(HEADER), tier);
        if (asked != null && (tier == null || asked.compareTo(tier) < 0)) {
            return after(asked, HEADER + " " + asked.toMillis());
        }
        return tier == null ? NONE : after(tier, "tier query_timeout");
    }

    private static Duration asked(String header, Duration tier) {
        if (header == null) {
            return null;
        }
        long millis;
        try {
            millis = Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            millis = -1;
        }
        if (millis < 1) {
            throw ApiException.badRequest(HEADER + " must be a whole number of milliseconds, at least 1"
                    + (tier == null ? "" : " (the tier's query_timeout of " + tier.toMillis() + " ms is the most)"));
        }
        return Duration.ofMillis(millis);
    }

    boolean bounded() {
        return timeout != null;
    }

    /** Nanoseconds left, at least 0; {@link Long#MAX_VALUE} without a deadline. */
    long remainingNanos() {
        return bounded() ? Math.max(0, deadlineNanos - System.nanoTime()) : Long.MAX_VALUE;
    }

    boolean passed() {
        return bounded() && System.nanoTime() - deadlineNanos >= 0;
    }

    ApiException timeoutError() {
        return new ApiException(408, "query_timeout", "the query was cancelled after the query timeout of "
                + (timeout == null ? 0 : timeout.toMillis()) + " ms (" + source + "); narrow the query, or run it "
                + "where the tier allows more time");
    }
}
