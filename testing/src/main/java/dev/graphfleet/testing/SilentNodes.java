package dev.graphfleet.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Nodes that accept connections and never answer (a hung process, a full disk under I/O): one loopback server
 * socket that accepts everything and holds it open without reading or writing.
 */
public final class SilentNodes implements AutoCloseable {

    private final ServerSocket socket;
    private final List<Socket> held = new CopyOnWriteArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private final Thread acceptor;

    public SilentNodes() throws IOException {
        socket = new ServerSocket(0, 2048, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::acceptForever, "silent-nodes");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public URI add(String id) {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/" + id);
    }

    /** Connections accepted so far. */
    public int accepted() {
        return accepted.get();
    }

    private void acceptForever() {
        while (!socket.isClosed()) {
            try {
                held.add(socket.accept());
                accepted.incrementAndGet();
            } catch (IOException closed) {
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
        for (Socket s : held) {
            s.close();
        }
    }
}
