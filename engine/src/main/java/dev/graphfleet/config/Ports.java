package dev.graphfleet.config;

/**
 * The TCP port range, written once for the config's rule, the node and the command lines: a node listens
 * on 0..65535 (0 asks the system for a free port) and is reached on 1..65535. Each caller words its own
 * message (an option, a config path) around the range.
 */
public final class Ports {

    /** The lowest port to listen on: 0 picks a free one. */
    public static final int LOWEST_LISTEN = 0;
    /** The lowest port a node can be reached on. */
    public static final int LOWEST = 1;
    public static final int HIGHEST = 65_535;
    /** As messages write the range to listen on: {@code 0..65535}. */
    public static final String LISTEN_RANGE = LOWEST_LISTEN + ".." + HIGHEST;
    /** As messages write the range to connect to: {@code 1..65535}. */
    public static final String CONNECT_RANGE = LOWEST + ".." + HIGHEST;

    private Ports() {
    }

    public static boolean canListenOn(int port) {
        return port >= LOWEST_LISTEN && port <= HIGHEST;
    }

    public static boolean canConnectTo(int port) {
        return port >= LOWEST && port <= HIGHEST;
    }
}
