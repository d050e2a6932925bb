package dev.graphfleet.shared;

import dev.graphfleet.pool.DatabaseSpec;
import dev.graphfleet.pool.GraphPool;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings every repository of a shared node to serving, in parallel: fetch (download, verify), then
 * open it read-only in the pool and check it answers. A failing repository never holds up the
 * others: it is retried with growing waits, and after a failed round again in the background until
 * it attaches. A new version moves new queries over while queries in flight finish on the old one.
 */
public final class AttachmentManager implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AttachmentManager.class);

    private final GraphPool pool;
    private final RepositorySource source;
    private final BiFunction<String, Path, DatabaseSpec> specOf;
    private final AttachSettings settings;
    private final Clock clock;
    private final ScheduledExecutorService executor;
    private final Map<String, Tracker> trackers = new ConcurrentHashMap<>();
    private final List<Consumer<AttachmentStatus>> listeners = new CopyOnWriteArrayList<>();

    /**
     * @param specOf how a fetched file is opened: read-only, the node's buffer pool, the long TTL
     */
    public AttachmentManager(GraphPool pool, RepositorySource source, BiFunction<String, Path, DatabaseSpec> specOf,
                             AttachSettings settings, Clock clock, int parallelism) {
        this.pool = pool;
        this.source = source;
        this.specOf = specOf;
        this.settings = settings;
        this.clock = clock;
        this.executor = Executors.newScheduledThreadPool(parallelism, runnable -> {
            Thread thread = new Thread(runnable, "graphfleet-attach");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Called on every change of any repository's status (from attach threads). */
    public void addListener(Consumer<AttachmentStatus> listener) {
        listeners.add(listener);
    }

    /** Starts attaching each repository; returns at once. */
    public void attachAll(Collection<String> repositories) {
        for (String name : repositories) {
            Tracker tracker = trackers.computeIfAbsent(name, Tracker::new);
            executor.execute(() -> attempt(tracker, 1));
        }
    }

    /** Fetches the store's current version again and moves the repository to it if it changed. */
    public void refresh(String repository) {
        moveTo(repository, null);
    }

    /**
     * Moves a repository to {@code version} (a rollback or a pinned group), or back to following
     * the store's current version when it is null; queries in flight finish on the old one.
     */
    public void moveTo(String repository, String version) {
        Tracker tracker = trackers.computeIfAbsent(repository, Tracker::new);
        tracker.wantedVersion = version;
        executor.execute(() -> attempt(tracker, 1));
    }

    public List<AttachmentStatus> statuses() {
        Map<String, AttachmentStatus> sorted = new TreeMap<>();
        trackers.forEach((name, tracker) -> sorted.put(name, tracker.snapshot()));
        return new ArrayList<>(sorted.values());
    }

    /** One repository's status, empty when the node does not serve it. */
    public Optional<AttachmentStatus> status(String repository) {
        Tracker tracker = trackers.get(repository);
        return tracker == null ? Optional.empty() : Optional.of(tracker.snapshot());
    }

    /** The version a repository serves now (empty before its first attach); no locking. */
    public Optional<String> servingVersion(String repository) {
        return served(repository).map(ServedVersion::version);
    }

    /** The version a repository serves now and when it was published (empty before its first attach); no locking. */
    public Optional<ServedVersion> served(String repository) {
        Tracker tracker = trackers.get(repository);
        return tracker == null ? Optional.empty() : Optional.ofNullable(tracker.serving);
    }

    /** True when every repository serves. */
    public boolean allAttached() {
        return !trackers.isEmpty() && trackers.values().stream().allMatch(t -> t.snapshot().phase() == AttachPhase.ATTACHED);
    }

    private void attempt(Tracker tracker, int attempt) {
        tracker.start(attempt);
        try {
            FetchedRepository fetched = source.fetch(tracker.name, tracker.wantedVersion, tracker);
            tracker.phase(AttachPhase.ATTACHING);
            if (tracker.serving == null || !fetched.version().equals(tracker.serving.version())) {
                pool.retarget(specOf.apply(tracker.name, fetched.file()));
            }
            pool.query(tracker.name, "CALL show_tables() RETURN name"); // it opens and answers
            tracker.attached(fetched);
        } catch (Exception e) {
            String error = describe(e);
            if (attempt < settings.attempts()) {
                Duration wait = settings.waitAfter(attempt);
                tracker.retrying(error, wait);
                log.warn("attaching {} failed (try {} of {}), retrying in {} s: {}", tracker.name, attempt,
                        settings.attempts(), wait.toSeconds(), error);
                executor.schedule(() -> attempt(tracker, attempt + 1), wait.toMillis(), TimeUnit.MILLISECONDS);
            } else {
                Duration wait = settings.backgroundRetry();
                tracker.failed(error, wait);
                log.error("attaching {} failed {} times; serving the others and retrying in the background in {} s: {}",
                        tracker.name, attempt, wait.toSeconds(), error);
                executor.schedule(() -> attempt(tracker, 1), wait.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    /** The mutable state of one repository; every change publishes a snapshot to the listeners. */
    private final class Tracker implements RepositorySource.Progress {
        final String name;
        private AttachPhase phase = AttachPhase.PENDING;
        private String version;
        /** One volatile read for the query path: version and publication time change together. */
        private volatile ServedVersion serving;
        private volatile String wantedVersion;
        private int attempts;
        private String lastError;
        private long bytesDone;
        private long bytesTotal;
        private Map<AttachPhase, Duration> phaseTimes = new EnumMap<>(AttachPhase.class);
        private Instant phaseStarted;
        private Instant updatedAt;
        private Instant nextRetryAt;

        Tracker(String name) {
            this.name = name;
            this.updatedAt = clock.instant();
        }

        void start(int attempt) {
            synchronized (this) {
                attempts = attempt;
                nextRetryAt = null;
                phaseTimes = new EnumMap<>(AttachPhase.class);
                phase = AttachPhase.PENDING;
                phaseStarted = clock.instant();
            }
            publish();
        }

        @Override
        public void phase(AttachPhase next) {
            synchronized (this) {
                Instant now = clock.instant();
                if (phase != AttachPhase.PENDING) {
                    phaseTimes.put(phase, Duration.between(phaseStarted, now));
                }
                phase = next;
                phaseStarted = now;
            }
            publish();
        }

        @Override
        public synchronized void bytes(long done, long total) {
            bytesDone = done;
            bytesTotal = total;
        }

        void attached(FetchedRepository fetched) {
            synchronized (this) {
                version = fetched.version();
                serving = new ServedVersion(fetched.version(), fetched.createdAt());
                lastError = null;
            }
            phase(AttachPhase.ATTACHED);
        }

        void retrying(String error, Duration wait) {
            synchronized (this) {
                lastError = error;
                nextRetryAt = clock.instant().plus(wait);
            }
            publish();
        }

        void failed(String error, Duration wait) {
            synchronized (this) {
                lastError = error;
                nextRetryAt = clock.instant().plus(wait);
            }
            phase(AttachPhase.FAILED);
        }

        synchronized AttachmentStatus snapshot() {
            return new AttachmentStatus(name, phase, version, attempts, lastError, bytesDone, bytesTotal,
                    Map.copyOf(phaseTimes), updatedAt, nextRetryAt, serving == null ? null : serving.createdAt());
        }

        /** Listeners run outside every lock: they may read all repositories' statuses. */
        private void publish() {
            AttachmentStatus status;
            synchronized (this) {
                updatedAt = clock.instant();
                status = snapshot();
            }
            listeners.forEach(listener -> listener.accept(status));
        }
    }
}
