package dev.graphfleet.shared;

import dev.graphfleet.repo.FetchListener;
import dev.graphfleet.repo.FetchProgress;
import dev.graphfleet.repo.FetchResult;
import dev.graphfleet.repo.RepositoryFetcher;
import dev.graphfleet.repo.Manifest;
import dev.graphfleet.repo.RepositoryName;
import dev.graphfleet.repo.RepositoryStore;
import dev.graphfleet.repo.Version;

/** Repositories from a store (S3 or a directory), through the verified, resumable fetcher. */
public final class StoreRepositorySource implements RepositorySource {

    private final RepositoryStore store;
    private final RepositoryFetcher fetcher;

    public StoreRepositorySource(RepositoryStore store, RepositoryFetcher fetcher) {
        this.store = store;
        this.fetcher = fetcher;
    }

    @Override
    public FetchedRepository fetch(String name, String version, Progress progress) throws Exception {
        progress.phase(AttachPhase.DOWNLOADING);
        RepositoryName repository = RepositoryName.of(name);
        Manifest manifest = version == null ? store.current(repository) : store.manifest(repository, Version.parse(version));
        FetchResult result = fetcher.fetch(manifest, new FetchListener() {
            private FetchProgress.Phase last = FetchProgress.Phase.DOWNLOADING;

            @Override
            public void onProgress(FetchProgress p) {
                progress.bytes(p.bytesDone(), p.bytesTotal());
                if (p.phase() == FetchProgress.Phase.VERIFYING && last != FetchProgress.Phase.VERIFYING) {
                    progress.phase(AttachPhase.VERIFYING);
                }
                last = p.phase();
            }
        });
        return new FetchedRepository(name, result.manifest().version().toString(), result.file(),
                result.manifest().sizeBytes(), result.manifest().createdAt());
    }

    @Override
    public String latestVersion(String name) throws Exception {
        return store.current(RepositoryName.of(name)).version().toString();
    }

    @Override
    public void requireVersion(String name, String version) throws Exception {
        store.manifest(RepositoryName.of(name), Version.parse(version));
    }
}
