package dev.graphfleet.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Nodes that accept connections and never answer (a hung process, a full disk under I/O): one loopback server
 * socket that accepts everything and holds it open without writing. What the client sends is read and dropped,
 * and a connection the client gave up on is closed here too, so a scan of thousands of silent nodes does not
 * leave thousands of open sockets behind (one selector thread, no thread per connection).
 */
public final class SilentNodes implements AutoCloseable {

    private final ServerSocketChannel server;
    private final Selector selector;
    private final AtomicInteger accepted = new AtomicInteger();
    private final Thread loop;
    private volatile boolean closing;

    public SilentNodes() throws IOException {
        server = ServerSocketChannel.open();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 2048);
        server.configureBlocking(false);
        selector = Selector.open();
        server.register(selector, SelectionKey.OP_ACCEPT);
        loop = new Thread(this::serveForever, "silent-nodes");
        loop.setDaemon(true);
        loop.start();
    }

    public URI add(String id) {
        return URI.create("http://127.0.0.1:" + server.socket().getLocalPort() + "/" + id);
    }

    /** Connections accepted so far. */
    public int accepted() {
        return accepted.get();
    }

    private void serveForever() {
        ByteBuffer sink = ByteBuffer.allocate(8192);
        try {
            while (!closing) {
                selector.select();
                for (SelectionKey key : selector.selectedKeys()) {
                    if (key.isValid() && key.isAcceptable()) {
                        acceptAll();
                    } else if (key.isValid() && key.isReadable()) {
                        drain((SocketChannel) key.channel(), key, sink);
                    }
                }
                selector.selectedKeys().clear();
            }
        } catch (IOException e) {
            // the server socket failed: stop, as a closed server would
        } finally {
            closeEverything();
        }
    }

    private void closeEverything() {
        for (SelectionKey key : selector.keys()) {
            closeQuietly(key.channel());
        }
        closeQuietly(selector);
        closeQuietly(server);
    }

    private static void closeQuietly(java.io.Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    private void acceptAll() throws IOException {
        for (SocketChannel client; (client = server.accept()) != null; ) {
            client.configureBlocking(false);
            client.register(selector, SelectionKey.OP_READ);
            accepted.incrementAndGet();
        }
    }

    /** Reads and drops the request; when the client has closed its end, closes ours. */
    private static void drain(SocketChannel client, SelectionKey key, ByteBuffer sink) {
        try {
            int n;
            do {
                sink.clear();
                n = client.read(sink);
            } while (n > 0);
            if (n < 0) {
                key.cancel();
                client.close();
            }
        } catch (IOException reset) {
            key.cancel();
            closeQuietly(client);
        }
    }

    /** Closes the server and every connection it holds (the selector thread does, then ends). */
    @Override
    public void close() {
        closing = true;
        selector.wakeup();
        try {
            loop.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
