package dev.graphfleet.shared;

/**
 * Brings a repository's current version into the local cache (download, verify, atomic rename)
 * and reports progress. Implemented over the repository store's fetcher.
 */
public interface RepositorySource {

    /** Fetches {@code version} of the repository, or the store's current one when it is null. */
    FetchedRepository fetch(String name, String version, Progress progress) throws Exception;

    /**
     * The version the store's current pointer names now (a read of the store, nothing downloaded): what
     * a node following its store serves.
     */
    default String latestVersion(String name) throws Exception {
        throw new UnsupportedOperationException("this source cannot say its latest version");
    }

    /** Throws {@link dev.graphfleet.repo.RepositoryException} NOT_FOUND when {@code version} is not in the store. */
    default void requireVersion(String name, String version) throws Exception {
        throw new UnsupportedOperationException("this source cannot look up a version");
    }

    /** Progress callbacks; called from the fetching thread. */
    interface Progress {
        void phase(AttachPhase phase);

        void bytes(long done, long total);
    }
}
