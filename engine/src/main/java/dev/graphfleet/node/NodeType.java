package dev.graphfleet.node;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The role of a node, as written in config, tags and /health. */
public enum NodeType {
    /** Per-customer databases, read-write. */
    WRITER,
    /** Serves the shared repositories and takes their writes; snapshots are made from its volume. */
    SHARED_MASTER,
    /** A read-only copy of the master, booted from a snapshot; refuses writes (403). */
    SHARED_REPLICA;

    /** {@code writer}, {@code shared_master}, {@code shared_replica}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean readOnly() {
        return this == SHARED_REPLICA;
    }

    /** Parses a wire name; the error lists the valid ones. */
    public static NodeType parse(String text) {
        for (NodeType type : values()) {
            if (type.wireName().equals(text)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown node type '" + text + "': use one of "
                + Arrays.stream(values()).map(NodeType::wireName).collect(Collectors.joining(", ")));
    }
}
