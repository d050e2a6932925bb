package dev.graphfleet.node;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Checks {@code GET /health} the way a load balancer does: one keep-alive connection, one request
 * at a time, a plain blocking socket (no client library threads between the test and the node).
 */
final class HealthProbe implements AutoCloseable {

    private static final byte[] REQUEST = "GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final URI node;
    private Socket socket;

    HealthProbe(URI node) {
        this.node = node;
    }

    /** The status of one check; the connection is reopened if the node closed it. */
    int check() {
        try {
            if (socket == null || socket.isClosed()) {
                socket = new Socket(node.getHost(), node.getPort());
                socket.setTcpNoDelay(true);
                socket.setSoTimeout(30_000);
            }
            OutputStream out = socket.getOutputStream();
            out.write(REQUEST);
            out.flush();
            return readAnswer(socket.getInputStream());
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("the health check failed", e);
        }
    }

    private int readAnswer(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) { // up to the blank line after the headers
            int b = in.read();
            if (b < 0) {
                throw new IOException("the node closed the connection mid-answer");
            }
            head.write(b);
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
                    ? matched + 1 : 0;
        }
        String headers = head.toString(StandardCharsets.ISO_8859_1);
        int length = 0;
        for (String line : headers.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring("content-length:".length()).trim());
            }
        }
        if (in.readNBytes(length).length < length) {
            throw new IOException("the node closed the connection mid-body");
        }
        return Integer.parseInt(headers.substring(9, 12));
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
            socket = null;
        }
    }
}
