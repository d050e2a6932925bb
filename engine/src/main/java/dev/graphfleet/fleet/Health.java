package dev.graphfleet.fleet;

/**
 * How an instance is doing, as far as the source can tell.
 *
 * <ul>
 *   <li>{@code HEALTHY}: it answers and says it is ready (or the load balancer says healthy);
 *   <li>{@code UNHEALTHY}: it answers but is not ready (starting, stopping, failing checks);
 *   <li>{@code UNREACHABLE}: it did not answer in time, or refused the connection;
 *   <li>{@code UNKNOWN}: nothing says either way (not probed, or an answer we could not read).
 * </ul>
 */
public enum Health {
    HEALTHY, UNHEALTHY, UNREACHABLE, UNKNOWN;

    /** Lower case, as tables and JSON show it. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
