package dev.graphfleet.node;

import dev.graphfleet.shared.AttachPhase;
import dev.graphfleet.shared.RepositoryRefresher;
import dev.graphfleet.shared.SharedRepositories;
import java.util.List;
import java.util.Locale;

/** The node's view of a shared node's attachments: answered from memory, never by I/O. */
public final class SharedAttachments {

    private SharedAttachments() {
    }

    public static AttachmentSource of(SharedRepositories shared) {
        return of(shared, null);
    }

    /** With {@code refresher} (null: none), each repository also shows its target and whether it is pinned. */
    public static AttachmentSource of(SharedRepositories shared, RepositoryRefresher refresher) {
        return new AttachmentSource() {
            @Override
            public List<AttachmentProgress> attachments() {
                return shared.attachments().statuses().stream().map(s -> new AttachmentProgress(s.repository(),
                        s.phase().name().toLowerCase(Locale.ROOT), s.version(), s.bytesDone(), s.bytesTotal(), s.attempts(),
                        s.lastError(), s.updatedAt(), s.versionCreatedAt(),
                        refresher == null ? null : refresher.target(s.repository()).orElse(s.version()),
                        refresher == null ? null : refresher.pinned(s.repository()))).toList();
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

            @Override
            public RepositoryRefresher.PollStatus refresh() {
                return refresher == null ? null : refresher.lastPoll();
            }

            /**
             * Ready only when every repository serves a version: a load balancer must not send queries before.
             * A repository moving to another version (or whose move failed) still serves its old one, so a
             * refresh in place, which every replica's poller may start at once, never takes a group out.
             */
            @Override
            public boolean ready() {
                return shared.attachments().statuses().stream()
                        .allMatch(s -> s.phase() == AttachPhase.ATTACHED || s.version() != null);
            }
        };
    }
}
