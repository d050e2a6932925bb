package dev.graphfleet.graph;

import java.nio.file.Path;

/** One open Database object: its buffer pool, its file lock, the factory of its connections. */
public interface GraphDatabase extends AutoCloseable {

    Path file();

    boolean readOnly();

    GraphConnection connect(ConnectionSettings settings);

    /** Closes the Database; every connection of it must be closed first. Idempotent. */
    @Override
    void close();
}
