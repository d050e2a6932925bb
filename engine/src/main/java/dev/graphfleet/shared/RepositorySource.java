package dev.graphfleet.shared;

/**
 * Brings a repository's current version into the local cache (download, verify, atomic rename)
 * and reports progress. Implemented over the repository store's fetcher.
 */
public interface RepositorySource {

    /** Fetches {@code version} of the repository, or the store's current one when it is null. */
    FetchedRepository fetch(String name, String version, Progress progress) throws Exception;

    /** Progress callbacks; called from the fetching thread. */
    interface Progress {
        void phase(AttachPhase phase);

        void bytes(long done, long total);
    }
}
