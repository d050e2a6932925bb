package dev.graphfleet.node;

import dev.graphfleet.shared.AttachPhase;
import dev.graphfleet.shared.SharedRepositories;
import java.util.List;
import java.util.Locale;

/** The node's view of a shared node's attachments: answered from memory, never by I/O. */
public final class SharedAttachments {

    private SharedAttachments() {
    }

    public static AttachmentStatus of(SharedRepositories shared) {
        return new AttachmentStatus() {
            @Override
            public List<AttachmentProgress> attachments() {
                return shared.attachments().statuses().stream().map(s -> new AttachmentProgress(s.repository(),
                        s.phase().name().toLowerCase(Locale.ROOT), s.version(), s.bytesDone(), s.bytesTotal(), s.attempts(),
                        s.lastError(), s.updatedAt(), s.versionCreatedAt())).toList();
            }

            /** One volatile read: the query path asks this for every answer. */
            @Override
            public java.util.Optional<String> versionOf(String repository) {
                return shared.attachments().servingVersion(repository);
            }

            @Override
            public java.util.Optional<dev.graphfleet.shared.ServedVersion> served(String repository) {
                return shared.attachments().served(repository);
            }

            /** Ready only when every repository serves: a load balancer must not send queries before. */
            @Override
            public boolean ready() {
                return shared.attachments().statuses().stream().allMatch(s -> s.phase() == AttachPhase.ATTACHED);
            }
        };
    }
}
