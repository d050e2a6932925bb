package dev.graphfleet.repo;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Puts parts that download in parallel into the partial file in order, through one writer that
 * hashes each chunk as it writes it: the sha256 is done when the last byte is on disk, with no
 * second read, and the file is written front to back by one thread, as a plain download writes
 * it (parallel positional writes into one file contend for its inode in the kernel).
 *
 * <p>Downloaders hand over chunks of a part as they arrive; the writer takes the part at the
 * front as it streams in and holds the next parts, up to {@code window} from the front, in memory
 * until their turn. A part further ahead (the front is slow) is written at its place by its own
 * downloader instead, so no part waits behind a slow one and memory stays bounded; the writer
 * reads it back and hashes it when it gets there, as it does parts an earlier fetch left on disk.
 * Thread-safe: any number of downloaders, one writer.
 */
final class PartAssembler {

    /** Told when a downloaded part's bytes are in the file, so the journal can record it. */
    interface Written {
        void part(int index) throws IOException;
    }

    private final FileChannel file;
    private final List<PartPlan.Part> parts;
    private final BitSet onDisk;
    private final int window;
    private final int chunkSize;
    private final MessageDigest digest = Sha256.newDigest();
    private final List<ArrayDeque<Chunk>> queued;
    private final BitSet delivered;
    private final BitSet abandoned;
    private final BitSet spilling;
    private final ArrayDeque<byte[]> spare = new ArrayDeque<>();
    private int front;
    private boolean failed;
    private boolean stopped;

    /**
     * @param onDisk parts an earlier fetch completed: read back from {@code file}, not downloaded
     * @param window how many parts from the front go through the writer (and may be held in memory)
     */
    PartAssembler(FileChannel file, List<PartPlan.Part> parts, BitSet onDisk, int window, int chunkSize) {
        if (window < 1 || chunkSize < 1) {
            throw new IllegalArgumentException("window " + window + " and chunk size " + chunkSize + " must be positive");
        }
        this.file = file;
        this.parts = parts;
        this.onDisk = (BitSet) onDisk.clone();
        this.window = window;
        this.chunkSize = chunkSize;
        this.queued = new ArrayList<>(parts.size());
        for (int i = 0; i < parts.size(); i++) {
            queued.add(new ArrayDeque<>());
        }
        this.delivered = new BitSet(parts.size());
        this.abandoned = new BitSet(parts.size());
        this.spilling = new BitSet(parts.size());
    }

    /** How a downloader handles a part: see {@link #start}. */
    enum Route {
        /** Hand the chunks to the writer ({@link #accept}, {@link #delivered}). */
        HOLD,
        /** Write the part to the file yourself, record it, then say {@link #spilled}. */
        SPILL,
        /** A part failed or the assembly stopped: do not start this part. */
        SKIP
    }

    /**
     * How part {@code index} goes to the file: through the writer when it is within the window of
     * the front, else written at its place by its downloader (the front is slow: later parts are not
     * held up behind it, and memory stays bounded); the writer then hashes it from the file.
     */
    synchronized Route start(int index) {
        if (failed || stopped) {
            return Route.SKIP;
        }
        if (index < front + window) {
            return Route.HOLD;
        }
        spilling.set(index);
        return Route.SPILL;
    }

    /** Part {@code index}, routed {@link Route#SPILL}, is written whole at its place and recorded. */
    synchronized void spilled(int index) {
        onDisk.set(index);
        notifyAll();
    }

    /** An empty chunk to fill; hand it back with {@link #accept}. */
    synchronized byte[] chunk() {
        byte[] chunk = spare.poll();
        return chunk != null ? chunk : new byte[chunkSize];
    }

    /** The next {@code length} bytes of part {@code index}, in order. */
    synchronized void accept(int index, byte[] chunk, int length) {
        queued.get(index).add(new Chunk(chunk, length));
        notifyAll();
    }

    /** Every byte of part {@code index} has been handed over. */
    synchronized void delivered(int index) {
        delivered.set(index);
        notifyAll();
    }

