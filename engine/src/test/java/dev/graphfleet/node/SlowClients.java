package dev.graphfleet.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Hostile clients on loopback: each connection sends complete headers announcing a body of 1,000
 * bytes, then trickles it a byte per {@link #tick()}. A connection the node closes is opened again
 * (at most once per {@link #REOPEN_EVERY}: a slow client, not a connection flood), so the pressure
 * stays; the status line of every answer received is counted. Non-blocking sockets: one test thread
 * drives them all.
 */
final class SlowClients implements AutoCloseable {

    static final Duration REOPEN_EVERY = Duration.ofSeconds(1);

    private final InetSocketAddress address;
    private final String apiKey;
    private final List<Client> clients = new ArrayList<>();
    private final Map<String, Integer> answers = new TreeMap<>();
    private int reconnects;

    /** @param withKey how many of {@code count} send the right key; the others send none */
    SlowClients(URI node, String apiKey, int count, int withKey) {
        this.address = new InetSocketAddress(node.getHost(), node.getPort());
        this.apiKey = apiKey;
        for (int i = 0; i < count; i++) {
            clients.add(new Client(i < withKey));
        }
        clients.forEach(Client::open);
    }

    /** One more body byte on every connection; reads what the node answered and reopens closed ones. */
    void tick() {
        for (Client client : clients) {
            client.tick();
        }
    }

    /** Status lines received so far, e.g. {@code {"401": 500, "408": 500}}. */
    synchronized Map<String, Integer> answers() {
        return new TreeMap<>(answers);
    }

    int reconnects() {
        return reconnects;
    }

    @Override
    public void close() {
        clients.forEach(Client::closeQuietly);
    }

    private synchronized void answered(String status) {
        answers.merge(status, 1, Integer::sum);
    }

    private final class Client {
        private final boolean keyed;
        private SocketChannel channel;
        private long openedAt;
        private final StringBuilder received = new StringBuilder();

        Client(boolean keyed) {
            this.keyed = keyed;
        }

        void open() {
            try {
                openedAt = System.nanoTime();
                channel = SocketChannel.open(address);
                channel.configureBlocking(false);
                String headers = "POST /databases/people/query HTTP/1.1\r\nHost: localhost\r\n"
                        + "Content-Type: application/json\r\nContent-Length: 1000\r\n"
                        + (keyed ? "X-Graph-API-Key: " + apiKey + "\r\n" : "") + "\r\n{";
                write(headers.getBytes(StandardCharsets.US_ASCII));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot connect to the node", e);
            }
        }

        void tick() {
            if (channel.isOpen()) {
                try {
                    read();
                    if (channel.isOpen()) {
                        write(new byte[] {' '});
                    }
                } catch (IOException e) {
                    finish();
                }
            }
            if (!channel.isOpen() && System.nanoTime() - openedAt >= REOPEN_EVERY.toNanos()) {
                reconnects++;
                received.setLength(0);
                open();
            }
        }

        private void read() throws IOException {
            ByteBuffer buffer = ByteBuffer.allocate(4096);
            int n;
            while ((n = channel.read(buffer)) > 0) {
                received.append(new String(buffer.array(), 0, n, StandardCharsets.ISO_8859_1));
                buffer.clear();
            }
            if (n < 0) {
                finish();
            }
        }

        private void finish() {
            if (received.length() >= 12 && received.substring(0, 9).equals("HTTP/1.1 ")) {
                answered(received.substring(9, 12));
            } else {
                answered("closed without an answer");
            }
            received.setLength(0);
            closeQuietly();
        }

        private void write(byte[] bytes) throws IOException {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                if (channel.write(buffer) == 0) {
                    return; // the node is not reading: fine, that is the point
                }
            }
        }

        void closeQuietly() {
            try {
                channel.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }
}
