package dev.graphfleet.volume.monitor;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/** Reads an instance's data volume from the node itself. */
@FunctionalInterface
public interface InstanceVolumeReader {

    /** The reading, or an exception whose message says why the node did not give one. */
    DiskReading read(WatchedInstance instance) throws Exception;

    /**
     * The same, without holding a thread while the node keeps us waiting (the HTTP reader overrides this), so
     * that all dead nodes of a fleet wait at the same time. Cancelling the future abandons the read. This
     * default runs {@link #read} on {@code executor}.
     */
    default CompletableFuture<DiskReading> readAsync(WatchedInstance instance, Executor executor) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return read(instance);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }, executor);
    }
}
