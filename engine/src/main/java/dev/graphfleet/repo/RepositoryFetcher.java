package dev.graphfleet.repo;

import dev.graphfleet.repo.FetchProgress.Phase;
import dev.graphfleet.repo.RepositoryException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads a published version into the {@link RepositoryCache}: parallel ranged reads of
 * fixed-size parts into {@code data.kuzu.partial}, each part retried with backoff on network
 * errors and 5xx answers and recorded once written (so a restarted fetch downloads only the
 * missing parts), hashed in order while the rest downloads, then the whole file's sha256 is
 * checked and the file renamed atomically to {@code data.kuzu}. A failed check deletes the
 * partial download; nothing unverified is ever at the path that gets attached.
 *
 * <p>Where the machine's boot can be told ({@link BootId}), the download is not flushed before it
 * is installed: its bytes are in the page cache, which outlives a crash of this process, and its
 * stamp says "verified in this boot, not flushed", so after a power loss or reboot the file is
 * hashed once more before it is trusted. Elsewhere it is flushed first, as a database file must be.
 *
 * <p>Before downloading it makes room in the cache budget and checks the volume's free space.
 * Thread-safe; concurrent fetches of one version in this process wait for each other, and a
 * fetch of the same cache by another process is refused (file lock).
 */
public final class RepositoryFetcher {

    private static final Logger LOG = LoggerFactory.getLogger(RepositoryFetcher.class);
    private static final int BUFFER = 1 << 20;
    private static final long REPORT_STEP = 1L << 20;
    /** How the JDK reports ENOSPC on Linux (and macOS): the only sign a write failed for want of space. */
    private static final String NO_SPACE_MESSAGE = "No space left on device";

    private final RepositoryStore store;
    private final RepositoryCache cache;
    private final FetchOptions options;
    private final ConcurrentHashMap<VersionRef, ReentrantLock> locks = new ConcurrentHashMap<>();

    public RepositoryFetcher(RepositoryStore store, RepositoryCache cache, FetchOptions options) {
        this.store = Objects.requireNonNull(store, "store");
        this.cache = Objects.requireNonNull(cache, "cache");
        this.options = Objects.requireNonNull(options, "options");
    }

    /** Fetches the version the store's current pointer names. */
    public FetchResult fetchCurrent(RepositoryName name, FetchListener listener) throws IOException {
        return fetch(store.current(name), listener);
    }

    /**
     * Makes {@code manifest}'s version present and verified in the cache and returns its file.
     * Blocks until done; interrupting the calling thread stops the download (it resumes later).
     */
    public FetchResult fetch(Manifest manifest, FetchListener listener) throws IOException {
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(listener, "listener");
        VersionRef ref = manifest.ref();
        ReentrantLock lock = locks.computeIfAbsent(ref, r -> new ReentrantLock());
        try {
            lock.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for another fetch of " + ref);
        }
        cache.beginFetch(ref);
        try {
            return fetchLocked(manifest, listener);
        } finally {
            cache.endFetch(ref);
            lock.unlock();
        }
    }

    private FetchResult fetchLocked(Manifest manifest, FetchListener listener) throws IOException {
        VersionRef ref = manifest.ref();
        FetchResult hit = cacheHit(manifest, listener);
        if (hit != null) {
            return hit;
        }
        Path dir = cache.versionDir(ref);
        Files.createDirectories(dir);
        // Released when the channel closes; refuses a second process fetching this version.
        try (FileChannel lockChannel = FileChannel.open(dir.resolve(RepositoryCache.LOCK),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            tryLock(lockChannel, ref);
            hit = cacheHit(manifest, listener); // another process may have finished meanwhile
            return hit != null ? hit : download(manifest, listener);
        }
    }

    private static void tryLock(FileChannel channel, VersionRef ref) throws IOException {
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            throw new RepositoryException(Reason.FAILED, "another process is fetching " + ref
                    + " into this cache; wait for it to finish");
        }
    }

