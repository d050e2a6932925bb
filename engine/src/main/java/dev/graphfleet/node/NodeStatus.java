package dev.graphfleet.node;

import dev.graphfleet.config.NodeType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Who the node is and where it is in its life: starting, ready, stopping. */
final class NodeStatus {

    private final String nodeId;
    private final NodeType type;
    private final Clock clock;
    private final Instant startedAt;
    private final AttachmentSource attachments;
    private volatile boolean serving;
    private volatile boolean stopping;

    NodeStatus(String nodeId, NodeType type, Clock clock, AttachmentSource attachments) {
        this.nodeId = nodeId;
        this.type = type;
        this.clock = clock;
        this.startedAt = clock.instant();
        this.attachments = attachments;
    }

    String nodeId() {
        return nodeId;
    }

    NodeType type() {
        return type;
    }

    AttachmentSource attachments() {
        return attachments;
    }

    Instant startedAt() {
        return startedAt;
    }

    long uptimeSeconds() {
        return Math.max(0, Duration.between(startedAt, clock.instant()).toSeconds());
    }

    void serving() {
        serving = true;
    }

    void stopping() {
        stopping = true;
    }

    boolean isStopping() {
        return stopping;
    }

    /** Ready: listening, not stopping, and the attachments say so. */
    boolean ready() {
        return serving && !stopping && attachments.ready();
    }

    /** {@code ready}, {@code starting} or {@code shutting_down}. */
    String state() {
        if (stopping) {
            return "shutting_down";
        }
        return ready() ? "ready" : "starting";
    }
}
