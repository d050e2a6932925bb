package dev.graphfleet.node;

import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import java.time.Duration;
import org.xnio.Options;

/**
 * The HTTP server's own limits on slow and idle connections, so none is kept forever:
 * <ul>
 *   <li>request headers must arrive within the body read timeout (slowloris headers);
 *   <li>a keep-alive connection with no request is closed after {@link #NO_REQUEST}, longer than a
 *       load balancer's usual 60 s idle timeout so the balancer closes first;
 *   <li>a connection on which nothing moves at all is closed after the query timeout and
 *       {@link #IDLE_MARGIN} (a client waits silently for its query up to the timeout).
 * </ul>
 * The body itself is bounded by {@link RequestBodyReader}, the answer by the query's deadline. The
 * accept backlog is deeper than XNIO's 1,000, so a flood of connections does not make the kernel drop
 * a health check's connection attempt (the kernel caps it at {@code net.core.somaxconn}).
 */
final class ServerTimeouts {

    static final int BACKLOG = 4096;
    static final Duration NO_REQUEST = Duration.ofSeconds(75);
    static final Duration IDLE_MARGIN = Duration.ofSeconds(30);
    /** Without a tier query timeout, queries may run long: idle connections still go after this. */
    static final Duration IDLE_WITHOUT_QUERY_TIMEOUT = Duration.ofMinutes(10);

    private ServerTimeouts() {
    }

    static Undertow.Builder apply(Undertow.Builder builder, NodeSettings settings) {
        return builder
                .setSocketOption(Options.BACKLOG, BACKLOG)
                .setServerOption(UndertowOptions.REQUEST_PARSE_TIMEOUT, millis(settings.queryLimits().bodyReadTimeout()))
                .setServerOption(UndertowOptions.NO_REQUEST_TIMEOUT, millis(NO_REQUEST))
                .setServerOption(UndertowOptions.IDLE_TIMEOUT, millis(idle(settings.databases().queryTimeout())));
    }

    static Duration idle(Duration queryTimeout) {
        return queryTimeout == null || queryTimeout.isZero() ? IDLE_WITHOUT_QUERY_TIMEOUT : queryTimeout.plus(IDLE_MARGIN);
    }

    private static int millis(Duration duration) {
        return (int) Math.min(Integer.MAX_VALUE, duration.toMillis());
    }
}