    /** The cached copy when it is the same object; a stale copy of another object is dropped. */
    private FetchResult cacheHit(Manifest manifest, FetchListener listener) throws IOException {
        VersionRef ref = manifest.ref();
        var cached = cache.cached(ref);
        if (cached.isEmpty()) {
            return null;
        }
        Manifest have = cached.get();
        boolean sameObject = have.sha256().equals(manifest.sha256()) && have.sizeBytes() == manifest.sizeBytes()
                && Files.size(cache.dataFile(ref)) == manifest.sizeBytes();
        if (sameObject && stillAsVerified(manifest, listener)) {
            cache.touch(ref);
            listener.onProgress(new FetchProgress(ref, Phase.DONE, manifest.sizeBytes(), manifest.sizeBytes()));
            return new FetchResult(manifest, cache.dataFile(ref), true, 0, 0);
        }
        if (sameObject) {
            if (cache.isPinned(ref)) {
                throw new RepositoryException(Reason.CHECKSUM_MISMATCH, "the cached " + ref + " at "
                        + cache.dataFile(ref) + " changed since it was verified (its sha256 no longer matches "
                        + manifest.sha256() + ") and is in use; detach it, then attach again to fetch it afresh");
            }
            cache.discard(ref);
            LOG.warn("cached {} changed since it was verified and no longer matches its sha256; it was removed "
                    + "and is fetched again", ref);
            return null;
        }
        if (cache.isPinned(ref)) {
            throw new RepositoryException(Reason.FAILED, "the cached " + ref + " at " + cache.dataFile(ref)
                    + " differs from the store's (cached sha256 " + have.sha256() + ", store's " + manifest.sha256()
                    + ") and is in use; detach it before fetching the store's " + ref);
        }
        cache.discard(ref);
        LOG.warn("cached {} differed from the store's copy and was removed", ref);
        return null;
    }

    /**
     * True when the cached data file is still the one that was verified: it looks as it did then
     * (size, times, inode; see {@link VerifiedStamp}), or it changed and hashing it again gives the
     * manifest's sha256. A file without a stamp (cached by an older release, or a crash right after
     * install) is hashed once.
     */
    private boolean stillAsVerified(Manifest manifest, FetchListener listener) throws IOException {
        VersionRef ref = manifest.ref();
        Path data = cache.dataFile(ref);
        Path stampFile = cache.stampFile(ref);
        VerifiedStamp now = VerifiedStamp.of(data, manifest.sha256());
        Optional<String> boot = options.bootId().current();
        if (VerifiedStamp.read(stampFile).filter(saved -> saved.vouchesFor(now, boot)).isPresent()) {
            return true;
        }
        listener.onProgress(new FetchProgress(ref, Phase.VERIFYING, 0, manifest.sizeBytes()));
        if (!Sha256.of(data).equals(manifest.sha256())) {
            return false;
        }
        flush(data); // what was hashed may still be only in the page cache (a crash right after install)
        now.write(stampFile); // as it looked before hashing: a change during the hash is caught next time
        return true;
    }

    /**
     * A full data volume is not worth resuming against: the partial file and its journal are removed
     * so the space they hold is free again, and the failure says so.
     */
    private FetchResult download(Manifest manifest, FetchListener listener) throws IOException {
        try {
            return downloadOrResume(manifest, listener);
        } catch (IOException e) {
            if (!isNoSpace(e)) {
                throw e;
            }
            Files.deleteIfExists(cache.partialFile(manifest.ref()));
            Files.deleteIfExists(cache.journalFile(manifest.ref()));
            throw new RepositoryException(Reason.NO_SPACE, "no space left on the data volume while fetching "
                    + manifest.ref() + " into " + cache.root() + " (" + rootMessage(e) + "); the partial download was "
                    + "removed and the cached versions are untouched: free space on the data volume or expand it", e);
        }
    }

