package dev.graphfleet.node;

import io.undertow.io.Receiver;
import io.undertow.server.Connectors;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.xnio.IoUtils;
import org.xnio.XnioExecutor;

/**
 * Reads the whole request body on the IO thread, without holding a worker thread, then hands the
 * request to {@code next} with the bytes attached ({@link #BODY}). A body larger than
 * {@code maxBodyBytes} is a 413; a client that has not sent all of it within {@code readTimeout}
 * gets 408 {@code body_read_timeout} and its connection is closed. Slow clients therefore cost a
 * socket each, never a thread.
 */
final class RequestBodyReader implements HttpHandler {

    /** The request body, as read before the request reached a worker thread. */
    static final AttachmentKey<byte[]> BODY = AttachmentKey.create(byte[].class);

    private final HttpHandler next;
    private final long maxBodyBytes;
    private final Duration readTimeout;
    private final ClosingRefusal refusal;

    RequestBodyReader(HttpHandler next, long maxBodyBytes, Duration readTimeout, ClosingRefusal refusal) {
        this.next = next;
        this.maxBodyBytes = maxBodyBytes;
        this.readTimeout = readTimeout;
        this.refusal = refusal;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        if (exchange.isRequestComplete()) { // no body (a GET): nothing to wait for
            exchange.putAttachment(BODY, new byte[0]);
            dispatch(exchange);
            return;
        }
        long declared = exchange.getRequestContentLength();
        if (declared > maxBodyBytes) {
            refusal.send(exchange, tooLarge(declared));
            return;
        }
        Reading reading = new Reading();
        // The timer runs on the exchange's own IO thread, like the read callbacks: no race between them.
        reading.timer = exchange.getIoThread().executeAfter(() -> reading.expire(exchange),
                readTimeout.toMillis(), TimeUnit.MILLISECONDS);
        Receiver receiver = exchange.getRequestReceiver();
        receiver.setMaxBufferSize((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes));
        // In pieces, not receiveFullBytes: that one allocates the announced Content-Length up front,
        // so slow clients announcing large bodies would take memory they never send.
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        receiver.receivePartialBytes((ex, piece, last) -> {
            if (reading.done) {
                return;
            }
            received.write(piece, 0, piece.length);
            if (received.size() > maxBodyBytes) { // a chunked body has no Content-Length to refuse early
                reading.finish();
                ex.getRequestReceiver().pause();
                refusal.send(ex, tooLarge(-1));
            } else if (last && reading.finish()) {
                ex.putAttachment(BODY, received.toByteArray());
                dispatch(ex);
            }
        }, (ex, failure) -> {
            if (!reading.finish()) {
                return;
            }
            if (failure instanceof Receiver.RequestToLargeException) {
                refusal.send(ex, tooLarge(-1));
            } else {
                IoUtils.safeClose(ex.getConnection()); // the client went away mid-body: nobody to answer
                ex.endExchange();
            }
        });
    }

    private void dispatch(HttpServerExchange exchange) {
        try {
            next.handleRequest(exchange);
        } catch (Exception e) {
            throw new IllegalStateException("dispatching a request failed", e);
        }
    }

    private ApiException tooLarge(long declared) {
        return new ApiException(413, "body_too_large", "the request body is " + (declared >= 0 ? declared + " bytes, " : "")
                + "larger than the " + maxBodyBytes + " bytes allowed (max_body_bytes)");
    }

    /** One body being read: whichever comes first, the last byte or the deadline, wins. */
    private final class Reading {
        XnioExecutor.Key timer;
        boolean done;

        boolean finish() {
            if (done) {
                return false;
            }
            done = true;
            if (timer != null) {
                timer.remove();
            }
            return true;
        }

        void expire(HttpServerExchange exchange) {
            if (done) {
                return;
            }
            done = true;
            Connectors.executeRootHandler(ex -> refusal.send(ex, new ApiException(408,
                    "body_read_timeout", "the request body did not arrive within " + readTimeout.toSeconds()
                    + " s (node.api.body_read_timeout_s); send the whole body at once")), exchange);
        }
    }
}
