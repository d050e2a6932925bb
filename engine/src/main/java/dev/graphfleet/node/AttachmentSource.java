package dev.graphfleet.node;

import java.util.List;

/**
 * The node's view of its shared-repository attachments; the shared-repository work implements it.
 * Called on request threads and by /metrics: answer from memory, never by doing I/O.
 */
public interface AttachmentSource {

    /** A node without shared repositories (a writer). */
    AttachmentSource NONE = List::of;

    List<AttachmentProgress> attachments();

    /** The version {@code repository} serves, if it is a repository; read on every query, so keep it cheap. */
    default java.util.Optional<String> versionOf(String repository) {
        return attachments().stream().filter(a -> a.repository().equals(repository) && a.version() != null)
                .map(AttachmentProgress::version).findFirst();
    }

    /**
     * The version {@code repository} serves and when it was published; read on every query, so keep it
     * cheap. The default knows no publication time.
     */
    default java.util.Optional<dev.graphfleet.shared.ServedVersion> served(String repository) {
        return versionOf(repository).map(v -> new dev.graphfleet.shared.ServedVersion(v, null));
    }

    /** The store poller's last round (refresh in place), or null on a node that does not follow a store. */
    default dev.graphfleet.shared.RepositoryRefresher.PollStatus refresh() {
        return null;
    }

    /** False while the node must not take traffic yet (e.g. its repositories are still attaching). */
    default boolean ready() {
        return true;
    }
}