    /**
     * Part {@code index} will not be delivered or spilled whole (it failed, or was never started); when it
     * failed, no further part starts. The writer stops there; parts already under way finish.
     */
    synchronized void abandoned(int index, boolean failure) {
        abandoned.set(index);
        failed |= failure;
        notifyAll();
    }

    /** Stops the assembly at once (interrupted, or the writer failed): waiting threads return. */
    synchronized void stop() {
        stopped = true;
        notifyAll();
    }

    /**
     * Writes and hashes the parts in order, telling {@code written} each downloaded part once its
     * bytes are written; returns true when all are on disk, false when it reached an abandoned part
     * or was stopped.
     */
    boolean writeInOrder(Written written) throws IOException, InterruptedException {
        ByteBuffer readBack = null;
        while (true) {
            PartPlan.Part part;
            synchronized (this) {
                if (front == parts.size()) {
                    return true;
                }
                part = parts.get(front);
            }
            Boolean fromDisk = awaitRoute(part.index());
            if (fromDisk == null) {
                return false;
            }
            if (fromDisk) {
                if (readBack == null) {
                    readBack = ByteBuffer.allocateDirect(chunkSize);
                }
                hashFromDisk(part, readBack);
            } else if (writeDownloaded(part)) {
                written.part(part.index());
            } else {
                return false;
            }
            synchronized (this) {
                front++;
                notifyAll();
            }
        }
    }

    /**
     * Whether part {@code index} is to be read back from the file (left by an earlier fetch, or
     * spilled: waits until it is written whole), false when it comes through the writer, null when
     * it was abandoned or the assembly stopped.
     */
    private synchronized Boolean awaitRoute(int index) throws InterruptedException {
        while (spilling.get(index) && !onDisk.get(index) && !abandoned.get(index) && !stopped) {
            wait();
        }
        if (onDisk.get(index)) {
            return true;
        }
        return spilling.get(index) || stopped ? null : false;
    }

    /** True once the whole part is written; false when it was abandoned or the assembly stopped. */
    private boolean writeDownloaded(PartPlan.Part part) throws IOException, InterruptedException {
        int index = part.index();
        long position = part.offset();
        while (true) {
            Chunk chunk;
            synchronized (this) {
                while (queued.get(index).isEmpty() && !delivered.get(index) && !abandoned.get(index) && !stopped) {
                    wait();
                }
                if (stopped) {
                    return false;
                }
                chunk = queued.get(index).poll();
                if (chunk == null) {
                    return delivered.get(index);
                }
            }
            digest.update(chunk.bytes, 0, chunk.length);
            position = writeAt(chunk, position);
            synchronized (this) {
                spare.push(chunk.bytes);
            }
        }
    }

    /**
     * After {@link #writeInOrder} returned false and no downloader runs any more: writes the parts
     * beyond the front that were downloaded whole (each at its place) and tells {@code written}, so
     * a later fetch resumes with them instead of downloading them again.
     */
    synchronized void writeHeldParts(Written written) throws IOException {
        for (int i = front + 1; i < parts.size(); i++) {
            if (!delivered.get(i) || onDisk.get(i) || spilling.get(i)) {
                continue;
            }
            long position = parts.get(i).offset();
            for (Chunk chunk : queued.get(i)) {
                position = writeAt(chunk, position);
            }
            queued.get(i).clear();
            written.part(i);
        }
    }

    private long writeAt(Chunk chunk, long position) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(chunk.bytes, 0, chunk.length);
        while (bytes.hasRemaining()) {
            position += file.write(bytes, position);
        }
        return position;
    }

    /** The hex sha256 of the whole file; only once {@link #writeInOrder} returned true. */
    String sha256() {
        return Sha256.hex(digest.digest());
    }

    private void hashFromDisk(PartPlan.Part part, ByteBuffer buffer) throws IOException {
        long position = part.offset();
        long end = part.offset() + part.length();
        while (position < end) {
            buffer.clear().limit((int) Math.min(buffer.capacity(), end - position));
            int n = file.read(buffer, position);
            if (n < 0) {
                throw new IOException("the download file ended at " + position + " before " + end);
            }
            buffer.flip();
            digest.update(buffer);
            position += n;
        }
    }

    private record Chunk(byte[] bytes, int length) {
    }
}
