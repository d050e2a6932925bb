package dev.graphfleet.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * Free loopback ports, chosen before the nodes start: a node keeps its port across its restarts (the
 * console, {@code fleet status} and its peers keep its URL), and the replicas' peers are known up front.
 */
final class FreePorts {

    private FreePorts() {
    }

    /** {@code count} distinct ports, each free when this returns (all held open together, then released). */
    static List<Integer> take(int count) {
        List<ServerSocket> held = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                socket.setReuseAddress(true);
                held.add(socket);
            }
            return held.stream().map(ServerSocket::getLocalPort).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find " + count + " free loopback ports: " + e.getMessage(), e);
        } finally {
            for (ServerSocket socket : held) {
                try {
                    socket.close();
                } catch (IOException e) {
                    // released either way
                }
            }
        }
    }
}
