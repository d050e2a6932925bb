package dev.graphfleet.shared;

import dev.graphfleet.repo.RepositoryException;
import dev.graphfleet.repo.RepositoryName;
import dev.graphfleet.repo.Version;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refresh in place: moves a shared node's repositories to other versions while it serves (new queries
 * go to the new version, queries in flight finish on the old: {@link AttachmentManager#moveTo}). Asked
 * by the node's refresh endpoint, and by a poller that follows the store's current version every
 * interval. A repository moved to a named version is pinned: the poller leaves it alone until a
 * refresh without a version unpins it. Store reads happen outside the lock; deciding and starting a
 * move happen under it, so the endpoint and the poller never start two moves of one repository.
 */
public final class RepositoryRefresher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RepositoryRefresher.class);

    /** What a refresh request found: a move started, or the repository already serves the target. */
    public enum Outcome { STARTED, ALREADY_SERVING }

    /**
     * @param from  the version served when asked (null before the first attach)
     * @param to    the version the repository moves to
     * @param state {@code moving} or {@code serving}; for a running move its phase ({@code downloading}, ...)
     */
    public record Move(String repository, String from, String to, String state, boolean pinned, Outcome outcome) {
    }

    /**
     * The poller's last round, as /attachments and the metrics show it.
     *
     * @param result {@code off}, {@code not_yet}, {@code up_to_date}, {@code moved} or {@code failed}
     * @param moved  the moves it started, e.g. {@code ra v1 -> v2}
     */
    public record PollStatus(long intervalSeconds, String result, Instant at, List<String> moved, String error,
                             long failures) {
    }

    /** A repository this node does not serve, or a version the store does not have. */
    public static final class NotFound extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final boolean version;

        NotFound(boolean version, String message) {
            super(message);
            this.version = version;
        }

        /** True when the version is missing (the repository exists). */
        public boolean isVersion() {
            return version;
        }
    }

    /** A move of the repository is already running; {@link #running()} says where it is. */
    public static final class MoveRunning extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Move running;

        MoveRunning(Move running) {
            super(running.repository() + " is already moving from " + running.from() + " to " + running.to() + " ("
                    + running.state() + "); poll GET /attachments until it serves " + running.to() + ", then ask again");
            this.running = running;
        }

        public Move running() {
            return running;
        }
    }

    /** The store could not be read; nothing was moved. */
    public static final class StoreUnavailable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StoreUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final AttachmentManager attachments;
    private final RepositorySource source;
    private final Duration interval;
    private final Clock clock;
    private final Set<String> pinned = ConcurrentHashMap.newKeySet();
    private final Map<String, String> targets = new ConcurrentHashMap<>();
    private final AtomicLong pollFailures = new AtomicLong();
    private volatile PollStatus lastPoll;
    private ScheduledExecutorService poller;

    /** @param interval between polls of the store; zero turns the poller off (the endpoint still works) */
    public RepositoryRefresher(AttachmentManager attachments, RepositorySource source, Duration interval, Clock clock) {
        this.attachments = attachments;
        this.source = source;
        this.interval = interval;
        this.clock = clock;
        this.lastPoll = new PollStatus(interval.toSeconds(), interval.isZero() ? "off" : "not_yet", null, List.of(),
                null, 0);
    }

    /** Starts polling the store every interval (nothing when the interval is zero). */
    public synchronized RepositoryRefresher start() {
        if (!interval.isZero() && poller == null) {
            poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "graphfleet-refresh-poll");
                thread.setDaemon(true);
                return thread;
            });
            poller.scheduleWithFixedDelay(this::pollSafely, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        }
        return this;
    }

    /**
     * Moves {@code repository} to {@code version} and pins it there, or, when {@code version} is null, to
     * the store's current version and unpins it. Returns at once: the move runs in the background.
     *
     * @throws NotFound         the node does not serve the repository, or the store lacks the version
     * @throws MoveRunning      a move of this repository is running
     * @throws StoreUnavailable the store could not be read
     * @throws IllegalArgumentException a malformed name or version
     */
    public Move refresh(String repository, String version) {
        RepositoryName.of(repository);
        if (version != null) {
            Version.parse(version);
        }
        AttachmentStatus status = attachments.status(repository).orElseThrow(() -> new NotFound(false,
                "no repository " + repository + " on this node; GET /attachments lists the ones it serves"));
        if (moving(status)) { // fail fast, before reading the store
            throw new MoveRunning(running(status));
        }
        String target = version != null ? requireVersion(repository, version) : latest(repository);
        synchronized (this) {
            status = attachments.status(repository).orElseThrow();
            if (moving(status)) {
                throw new MoveRunning(running(status));
            }
            if (version != null) {
                pinned.add(repository);
            } else {
                pinned.remove(repository);
            }
            targets.put(repository, target);
            boolean pin = version != null;
            if (target.equals(status.version()) && status.phase() == AttachPhase.ATTACHED) {
                return new Move(repository, status.version(), target, "serving", pin, Outcome.ALREADY_SERVING);
            }
            attachments.moveTo(repository, target);
            log.info("moving {} from {} to {}{}", repository, status.version(), target, pin ? " (pinned)" : "");
            return new Move(repository, status.version(), target, "moving", pin, Outcome.STARTED);
        }
    }

    /** One round of the poller: every repository that follows the store moves to its current version. */
    public void poll() {
        List<String> moved = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (AttachmentStatus status : attachments.statuses()) {
            String repository = status.repository();
            if (pinned.contains(repository) || status.version() == null) {
                continue; // pinned, or still on its first attach (which retries by itself)
            }
            String latest;
            try {
                latest = source.latestVersion(repository);
            } catch (Exception e) {
                errors.add(repository + ": " + describe(e));
                continue;
            }
            synchronized (this) {
                AttachmentStatus now = attachments.status(repository).orElse(null);
                if (now == null || pinned.contains(repository) || moving(now) || latest.equals(now.version())
                        || (now.phase() == AttachPhase.FAILED && latest.equals(targets.get(repository)))) {
                    continue; // a failed move to this version is retried by the attachment manager
                }
                targets.put(repository, latest);
                attachments.moveTo(repository, latest);
                moved.add(repository + " " + now.version() + " -> " + latest);
            }
        }
        if (!moved.isEmpty()) {
            log.info("the store has new versions; moving {}", String.join(", ", moved));
        }
        if (!errors.isEmpty()) {
            pollFailures.incrementAndGet();
            log.warn("polling the store failed for {}", String.join("; ", errors));
        }
        lastPoll = new PollStatus(interval.toSeconds(), !errors.isEmpty() ? "failed" : moved.isEmpty() ? "up_to_date"
                : "moved", clock.instant(), List.copyOf(moved), errors.isEmpty() ? null : String.join("; ", errors),
                pollFailures.get());
    }

    /** A poll must never end the schedule (an exception would cancel every later run). */
    private void pollSafely() {
        try {
            poll();
        } catch (RuntimeException e) {
            pollFailures.incrementAndGet();
            lastPoll = new PollStatus(interval.toSeconds(), "failed", clock.instant(), List.of(), describe(e),
                    pollFailures.get());
            log.error("polling the store failed", e);
        }
    }

    public PollStatus lastPoll() {
        return lastPoll;
    }

    public boolean pinned(String repository) {
        return pinned.contains(repository);
    }

    /** The version the repository was last asked to move to; empty when never asked (it serves the store's current). */
    public java.util.Optional<String> target(String repository) {
        return java.util.Optional.ofNullable(targets.get(repository));
    }

    /** The poller's figures in Prometheus: a missing poll is NaN, never a reassuring 1. */
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("graphfleet.refresh.poll.ok", this, r -> switch (r.lastPoll.result()) {
            case "up_to_date", "moved" -> 1;
            case "failed" -> 0;
            default -> Double.NaN;
        }).description("1 when the last poll of the store succeeded, 0 when it failed; NaN before the first poll"
                + " or when node.shared.refresh_interval_s is 0").register(registry);
        Gauge.builder("graphfleet.refresh.poll.last", this,
                r -> r.lastPoll.at() == null ? Double.NaN : r.lastPoll.at().toEpochMilli() / 1000.0)
                .baseUnit("timestamp_seconds").description("when the store was last polled; NaN before the first poll")
                .register(registry);
        FunctionCounter.builder("graphfleet.refresh.poll.failures", pollFailures, AtomicLong::get)
                .description("polls of the store that failed for at least one repository").register(registry);
        Gauge.builder("graphfleet.refresh.pinned", pinned, Set::size)
                .description("repositories pinned to a version (the poller does not move them)").register(registry);
    }

    /** A move is running: an attach phase, or a move asked for that has not started its first phase yet. */
    private boolean moving(AttachmentStatus status) {
        if (!status.phase().isTerminal()) {
            return true;
        }
        String target = targets.get(status.repository());
        return status.phase() == AttachPhase.ATTACHED && target != null && !target.equals(status.version());
    }

    private Move running(AttachmentStatus status) {
        String phase = status.phase().name().toLowerCase(Locale.ROOT);
        return new Move(status.repository(), status.version(), targets.getOrDefault(status.repository(), "the store's current version"),
                status.phase().isTerminal() ? "moving" : phase, pinned.contains(status.repository()), null);
    }

    private String requireVersion(String repository, String version) {
        try {
            source.requireVersion(repository, version);
            return version;
        } catch (RepositoryException e) {
            if (e.reason() == RepositoryException.Reason.NOT_FOUND) {
                throw new NotFound(true, "the store has no version " + version + " of " + repository
                        + "; `graphfleet repo list` shows its versions");
            }
            throw unavailable(repository, e);
        } catch (Exception e) {
            throw unavailable(repository, e);
        }
    }

    private String latest(String repository) {
        try {
            return source.latestVersion(repository);
        } catch (RepositoryException e) {
            if (e.reason() == RepositoryException.Reason.NOT_FOUND) {
                throw new NotFound(true, "the store has no current version of " + repository
                        + "; publish one with `graphfleet repo push`");
            }
            throw unavailable(repository, e);
        } catch (Exception e) {
            throw unavailable(repository, e);
        }
    }

    private static StoreUnavailable unavailable(String repository, Exception e) {
        return new StoreUnavailable("cannot read " + repository + " from the store (" + describe(e)
                + "); nothing was moved, retry when the store answers", e);
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }

    @Override
    public synchronized void close() {
        if (poller != null) {
            poller.shutdownNow();
        }
    }
}
