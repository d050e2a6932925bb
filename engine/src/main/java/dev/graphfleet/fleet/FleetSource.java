package dev.graphfleet.fleet;

/**
 * Where a fleet is read from: a list of node URLs, an AWS account and environment, or the local
 * fleet. Each call reads the source afresh and returns one consistent, immutable picture.
 *
 * <p>{@link #snapshot()} never throws: an instance that does not answer is {@link Health#UNREACHABLE}
 * in the snapshot, and a source that cannot be read at all gives a snapshot with
 * {@code sourceReachable == false} and the reason. Implementations are safe to call from several
 * threads, and bound their own time (every remote call has a timeout).
 */
public interface FleetSource extends AutoCloseable {

    /** Reads the fleet now. */
    FleetSnapshot snapshot();

    /** What this source reads, for titles and logs, e.g. {@code nodes(3)} or {@code aws(prod, us-east-1)}. */
    String name();

    /** Releases clients and threads; the default holds none. */
    @Override
    default void close() {
    }
}
