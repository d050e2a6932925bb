package dev.graphfleet.fleet.nodes;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.AsynchronousSocketChannel;
import java.nio.channels.CompletionHandler;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * Why a node could not be read, in words that point at the right problem: connection refused (nothing
 * listens), network or host unreachable (routing), a connect timeout (packets dropped), no answer (the node
 * accepted and stayed silent), TLS, DNS. The JDK's HTTP client reports every failed connect as a bare
 * {@link ConnectException} (the reason lost in a closed channel), so {@link #diagnose} connects once more,
 * without the HTTP client and without a waiting thread, to learn the reason.
 */
public final class ConnectionFailure {

    /** The kinds, each with the words an operator reads. */
    public enum Kind {
        REFUSED, NETWORK_UNREACHABLE, HOST_UNREACHABLE, CONNECT_TIMEOUT, NO_ANSWER, TLS, DNS,
        /** A connect failed and the reason is not known (yet: {@link #diagnose} finds it). */
        CONNECT_FAILED, OTHER
    }

    private ConnectionFailure() {
    }

    /** The kind of a failure, from the whole cause chain. */
    public static Kind classify(Throwable failure) {
        Kind found = null;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
                return Kind.DNS;
            }
            if (t instanceof SSLException) {
                return Kind.TLS;
            }
            if (t instanceof NoRouteToHostException || message.contains("no route to host")
                    || message.contains("host is unreachable")) {
                return Kind.HOST_UNREACHABLE;
            }
            if (message.contains("network is unreachable")) {
                return Kind.NETWORK_UNREACHABLE;
            }
            if (message.contains("connection refused")) {
                return Kind.REFUSED;
            }
            if (t instanceof HttpConnectTimeoutException || message.contains("connect timed out")) {
                return Kind.CONNECT_TIMEOUT;
            }
            if (t instanceof HttpTimeoutException || t instanceof TimeoutException) {
                found = found == null ? Kind.NO_ANSWER : found;
            } else if (t instanceof ConnectException && found == null) {
                found = Kind.CONNECT_FAILED;
            }
        }
        return found == null ? Kind.OTHER : found;
    }

    /** The failure in words; {@code timeout} is the bound the caller held. */
    public static String describe(Throwable failure, Duration timeout) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return switch (classify(cause)) {
            case REFUSED -> "connection refused (nothing listens on that port: is the node running?)";
            case NETWORK_UNREACHABLE -> "network unreachable (no route to the node's network from here: check the "
                    + "routing, VPN or subnet)";
            case HOST_UNREACHABLE -> "host unreachable (no route to the host: the machine is down or a firewall "
                    + "rejects the connection)";
            case CONNECT_TIMEOUT -> "connect timed out after " + timeout.toMillis() + " ms (the host is down, or a "
                    + "firewall or security group drops the packets)";
            case NO_ANSWER -> "no answer within " + timeout.toMillis() + " ms";
            case TLS -> "TLS failed: " + innermostMessage(cause) + " (http vs https? an untrusted certificate?)";
            case DNS -> "host name not resolved (DNS)";
            case CONNECT_FAILED -> "connection failed";
            case OTHER -> cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        };
    }

    /**
     * Words for the failure, connecting once more to {@code endpoint} when only "the connect failed" is
     * known; completes normally within about {@code timeout}.
     */
    public static CompletableFuture<String> diagnose(Throwable failure, URI endpoint, Duration timeout) {
        if (classify(failure) != Kind.CONNECT_FAILED) {
            return CompletableFuture.completedFuture(describe(failure, timeout));
        }
        return connect(endpoint, timeout).handle((ok, again) -> {
            if (again == null) {
                return "connection failed (the port accepts connections again now)";
            }
            Throwable cause = again instanceof CompletionException && again.getCause() != null ? again.getCause() : again;
            Kind kind = classify(cause);
            return kind == Kind.OTHER || kind == Kind.CONNECT_FAILED ? "connection failed: " + describe(cause, timeout)
                    : describe(cause, timeout);
        });
    }

    /** One TCP connect, asynchronous, bounded by {@code timeout} (a lapse completes with a connect timeout). */
    static CompletableFuture<Void> connect(URI endpoint, Duration timeout) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        AsynchronousSocketChannel channel;
        try {
            channel = AsynchronousSocketChannel.open();
        } catch (IOException e) {
            done.completeExceptionally(e);
            return done;
        }
        int port = endpoint.getPort() != -1 ? endpoint.getPort() : "https".equalsIgnoreCase(endpoint.getScheme()) ? 443 : 80;
        try {
            channel.connect(new InetSocketAddress(endpoint.getHost(), port), null, new CompletionHandler<Void, Void>() {
                @Override
                public void completed(Void result, Void attachment) {
                    done.complete(null);
                }

                @Override
                public void failed(Throwable exc, Void attachment) {
                    done.completeExceptionally(exc);
                }
            });
        } catch (RuntimeException e) { // an unresolved address is thrown, not reported
            done.completeExceptionally(e);
        }
        return done.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .exceptionallyCompose(e -> CompletableFuture.failedFuture(unwrap(e) instanceof TimeoutException
                        ? new HttpConnectTimeoutException("connect timed out") : unwrap(e)))
                .whenComplete((ok, e) -> close(channel));
    }

    private static Throwable unwrap(Throwable e) {
        return (e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null ? e.getCause() : e;
    }

    private static void close(AsynchronousSocketChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // a diagnostic channel that does not close cleanly changes nothing
        }
    }

    private static String innermostMessage(Throwable t) {
        String message = t.getMessage();
        for (Throwable c = t.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            if (c.getMessage() != null) {
                message = c.getMessage();
            }
        }
        return message == null ? t.getClass().getSimpleName() : message;
    }
}
