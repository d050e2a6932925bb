package dev.graphfleet.repo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One writer puts parts that arrive out of order into the file in order and hashes them as it
 * writes; a part beyond the window is written by its downloader and, like a part left by an
 * earlier fetch, hashed from the file; after a failure the writer stops at the failed part and
 * parts downloaded whole are kept.
 */
class PartAssemblerTest {

    private static final int PART = 10;
    private static final int CHUNK = 4;

    @TempDir
    Path dir;
    private final byte[] object = new byte[3 * PART - 3]; // the last part is shorter
    private final List<PartPlan.Part> parts = PartPlan.split(object.length, PART);
    private final List<Integer> written = new CopyOnWriteArrayList<>();
    private FileChannel file;
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @BeforeEach
    void open() throws Exception {
        for (int i = 0; i < object.length; i++) {
            object[i] = (byte) (i * 31 + 7);
        }
        file = FileChannel.open(dir.resolve("data.kuzu.partial"), StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
    }

    @AfterEach
    void close() throws Exception {
        threads.shutdownNow();
        file.close();
    }

    private PartAssembler assembler(BitSet onDisk, int window) {
        return new PartAssembler(file, parts, onDisk, window, CHUNK);
    }

    /** Hands over part {@code index} in chunks, as a downloader does. */
    private void deliver(PartAssembler assembler, int index) {
        PartPlan.Part part = parts.get(index);
        for (long at = part.offset(); at < part.offset() + part.length(); at += CHUNK) {
            byte[] chunk = assembler.chunk();
            int length = (int) Math.min(CHUNK, part.offset() + part.length() - at);
            System.arraycopy(object, (int) at, chunk, 0, length);
            assembler.accept(index, chunk, length);
        }
        assembler.delivered(index);
    }

    private byte[] fileBytes() throws Exception {
        return Files.readAllBytes(dir.resolve("data.kuzu.partial"));
    }

    @Test
    void partsArrivingOutOfOrderAreWrittenInOrderAndHashedAsWritten() throws Exception {
        PartAssembler assembler = assembler(new BitSet(), 3);
        deliver(assembler, 2);
        deliver(assembler, 0);
        deliver(assembler, 1);

        assertThat(assembler.writeInOrder(written::add)).isTrue();

        assertThat(written).containsExactly(0, 1, 2);
        assertThat(fileBytes()).isEqualTo(object);
        assertThat(assembler.sha256()).isEqualTo(Sha256.hex(Sha256.newDigest().digest(object)));
    }

    @Test
    void aPartLeftByAnEarlierFetchIsHashedFromTheFileAndNotRecordedAgain() throws Exception {
        file.write(java.nio.ByteBuffer.wrap(object, PART, PART), PART);
        BitSet onDisk = new BitSet();
        onDisk.set(1);
        PartAssembler assembler = assembler(onDisk, 3);
        deliver(assembler, 0);
        deliver(assembler, 2);

        assertThat(assembler.writeInOrder(written::add)).isTrue();

        assertThat(written).containsExactly(0, 2);
        assertThat(fileBytes()).isEqualTo(object);
        assertThat(assembler.sha256()).isEqualTo(Sha256.hex(Sha256.newDigest().digest(object)));
    }

    @Test
    void aPartBeyondTheWindowIsWrittenByItsDownloaderAndHashedFromTheFile() throws Exception {
        PartAssembler assembler = assembler(new BitSet(), 2);
        assertThat(assembler.start(0)).isEqualTo(PartAssembler.Route.HOLD);
        assertThat(assembler.start(1)).isEqualTo(PartAssembler.Route.HOLD);
        assertThat(assembler.start(2)).as("the front is slow: part 2 does not wait for it")
                .isEqualTo(PartAssembler.Route.SPILL);
        AtomicReference<Thread> waiter = new AtomicReference<>();
        CompletableFuture<Boolean> writer = CompletableFuture.supplyAsync(() -> {
            waiter.set(Thread.currentThread());
            try {
                return assembler.writeInOrder(written::add);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, threads);
        file.write(java.nio.ByteBuffer.wrap(object, 2 * PART, object.length - 2 * PART), 2 * PART);
        deliver(assembler, 1);
        deliver(assembler, 0);
        awaitWaiting(waiter);
        assertThat(writer).as("waits until the spilled part is written whole").isNotDone();

        assembler.spilled(2);

        assertThat(writer.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(written).as("the downloader records a spilled part itself").containsExactly(0, 1);
        assertThat(fileBytes()).isEqualTo(object);
        assertThat(assembler.sha256()).isEqualTo(Sha256.hex(Sha256.newDigest().digest(object)));
    }

    @Test
    void afterAFailedPartTheWriterStopsThereAndPartsDownloadedWholeAreKept() throws Exception {
        PartAssembler assembler = assembler(new BitSet(), 3);
        deliver(assembler, 0);
        deliver(assembler, 2);
        assembler.abandoned(1, true);

        assertThat(assembler.writeInOrder(written::add)).isFalse();
        assertThat(written).containsExactly(0);
        assertThat(assembler.start(2)).as("no part starts after a failure").isEqualTo(PartAssembler.Route.SKIP);

        assembler.writeHeldParts(written::add);

        assertThat(written).containsExactly(0, 2);
        byte[] bytes = fileBytes();
        assertThat(Arrays.copyOfRange(bytes, 0, PART)).isEqualTo(Arrays.copyOfRange(object, 0, PART));
        assertThat(Arrays.copyOfRange(bytes, 2 * PART, object.length))
                .isEqualTo(Arrays.copyOfRange(object, 2 * PART, object.length));
    }

    @Test
    void stoppingReleasesAWriterWaitingForAPart() throws Exception {
        PartAssembler assembler = assembler(new BitSet(), 3);
        AtomicReference<Thread> waiter = new AtomicReference<>();
        CompletableFuture<Boolean> writer = CompletableFuture.supplyAsync(() -> {
            waiter.set(Thread.currentThread());
            try {
                return assembler.writeInOrder(written::add);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, threads);
        awaitWaiting(waiter);

        assembler.stop();

        assertThat(writer.get(10, TimeUnit.SECONDS)).isFalse();
        assertThat(written).isEmpty();
    }

    /** Until the thread is parked in a wait (bounded; no fixed sleep). */
    private static void awaitWaiting(AtomicReference<Thread> thread) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (thread.get() == null || thread.get().getState() != Thread.State.WAITING) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the thread never waited: " + thread.get());
            }
            Thread.onSpinWait();
        }
    }
}
