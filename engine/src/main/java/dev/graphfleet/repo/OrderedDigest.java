package dev.graphfleet.repo;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * The sha256 of a file whose parts complete out of order, computed while the rest downloads:
 * whenever the next part in order is on disk, the thread that finished a part reads it back and
 * hashes it (one thread at a time; the others go on downloading). So the check at the end costs
 * only the parts that completed last, not a second pass over the whole file.
 */
final class OrderedDigest {

    private final FileChannel file;
    private final List<PartPlan.Part> parts;
    private final boolean[] complete;
    private final MessageDigest digest = Sha256.newDigest();
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
    private int next;
    private boolean hashing;
    private long hashedBytes;

    OrderedDigest(FileChannel file, List<PartPlan.Part> parts) {
        this.file = file;
        this.parts = parts;
        this.complete = new boolean[parts.size()];
    }

    /** A part an earlier fetch left on disk; hashed once a thread starts hashing. */
    synchronized void resumed(int index) {
        complete[index] = true;
    }

    /** A part whose bytes were just written; this thread hashes what is ready unless another already does. */
    void completed(int index) throws IOException {
        synchronized (this) {
            complete[index] = true;
            if (hashing) {
                return; // the thread that is hashing will reach this part
            }
            hashing = true;
        }
        hashReady(bytes -> { });
    }

    /** Hashes what is left (every part must be complete) and returns the hex digest. */
    String finish(LongConsumer progress) throws IOException {
        synchronized (this) {
            if (hashing) {
                throw new IllegalStateException("a part is still being hashed");
            }
            hashing = true;
        }
        hashReady(progress);
        synchronized (this) {
            if (next != parts.size()) {
                throw new IllegalStateException("part " + next + " never completed");
            }
            return Sha256.hex(digest.digest());
        }
    }

    synchronized long hashedBytes() {
        return hashedBytes;
    }

    private void hashReady(LongConsumer progress) throws IOException {
        try {
            while (true) {
                PartPlan.Part part;
                synchronized (this) {
                    if (next >= parts.size() || !complete[next]) {
                        hashing = false;
                        return;
                    }
                    part = parts.get(next);
                }
                hash(part, progress); // outside the lock: the digest and buffer belong to the hashing thread
                synchronized (this) {
                    next++;
                    hashedBytes += part.length();
                }
            }
        } catch (IOException | RuntimeException e) {
            synchronized (this) {
                hashing = false;
            }
            throw e;
        }
    }

    private void hash(PartPlan.Part part, LongConsumer progress) throws IOException {
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
            progress.accept(n);
        }
    }
}
