package dev.graphfleet.repo;

import dev.graphfleet.time.Sleeper;
import java.util.Objects;

/**
 * How {@link RepositoryFetcher} downloads: part size and number of parallel ranged reads, retries
 * per part, and the injected free-space probe, sleeper and boot id (which decides whether a download
 * must be flushed before it is installed; see {@link BootId}).
 */
public record FetchOptions(long partSizeBytes, int parallelism, RetryPolicy retry, FreeSpace freeSpace,
                           Sleeper sleeper, BootId bootId) {

    public static final long DEFAULT_PART_SIZE = 8L << 20;
    public static final int DEFAULT_PARALLELISM = 8;

    public FetchOptions {
        if (partSizeBytes < 1) {
            throw new IllegalArgumentException("fetch part size must be at least 1 byte (found " + partSizeBytes + ")");
        }
        if (parallelism < 1 || parallelism > 256) {
            throw new IllegalArgumentException("fetch parallelism must be 1 to 256 (found " + parallelism + ")");
        }
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(freeSpace, "freeSpace");
        Objects.requireNonNull(sleeper, "sleeper");
        Objects.requireNonNull(bootId, "bootId");
    }

    public static FetchOptions defaults() {
        return new FetchOptions(DEFAULT_PART_SIZE, DEFAULT_PARALLELISM, RetryPolicy.DEFAULT, FreeSpace.fileStore(),
                Sleeper.system(), BootId.system());
    }

    public FetchOptions withPartSize(long bytes) {
        return new FetchOptions(bytes, parallelism, retry, freeSpace, sleeper, bootId);
    }

    public FetchOptions withParallelism(int threads) {
        return new FetchOptions(partSizeBytes, threads, retry, freeSpace, sleeper, bootId);
    }

    public FetchOptions withRetry(RetryPolicy policy) {
        return new FetchOptions(partSizeBytes, parallelism, policy, freeSpace, sleeper, bootId);
    }

    public FetchOptions withFreeSpace(FreeSpace probe) {
        return new FetchOptions(partSizeBytes, parallelism, retry, probe, sleeper, bootId);
    }

    public FetchOptions withSleeper(Sleeper waits) {
        return new FetchOptions(partSizeBytes, parallelism, retry, freeSpace, waits, bootId);
    }

    public FetchOptions withBootId(BootId boot) {
        return new FetchOptions(partSizeBytes, parallelism, retry, freeSpace, sleeper, boot);
    }
}