    /**
     * The disk itself was full (ENOSPC), as opposed to the free-space check or the cache budget
     * refusing up front: those keep a resumable partial file and their own message.
     */
    private static boolean isNoSpace(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains(NO_SPACE_MESSAGE)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    private FetchResult downloadOrResume(Manifest manifest, FetchListener listener) throws IOException {
        VersionRef ref = manifest.ref();
        Path partial = cache.partialFile(ref);
        Path journalFile = cache.journalFile(ref);
        List<PartPlan.Part> parts = PartPlan.split(manifest.sizeBytes(), options.partSizeBytes());
        if (!Files.exists(partial)) {
            Files.deleteIfExists(journalFile); // a journal without its data file describes nothing
        }
        try (PartJournal journal = PartJournal.open(journalFile,
                PartJournal.header(manifest, options.partSizeBytes()), parts.size())) {
            List<PartPlan.Part> missing = new ArrayList<>();
            BitSet resumedParts = new BitSet(parts.size());
            long resumed = 0;
            for (PartPlan.Part part : parts) {
                if (journal.isComplete(part.index()) && Files.exists(partial)) {
                    resumedParts.set(part.index());
                    resumed += part.length();
                } else {
                    missing.add(part);
                }
            }
            if (resumed == 0) {
                Files.deleteIfExists(partial); // stale bytes from another object or part size
            }
            long needed = manifest.sizeBytes() - resumed;
            cache.makeRoom(ref, manifest.sizeBytes());
            checkFreeSpace(ref, needed);

            Progress progress = new Progress(ref, manifest.sizeBytes(), resumed, listener);
            long downloaded;
            try (FileChannel out = FileChannel.open(partial, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE)) {
                if (out.size() != manifest.sizeBytes()) {
                    out.truncate(manifest.sizeBytes());
                    if (out.size() < manifest.sizeBytes()) {
                        out.write(ByteBuffer.allocate(1), manifest.sizeBytes() - 1); // sparse, full length
                    }
                }
                OrderedDigest digest = new OrderedDigest(out, parts);
                for (PartPlan.Part part : parts) {
                    if (resumedParts.get(part.index())) {
                        digest.resumed(part.index());
                    }
                }
                progress.enter(Phase.DOWNLOADING, resumed);
                downloaded = downloadParts(manifest, missing, out, journal, digest, progress, listener);
                if (options.bootId().current().isEmpty()) {
                    out.force(true); // no way to tell a reboot later: the bytes must be on disk before install
                }
                progress.enter(Phase.VERIFYING, digest.hashedBytes());
                verify(manifest, partial, out.size(), digest.finish(progress::add));
            }
            install(manifest, partial, journalFile);
            progress.enter(Phase.DONE, manifest.sizeBytes());
            LOG.info("fetched {} ({} downloaded, {} resumed) into {}", ref, Bytes.human(downloaded),
                    Bytes.human(resumed), cache.dataFile(ref));
            return new FetchResult(manifest, cache.dataFile(ref), false, downloaded, resumed);
        }
    }

    private void checkFreeSpace(VersionRef ref, long needed) throws IOException {
        long available = options.freeSpace().usableBytes(cache.root());
        if (available < needed) {
            throw new RepositoryException(Reason.NO_SPACE, "not enough free space in " + cache.root()
                    + " to fetch " + ref + ": needs " + Bytes.show(needed) + ", " + Bytes.show(available)
                    + " available; free space on the data volume or expand it");
        }
    }

    /** Runs the missing parts on a small pool; the first failure stops new parts from starting. */
    private long downloadParts(Manifest manifest, List<PartPlan.Part> missing, FileChannel out, PartJournal journal,
                               OrderedDigest digest, Progress progress, FetchListener listener) throws IOException {
        if (missing.isEmpty()) {
            return 0;
        }
        AtomicLong downloaded = new AtomicLong();
        AtomicReference<IOException> failure = new AtomicReference<>();
        int threads = Math.min(options.parallelism(), missing.size());
        ExecutorService pool = Executors.newFixedThreadPool(threads, daemonThreads("fetch-" + manifest.name()));
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (PartPlan.Part part : missing) {
                futures.add(pool.submit(() -> {
                    if (failure.get() != null || Thread.currentThread().isInterrupted()) {
                        return null; // stop starting parts; the ones in flight finish and are recorded
                    }
                    try {
                        downloadPart(manifest, part, out, progress, downloaded, listener);
                        journal.record(part.index());
                        progress.partDone();
                        digest.completed(part.index());
                    } catch (IOException e) {
                        failure.compareAndSet(null, e);
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("fetch of " + manifest.ref() + " was interrupted; it resumes from "
                    + "the completed parts next time");
        } catch (ExecutionException e) {
            throw new IllegalStateException("a download task failed unexpectedly", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return downloaded.get();
    }

    private void downloadPart(Manifest manifest, PartPlan.Part part, FileChannel out, Progress progress,
                              AtomicLong downloaded, FetchListener listener) throws IOException {
        byte[] buffer = new byte[BUFFER];
        long done = 0;
        for (int attempt = 1; ; attempt++) {
            try (InputStream in = store.openRange(manifest, part.offset() + done, part.length() - done)) {
                while (done < part.length()) {
                    // Fill the buffer before writing: network reads come in small pieces, disk writes should not.
                    int want = (int) Math.min(buffer.length, part.length() - done);
                    int filled = 0;
                    try {
                        for (int n; filled < want && (n = in.read(buffer, filled, want - filled)) > 0; ) {
                            filled += n;
                            downloaded.addAndGet(n);
                        }
                    } finally {
                        if (filled > 0) { // keep what arrived before a failure: the retry asks for the rest
                            writeLocally(manifest, part, out, ByteBuffer.wrap(buffer, 0, filled), part.offset() + done);
                            done += filled;
                            progress.add(filled);
                        }
                    }
                    if (filled < want) {
                        throw new RepositoryException(Reason.TRANSIENT, "the store ended part " + part.index()
                                + " of " + manifest.ref() + " early (" + done + " of " + part.length() + " bytes)");
                    }
                }
                return;
            } catch (IOException e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw e;
                }
                if (!retryable(e) || attempt >= options.retry().maxAttempts()) {
                    throw failed(manifest, part, attempt, e);
                }
                Duration wait = options.retry().delayBefore(attempt + 1);
                LOG.debug("part {} of {} failed (attempt {}), retrying in {}: {}", part.index(), manifest.ref(),
                        attempt, wait, e.toString());
                listener.onRetry(manifest.ref(), part.index(), attempt + 1, wait, e);
                try {
                    options.sleeper().sleep(wait);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while waiting to retry " + manifest.ref());
                }
            }
        }
    }

    private static boolean retryable(IOException e) {
        return e instanceof RepositoryException re ? re.retryable() : true;
    }

    private static IOException failed(Manifest manifest, PartPlan.Part part, int attempts, IOException e) {
        if (e instanceof RepositoryException re && !re.retryable()) {
            return re;
        }
        return new RepositoryException(Reason.TRANSIENT, "could not download part " + part.index() + " (bytes "
                + part.offset() + "-" + (part.offset() + part.length() - 1) + ") of " + manifest.ref() + " after "
                + attempts + (attempts == 1 ? " attempt" : " attempts") + ": " + e.getMessage()
                + "; the fetch resumes from the completed parts when retried", e);
    }

    /** A failed write to the local disk is not the store's fault: it is not retried against the store. */
    private static void writeLocally(Manifest manifest, PartPlan.Part part, FileChannel out, ByteBuffer bytes,
                                     long position) throws IOException {
        try {
            writeFully(out, bytes, position);
        } catch (IOException e) {
            boolean full = e.getMessage() != null && e.getMessage().contains(NO_SPACE_MESSAGE);
            throw new RepositoryException(full ? Reason.NO_SPACE : Reason.FAILED, "could not write part "
                    + part.index() + " of " + manifest.ref() + " to the cache: " + e.getMessage(), e);
        }
    }

    private static void writeFully(FileChannel out, ByteBuffer bytes, long position) throws IOException {
        while (bytes.hasRemaining()) {
            position += out.write(bytes, position);
        }
    }

    private void verify(Manifest manifest, Path partial, long size, String actual) throws IOException {
        if (size != manifest.sizeBytes() || !actual.equals(manifest.sha256())) {
            Files.deleteIfExists(partial);
            Files.deleteIfExists(cache.journalFile(manifest.ref()));
            throw new RepositoryException(Reason.CHECKSUM_MISMATCH, "the download of " + manifest.ref() + " from "
                    + store.uri() + " does not match its manifest (sha256 " + actual + ", " + size
                    + " bytes; expected " + manifest.sha256() + ", " + manifest.sizeBytes()
                    + " bytes); it was discarded. If this repeats, the stored object is corrupt: publish it again");
        }
    }

    /** Manifest first, then the atomic rename that makes the version complete. */
    private void install(Manifest manifest, Path partial, Path journalFile) throws IOException {
        VersionRef ref = manifest.ref();
        Path manifestFile = cache.manifestFile(ref);
        Path temp = manifestFile.resolveSibling(StoreLayout.MANIFEST + ".tmp");
        Files.write(temp, ManifestJson.write(manifest));
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        Files.move(temp, manifestFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        Files.move(partial, cache.dataFile(ref), StandardCopyOption.ATOMIC_MOVE);
        // After the rename, which changes the file's ctime: the stamp records the file as installed.
        VerifiedStamp installed = VerifiedStamp.of(cache.dataFile(ref), manifest.sha256());
        Optional<String> boot = options.bootId().current();
        (boot.isPresent() ? installed.notFlushedIn(boot.get()) : installed).write(cache.stampFile(ref));
        Files.deleteIfExists(journalFile);
        FileSync.directory(cache.versionDir(ref));
        cache.touch(ref);
    }

    private static void flush(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    private static java.util.concurrent.ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Counts bytes and tells the listener about once per MiB and once per part, one call at a time. */
    private static final class Progress {
        private final VersionRef ref;
        private final long total;
        private final FetchListener listener;
        private final AtomicLong done;
        private volatile long nextReport;
        private Phase phase = Phase.DOWNLOADING;

        Progress(VersionRef ref, long total, long done, FetchListener listener) {
            this.ref = ref;
            this.total = total;
            this.done = new AtomicLong(done);
            this.listener = listener;
        }

        void add(long bytes) {
            if (done.addAndGet(bytes) >= nextReport) {
                report(false);
            }
        }

        synchronized void partDone() {
            report(true);
        }

        /** Enters a phase with {@code startAt} bytes already done (resumed, or hashed while downloading). */
        synchronized void enter(Phase next, long startAt) {
            phase = next;
            done.set(startAt);
            report(true);
        }

        private synchronized void report(boolean force) {
            long now = done.get();
            if (!force && now < nextReport) {
                return; // another thread reported this step already
            }
            nextReport = Math.min((now / REPORT_STEP + 1) * REPORT_STEP, Math.max(total, 1));
            if (now >= total) {
                nextReport = Long.MAX_VALUE; // the last report of this phase
            }
            listener.onProgress(new FetchProgress(ref, phase, Math.min(now, total), total));
        }
    }
}
