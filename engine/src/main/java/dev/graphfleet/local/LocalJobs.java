package dev.graphfleet.local;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the local fleet's operations one at a time on their own thread. A request while one runs
 * starts nothing and gets the running job back (the same single-flight rule as snapshot jobs in
 * AWS); each job's progress can be read while it runs. Thread-safe.
 */
public final class LocalJobs implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalJobs.class);
    static final int HISTORY = 20;

    private final Clock clock;
    private final Supplier<UUID> ids;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "graphfleet-local-job");
        t.setDaemon(true);
        return t;
    });
    private final Deque<LocalJob> finished = new ArrayDeque<>();
    private LocalJob running;
    private final List<String> runningProgress = new ArrayList<>();

    public LocalJobs(Clock clock) {
        this(clock, UUID::randomUUID);
    }

    LocalJobs(Clock clock, Supplier<UUID> ids) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids = Objects.requireNonNull(ids, "ids");
    }

    /** What a request got: a new job, or the one already running. */
    public record Start(LocalJob job, boolean started) {
    }

    /**
     * Starts {@code work} unless a job runs. {@code work} gets a progress sink and returns the result
     * line; an exception fails the job with its message.
     */
    public synchronized Start start(String kind, String target, Function<Consumer<String>, String> work) {
        if (running != null) {
            return new Start(current().orElseThrow(), false);
        }
        running = new LocalJob(ids.get().toString(), kind, target, LocalJob.Status.RUNNING, clock.instant(), null,
                List.of(), null, null);
        runningProgress.clear();
        String id = running.id();
        executor.execute(() -> run(id, work));
        return new Start(running, true);
    }

    private void run(String id, Function<Consumer<String>, String> work) {
        try {
            String result = work.apply(line -> progress(id, line));
            finish(id, LocalJob.Status.SUCCEEDED, result, null);
        } catch (RuntimeException | Error e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            log.warn("local fleet job {} failed: {}", id, message);
            finish(id, LocalJob.Status.FAILED, null, message);
        }
    }

    private synchronized void progress(String id, String line) {
        if (running != null && running.id().equals(id)) {
            runningProgress.add(line);
        }
    }

    private synchronized void finish(String id, LocalJob.Status status, String result, String error) {
        LocalJob done = new LocalJob(id, running.kind(), running.target(), status, running.startedAt(), clock.instant(),
                runningProgress, result, error);
        running = null;
        runningProgress.clear();
        finished.addFirst(done);
        while (finished.size() > HISTORY) {
            finished.removeLast();
        }
        notifyAll();
    }

    /** The running job with its progress so far. */
    public synchronized Optional<LocalJob> current() {
        return running == null ? Optional.empty() : Optional.of(new LocalJob(running.id(), running.kind(),
                running.target(), running.status(), running.startedAt(), null, runningProgress, null, null));
    }

    /** A job by id: the running one or one of the last {@value #HISTORY} finished. */
    public synchronized Optional<LocalJob> get(String id) {
        Optional<LocalJob> now = current().filter(j -> j.id().equals(id));
        return now.isPresent() ? now : finished.stream().filter(j -> j.id().equals(id)).findFirst();
    }

    public synchronized List<LocalJob> finished() {
        return List.copyOf(finished);
    }

    /** Waits until job {@code id} has finished (in-process callers; the CLI polls over HTTP). */
    public synchronized LocalJob await(String id) throws InterruptedException {
        while (true) {
            Optional<LocalJob> job = get(id);
            if (job.isEmpty()) {
                throw new IllegalArgumentException("no job " + id);
            }
            if (!job.get().isRunning()) {
                return job.get();
            }
            wait();
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
