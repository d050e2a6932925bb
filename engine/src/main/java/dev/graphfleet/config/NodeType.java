package dev.graphfleet.config;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;

/** What a node is: a writer of customer databases, or the master or a replica of the shared repositories. */
public enum NodeType {
    WRITER("writer"),
    SHARED_MASTER("shared_master"),
    SHARED_REPLICA("shared_replica");

    private final String wireName;

    NodeType(String wireName) {
        this.wireName = wireName;
    }

    /** The name in config files, metrics, EC2 tags and the API. */
    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** Serves shared repositories under one memory budget. */
    public boolean isShared() {
        return this != WRITER;
    }

    /** Opens every database read-only and refuses writes. */
    public boolean isReadOnly() {
        return this == SHARED_REPLICA;
    }

    /** Parses a wire name; the error lists the valid ones. */
    public static NodeType parse(String text) {
        for (NodeType type : values()) {
            if (type.wireName.equals(text)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown node type '" + text + "': use one of " + String.join(", ", wireNames()));
    }

    public static List<String> wireNames() {
        return Arrays.stream(values()).map(NodeType::wireName).toList();
    }

    @Override
    public String toString() {
        return wireName;
    }
}
