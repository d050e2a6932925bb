package dev.graphfleet.shared;

import dev.graphfleet.graph.GraphEngine;
import dev.graphfleet.pool.DatabaseDefaults;
import dev.graphfleet.pool.GraphPool;
import dev.graphfleet.pool.MemoryGovernor;
import dev.graphfleet.repo.RepositoryName;
import dev.graphfleet.repo.Version;
import dev.graphfleet.repo.VersionRef;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * The repositories of a shared node, served within one memory budget: each attached repository is
 * its own read-only Database in the pool (the probe shows this engine cannot isolate several
 * ATTACHed databases), and the memory governor closes the least recently used when their buffer
 * pools together pass the budget.
 */
public final class SharedRepositories implements AutoCloseable {

    private final GraphPool pool;
    private final MemoryGovernor governor;
    private final AttachmentManager attachments;

    public SharedRepositories(GraphEngine engine, RepositorySource source, SharedRepositorySettings settings, Clock clock) {
        AtomicReference<AttachmentManager> manager = new AtomicReference<>();
        this.pool = new GraphPool(engine, new RepositoryCatalog(() -> manager.get().statuses()), settings.pool(),
                settings.memoryBudgetBytes());
        DatabaseDefaults defaults = settings.databaseDefaults();
        this.attachments = new AttachmentManager(pool, source, (name, file) -> defaults.specFor(name, file, null),
                settings.attach(), clock, settings.attachParallelism());
        manager.set(attachments);
        this.governor = new MemoryGovernor(pool, settings.memoryBudgetBytes(), settings.highWater());
        if (settings.pool().backgroundMaintenance()) {
            governor.start(settings.governorInterval());
        }
    }

    /** Versions in use: the repository cache never evicts these. */
    public Set<VersionRef> servingVersions() {
        return attachments.statuses().stream()
                .filter(status -> status.version() != null && Version.isValid(status.version()))
                .map(status -> new VersionRef(RepositoryName.of(status.repository()), Version.parse(status.version())))
                .collect(Collectors.toUnmodifiableSet());
    }

    public void attachAll(Collection<String> repositories) {
        repositories.forEach(RepositoryName::of); // every name is checked before anything starts
        attachments.attachAll(repositories);
    }

    public GraphPool pool() {
        return pool;
    }

    public MemoryGovernor governor() {
        return governor;
    }

    public AttachmentManager attachments() {
        return attachments;
    }

    /** Where the repository cache lives by default: on the data volume. */
    public static Path defaultCacheDir(Path dataDir) {
        return dataDir.resolve("repository-cache");
    }

    @Override
    public void close() {
        attachments.close();
        governor.close();
        pool.close();
    }
}
