package dev.graphfleet.testing;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * An HTTP/1.1 proxy on a loopback port that forwards requests byte for byte to an upstream
 * server (so SigV4 signatures stay valid) and injects faults into chosen answers: error
 * statuses, truncated or corrupted bodies, answers held until the test releases them, answers
 * that never come. It records every request and the body bytes it sent back, so tests can assert
 * what reached the server and how much was transferred.
 */
public final class FaultProxy implements AutoCloseable {

    /** A request as the proxy saw it. */
    public record Request(String method, String target, Map<String, String> headers) {
        public Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
        }

        /** The first byte of a {@code Range: bytes=a-b} request, or -1. */
        public long rangeStart() {
            return header("range").filter(r -> r.startsWith("bytes="))
                    .map(r -> Long.parseLong(r.substring(6, r.indexOf('-')))).orElse(-1L);
        }

        public boolean isGetOf(String keyPart) {
            return method.equals("GET") && target.contains(keyPart);
        }
    }

    /** A request and, once answered, its status and the body bytes sent to the client. */
    public static final class Exchange {
        private final Request request;
        private volatile int status;
        private final AtomicLong bodyBytes = new AtomicLong();

        Exchange(Request request) {
            this.request = request;
        }

        public Request request() {
            return request;
        }

        public int status() {
            return status;
        }

        public long bodyBytes() {
            return bodyBytes.get();
        }

        @Override
        public String toString() {
            return request.method() + " " + request.target() + " " + request.header("range").orElse("")
                    + " -> " + status + " (" + bodyBytes + " bytes)";
        }
    }

    /** What to do to a matching answer. */
    public sealed interface Fault {
        /** Answer with this status and an S3-style XML error, without asking upstream. */
        record Status(int code, String errorCode) implements Fault { }
        /** Send the real head (with its Content-Length) but only the first bytes of the body, then close. */
        record Truncate(long afterBytes) implements Fault { }
        /** Flip one byte of the body. */
        record Corrupt(long atByte) implements Fault { }
        /** Counts {@code arrived} down when the request comes, then holds the answer until {@code release} opens. */
        record Hold(CountDownLatch arrived, CountDownLatch release) implements Fault { }
        /** Never answer (until the proxy closes): the client's timeout has to act. */
        record Stall() implements Fault { }

        static Fault status(int code) {
            return new Status(code, code >= 500 ? "InternalError" : "AccessDenied");
        }
    }

    private record Rule(Predicate<Request> when, Fault fault, AtomicInteger remaining) { }

    private final URI upstream;
    private final ServerSocket server;
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "fault-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final CountDownLatch closed = new CountDownLatch(1);

    private FaultProxy(URI upstream) throws IOException {
        this.upstream = upstream;
        this.server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        threads.execute(this::acceptLoop);
    }

    public static FaultProxy start(URI upstream) throws IOException {
        return new FaultProxy(upstream);
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /** Applies {@code fault} to the next {@code times} requests that match. */
    public FaultProxy inject(Predicate<Request> when, Fault fault, int times) {
        rules.add(new Rule(when, fault, new AtomicInteger(times)));
        return this;
    }

    /** Applies {@code fault} to every request that matches, until {@link #clearFaults()}. */
    public FaultProxy injectAlways(Predicate<Request> when, Fault fault) {
        return inject(when, fault, Integer.MAX_VALUE);
    }

    public void clearFaults() {
        rules.clear();
    }

    public List<Exchange> exchanges() {
        return List.copyOf(exchanges);
    }

    public void clearExchanges() {
        exchanges.clear();
    }

    public int requestCount() {
        return exchanges.size();
    }

    /** Body bytes sent back for the requests that match. */
    public long bodyBytes(Predicate<Request> which) {
        return exchanges.stream().filter(e -> which.test(e.request())).mapToLong(Exchange::bodyBytes).sum();
    }

    private Optional<Fault> faultFor(Request request) {
        for (Rule rule : rules) {
            if (rule.when().test(request) && rule.remaining().getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
                return Optional.of(rule.fault());
            }
        }
        return Optional.empty();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                sockets.add(client);
                threads.execute(() -> serve(client));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket client) {
        Socket upstreamSocket = null;
        try (client) {
            InputStream fromClient = client.getInputStream();
            OutputStream toClient = client.getOutputStream();
            while (true) {
                byte[] head = readHead(fromClient);
                if (head == null) {
                    return;
                }
                Request request = parseRequest(head);
                if (request.header("expect").filter("100-continue"::equalsIgnoreCase).isPresent()) {
                    toClient.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    toClient.flush();
                }
                ByteArrayOutputStream body = new ByteArrayOutputStream();
                copyBody(fromClient, request.headers(), body, false);
                Exchange exchange = new Exchange(request);
                exchanges.add(exchange);
                Optional<Fault> fault = faultFor(request);
                if (fault.isPresent() && fault.get() instanceof Fault.Status status) {
                    writeError(toClient, status, exchange);
                    continue;
                }
                if (fault.isPresent() && fault.get() instanceof Fault.Hold hold) {
                    hold.arrived().countDown();
                }
                if (fault.isPresent() && fault.get() instanceof Fault.Stall) {
                    closed.await();
                    return;
                }
                if (upstreamSocket == null) {
                    upstreamSocket = new Socket(upstream.getHost(), upstream.getPort());
                    sockets.add(upstreamSocket);
                }
                OutputStream toUpstream = upstreamSocket.getOutputStream();
                toUpstream.write(head);
                body.writeTo(toUpstream);
                toUpstream.flush();
                InputStream fromUpstream = upstreamSocket.getInputStream();
                byte[] responseHead = readHead(fromUpstream);
                while (responseHead != null && firstLine(responseHead).split(" ")[1].startsWith("1")) {
                    responseHead = readHead(fromUpstream); // interim answers (100 Continue): already sent ours
                }
                if (responseHead == null) {
                    return;
                }
                Map<String, String> responseHeaders = headers(responseHead);
                int status = Integer.parseInt(firstLine(responseHead).split(" ")[1]);
                exchange.status = status;
                ByteArrayOutputStream responseBody = new ByteArrayOutputStream();
                boolean hasBody = !request.method().equals("HEAD") && status != 204 && status != 304;
                if (hasBody) {
                    copyBody(fromUpstream, responseHeaders, responseBody, true);
                }
                if (fault.isPresent() && fault.get() instanceof Fault.Hold hold) {
                    hold.release().await();
                }
                byte[] bytes = responseBody.toByteArray();
                toClient.write(responseHead);
                if (fault.isPresent() && fault.get() instanceof Fault.Truncate truncate) {
                    int keep = (int) Math.min(truncate.afterBytes(), bytes.length);
                    toClient.write(bytes, 0, keep);
                    toClient.flush();
                    exchange.bodyBytes.addAndGet(keep);
                    return; // closing the connection mid-body
                }
                if (fault.isPresent() && fault.get() instanceof Fault.Corrupt corrupt && corrupt.atByte() < bytes.length) {
                    bytes[(int) corrupt.atByte()] ^= 0x5a;
                }
                toClient.write(bytes);
                toClient.flush();
                exchange.bodyBytes.addAndGet(isChunked(responseHeaders) ? 0 : bytes.length);
                if ("close".equalsIgnoreCase(responseHeaders.get("connection")) || !hasLength(responseHeaders, hasBody)) {
                    return;
                }
            }
        } catch (IOException | InterruptedException e) {
            // the client or the proxy went away
        } finally {
            if (upstreamSocket != null) {
                try {
                    upstreamSocket.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
        }
    }

    private static boolean hasLength(Map<String, String> headers, boolean hasBody) {
        return !hasBody || headers.containsKey("content-length") || isChunked(headers);
    }

    private static boolean isChunked(Map<String, String> headers) {
        return headers.getOrDefault("transfer-encoding", "").toLowerCase(Locale.ROOT).contains("chunked");
    }

    private static void writeError(OutputStream out, Fault.Status status, Exchange exchange) throws IOException {
        byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + status.errorCode()
                + "</Code><Message>injected by FaultProxy</Message></Error>").getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + status.code() + " Injected\r\nContent-Type: application/xml\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
        exchange.status = status.code();
    }

    /** Reads up to and including the blank line; null at a clean end of stream. */
    private static byte[] readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                if (head.size() == 0) {
                    return null;
                }
                throw new EOFException("connection closed inside an HTTP head");
            }
            head.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toByteArray();
    }

    private static String firstLine(byte[] head) {
        String text = new String(head, StandardCharsets.ISO_8859_1);
        return text.substring(0, text.indexOf("\r\n"));
    }

    private static Map<String, String> headers(byte[] head) {
        Map<String, String> headers = new LinkedHashMap<>();
        String[] lines = new String(head, StandardCharsets.ISO_8859_1).split("\r\n");
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
        }
        return headers;
    }

    private static Request parseRequest(byte[] head) {
        String[] requestLine = firstLine(head).split(" ");
        return new Request(requestLine[0], requestLine[1], headers(head));
    }

    /** Copies a body framed by Content-Length, chunked encoding (kept as is), or, for answers, the end of the stream. */
    private static void copyBody(InputStream in, Map<String, String> headers, ByteArrayOutputStream out,
                                 boolean untilEndIfUnframed) throws IOException {
        if (isChunked(headers)) {
            while (true) {
                String sizeLine = readLine(in, out);
                int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
                if (size == 0) {
                    while (!readLine(in, out).isEmpty()) {
                        // trailers
                    }
                    return;
                }
                out.write(in.readNBytes(size + 2)); // data and its CRLF
            }
        }
        String length = headers.get("content-length");
        if (length != null) {
            long n = Long.parseLong(length);
            byte[] bytes = in.readNBytes((int) n);
            if (bytes.length != n) {
                throw new EOFException("body ended early");
            }
            out.write(bytes);
        } else if (untilEndIfUnframed) {
            in.transferTo(out);
        }
    }

    private static String readLine(InputStream in, ByteArrayOutputStream copy) throws IOException {
        StringBuilder line = new StringBuilder();
        int previous = -1;
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("connection closed inside a chunk header");
            }
            copy.write(b);
            if (previous == '\r' && b == '\n') {
                return line.substring(0, line.length() - 1);
            }
            line.append((char) b);
            previous = b;
        }
    }

    @Override
    public void close() {
        closed.countDown();
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Socket socket : new ArrayList<>(sockets)) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        threads.shutdownNow();
    }
}
