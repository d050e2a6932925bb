package dev.graphfleet.shared;

import dev.graphfleet.graph.DatabaseNames;
import dev.graphfleet.pool.DatabaseCatalog;
import dev.graphfleet.pool.DatabaseSpec;
import dev.graphfleet.pool.UnknownDatabaseException;
import java.util.List;
import java.util.function.Supplier;

/**
 * The databases of a shared node: its repositories. They enter the pool when attached (the
 * attachment manager retargets the pool to each fetched file); before that, a query is told where
 * the repository is on its way.
 */
public final class RepositoryCatalog implements DatabaseCatalog {

    private final Supplier<List<AttachmentStatus>> statuses;

    public RepositoryCatalog(Supplier<List<AttachmentStatus>> statuses) {
        this.statuses = statuses;
    }

    @Override
    public DatabaseSpec spec(String name) {
        DatabaseNames.requireValid(name);
        AttachmentStatus status = statuses.get().stream().filter(s -> s.repository().equals(name)).findFirst()
                .orElseThrow(() -> new UnknownDatabaseException("no repository " + name + " on this node"));
        throw new UnknownDatabaseException("repository " + name + " is not attached yet (" + status.phase()
                .name().toLowerCase() + (status.lastError() == null ? "" : ": " + status.lastError()) + ")");
    }

    @Override
    public List<String> names() {
        return statuses.get().stream().filter(s -> s.phase() == AttachPhase.ATTACHED || s.version() != null)
                .map(AttachmentStatus::repository).sorted().toList();
    }
}
