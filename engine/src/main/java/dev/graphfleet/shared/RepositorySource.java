package dev.graphfleet.shared;

/**
 * Brings a repository's current version into the local cache (download, verify, atomic rename)
 * and reports progress. Implemented over the repository store's fetcher.
 */
public interface RepositorySource {

    FetchedRepository fetch(String name, Progress progress) throws Exception;

    /** Progress callbacks; called from the fetching thread. */
    interface Progress {
        void phase(AttachPhase phase);

        void bytes(long done, long total);
    }
}
