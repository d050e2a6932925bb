package dev.graphfleet.repo;

/**
 * Where a fetch is: the phase and its bytes done of total. While downloading, bytes are the
 * version's bytes on disk (a resumed fetch starts above zero); while verifying, bytes hashed.
 */
public record FetchProgress(VersionRef ref, Phase phase, long bytesDone, long bytesTotal) {

    public enum Phase { DOWNLOADING, VERIFYING, DONE }

    /** 0..1, and 1 for an empty object. */
    public double fraction() {
        return bytesTotal == 0 ? 1.0 : (double) bytesDone / bytesTotal;
    }
}
