package dev.graphfleet.local;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the local fleet's nodes as child processes and keeps them running: it notices an exit at once (the
 * process's end) and an unhealthy node within a second ({@code /health}), restarts a node that exited without
 * being asked to, after a backoff that doubles with each crash in a row (1 s up to 30 s), and reports each
 * node's state: up, down since when, restarts.
 */
final class Supervisor implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Supervisor.class);
    static final Duration HEALTH_INTERVAL = Duration.ofSeconds(1);
    static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    /** Up this long, a node's crash count starts again (so one crash a day never waits 30 s). */
    static final Duration STABLE_AFTER = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(90);

    /**
     * How to start one node: its command is built at each start (a replica's pins change); {@code onUp} runs
     * each time it comes up (on the supervisor's thread).
     */
    record ChildSpec(String id, URI url, Supplier<List<String>> command, Map<String, String> environment, Path log,
                     Runnable onUp) {
    }

    private final class Child {
        final ChildSpec spec;
        Process process;
        boolean stopAsked;
        NodeProcessState.Status status = NodeProcessState.Status.STOPPED;
        String health;
        Instant downSince;
        Instant upSince;
        int restarts;
        int crashesInRow;
        String lastExit;
        Instant nextRestartAt;
        ScheduledFuture<?> pendingRestart;

        Child(ChildSpec spec) {
            this.spec = spec;
        }

        NodeProcessState state() {
            return new NodeProcessState(spec.id(), status, process != null && process.isAlive() ? process.pid() : null,
                    health, downSince, restarts, lastExit, nextRestartAt, spec.log().toString());
        }
    }

    private final Map<String, Child> children = Collections.synchronizedMap(new LinkedHashMap<>());
    private final NodeClient client;
    private final Clock clock;
    private final Consumer<String> events;
    private final Runnable changed;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "graphfleet-local-supervisor");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean closed;

    /**
     * @param events  one line per state change a person would want to see (crashes, restarts)
     * @param changed called after every state change (the fleet rewrites its file)
     */
    Supervisor(NodeClient client, Clock clock, Consumer<String> events, Runnable changed) {
        this.client = client;
        this.clock = clock;
        this.events = events;
        this.changed = changed;
        scheduler.scheduleWithFixedDelay(this::checkHealth, HEALTH_INTERVAL.toMillis(), HEALTH_INTERVAL.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    void add(ChildSpec spec) {
        children.put(spec.id(), new Child(spec));
    }

    /** Starts the node's process (not waiting for it to be up). */
    void start(String id) {
        Child child = child(id);
        synchronized (child) {
            child.stopAsked = false;
            launch(child);
        }
        changed.run();
    }

    private void launch(Child child) {
        cancelRestart(child);
        if (closed) {
            return;
        }
        ProcessBuilder builder = new ProcessBuilder(child.spec.command().get()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(child.spec.log().toFile()));
        builder.environment().putAll(child.spec.environment());
        try {
            Files.createDirectories(child.spec.log().getParent());
            Process process = builder.start();
            child.process = process;
            child.status = NodeProcessState.Status.STARTING;
            child.health = null;
            process.onExit().thenAccept(this::exited);
        } catch (IOException e) {
            child.process = null;
            markDown(child, "could not start: " + e.getMessage());
        }
    }

    private void exited(Process process) {
        Child child;
        synchronized (children) {
            child = children.values().stream().filter(c -> c.process == process).findFirst().orElse(null);
        }
        if (child == null) {
            return;
        }
        synchronized (child) {
            if (child.process != process || child.status == NodeProcessState.Status.DOWN || child.status == NodeProcessState.Status.STOPPED) {
                return; // a replaced process, or its exit was handled already
            }
            String exit = exitDescription(process.exitValue());
            if (child.stopAsked || closed) {
                child.status = NodeProcessState.Status.STOPPED;
                child.lastExit = exit + " (stopped)";
                child.downSince = child.downSince == null ? clock.instant() : child.downSince;
            } else {
                markDown(child, exit);
            }
        }
        changed.run();
    }

    /** Down without being asked: restart after the backoff. Holds the child's lock. */
    private void markDown(Child child, String why) {
        child.status = NodeProcessState.Status.DOWN;
        child.lastExit = why;
        child.health = null;
        if (child.downSince == null) {
            child.downSince = clock.instant();
        }
        child.crashesInRow++;
        Duration backoff = backoff(child.crashesInRow);
        child.nextRestartAt = clock.instant().plus(backoff);
        events.accept(child.spec.id() + " is down (" + why + "); restarting it in " + backoff.toSeconds() + " s");
        log.warn("{} is down ({}); restarting it in {} s (see {})", child.spec.id(), why, backoff.toSeconds(),
                child.spec.log());
        if (!closed) {
            child.pendingRestart = scheduler.schedule(() -> restartCrashed(child), backoff.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    static Duration backoff(int crashesInRow) {
        long seconds = FIRST_BACKOFF.toSeconds() << Math.min(Math.max(crashesInRow - 1, 0), 5);
        return Duration.ofSeconds(Math.min(seconds, MAX_BACKOFF.toSeconds()));
    }

    private void restartCrashed(Child child) {
        synchronized (child) {
            if (child.status != NodeProcessState.Status.DOWN || child.stopAsked || closed) {
                return;
            }
            child.restarts++;
            child.nextRestartAt = null;
            events.accept("restarting " + child.spec.id() + " (restart " + child.restarts + ")");
            launch(child);
        }
        changed.run();
    }

    private static String exitDescription(int code) {
        return code > 128 ? "exit " + code + ", killed by signal " + (code - 128) : "exit " + code;
    }

    private void cancelRestart(Child child) {
        if (child.pendingRestart != null) {
            child.pendingRestart.cancel(false);
            child.pendingRestart = null;
        }
        child.nextRestartAt = null;
    }

    /** Reads every running node's /health: the difference between a process that runs and one that serves. */
    private void checkHealth() {
        List<Child> all;
        synchronized (children) {
            all = new ArrayList<>(children.values());
        }
        for (Child child : all) {
            Process process;
            synchronized (child) {
                process = child.process;
                if (process == null || !process.isAlive() || child.status == NodeProcessState.Status.DOWN || child.status == NodeProcessState.Status.STOPPED) {
                    continue;
                }
            }
            NodeClient.Answer answer = client.health(child.spec.url());
            String health = answer.answered() ? answer.body().path("status").asText("HTTP " + answer.status()) : "no answer";
            boolean serving = "ready".equals(health) || "stale".equals(health);
            boolean changedNow = false;
            boolean cameUp = false;
            synchronized (child) {
                if (child.process != process || child.status == NodeProcessState.Status.DOWN || child.status == NodeProcessState.Status.STOPPED) {
                    continue;
                }
                Instant now = clock.instant();
                if (serving && child.status != NodeProcessState.Status.UP) {
                    cameUp = child.status == NodeProcessState.Status.STARTING;
                    child.status = NodeProcessState.Status.UP;
                    child.downSince = null;
                    child.upSince = now;
                    changedNow = true;
                } else if (!serving && child.status == NodeProcessState.Status.UP) {
                    child.status = NodeProcessState.Status.UNHEALTHY;
                    child.downSince = now;
                    changedNow = true;
                    events.accept(child.spec.id() + " is unhealthy: /health says " + health);
                }
                if (child.status == NodeProcessState.Status.UP && child.upSince != null
                        && Duration.between(child.upSince, now).compareTo(STABLE_AFTER) >= 0) {
                    child.crashesInRow = 0;
                }
                changedNow |= !health.equals(child.health);
                child.health = health;
            }
            if (cameUp) {
                try {
                    child.spec.onUp().run();
                } catch (RuntimeException e) {
                    log.warn("after {} came up: {}", child.spec.id(), e.toString());
                }
            }
            if (changedNow) {
                changed.run();
            }
        }
    }

    /**
     * Waits until the node is up (its /health ready); throws when its process ends meanwhile or
     * {@code timeout} passes, pointing at its log.
     */
    void awaitUp(String id, Duration timeout) {
        Child child = child(id);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String exit;
            synchronized (child) {
                if (child.status == NodeProcessState.Status.STOPPED) {
                    throw new IllegalStateException(id + " was stopped while starting");
                }
                exit = child.status == NodeProcessState.Status.DOWN ? child.lastExit : null;
            }
            if (exit != null) {
                throw new IllegalStateException(id + " exited while starting (" + exit + "); its output is in "
                        + child.spec.log());
            }
            NodeClient.Answer answer = client.health(child.spec.url());
            if (answer.answered() && (answer.status() == 200 || "stale".equals(answer.body().path("status").asText()))) {
                checkHealth(); // records it as up now, not at the next tick
                return;
            }
            try {
                Thread.sleep(100); // polling a child process: it cannot call back
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + id, e);
            }
        }
        throw new IllegalStateException(id + " was not up within " + timeout.toSeconds() + " s (its /health: "
                + client.health(child.spec.url()).detail() + "); its output is in " + child.spec.log());
    }

    /** SIGKILL, as a crash or the OOM killer would; returns once the supervisor has seen it down. */
    void kill(String id) {
        Process process;
        Child child = child(id);
        synchronized (child) {
            process = child.process;
        }
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            process.waitFor(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        exited(process);
    }

    /** Stops the node gracefully (SIGTERM: in-flight queries finish, a writer checkpoints) and starts it again. */
    void restart(String id, Duration timeout) {
        Child child = child(id);
        stop(child);
        synchronized (child) {
            child.stopAsked = false;
            child.restarts++;
            launch(child);
        }
        changed.run();
        awaitUp(id, timeout);
    }

    private void stop(Child child) {
        Process process;
        synchronized (child) {
            child.stopAsked = true;
            cancelRestart(child);
            process = child.process;
        }
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                    log.warn("{} did not stop within {} s of SIGTERM; killing it", child.spec.id(), STOP_TIMEOUT.toSeconds());
                    process.destroyForcibly();
                    process.waitFor(30, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
            exited(process);
        }
        synchronized (child) {
            child.status = NodeProcessState.Status.STOPPED;
        }
    }

    NodeProcessState state(String id) {
        Child child = child(id);
        synchronized (child) {
            return child.state();
        }
    }

    List<NodeProcessState> states() {
        List<Child> all;
        synchronized (children) {
            all = new ArrayList<>(children.values());
        }
        List<NodeProcessState> states = new ArrayList<>();
        for (Child child : all) {
            synchronized (child) {
                states.add(child.state());
            }
        }
        return states;
    }

    private Child child(String id) {
        Child child = children.get(id);
        if (child == null) {
            throw new IllegalArgumentException("no node " + id + " in the local fleet; its nodes are " + children.keySet());
        }
        return child;
    }

    /** Stops every node, all at once (each stops gracefully on SIGTERM; waiting in turn would add up). */
    @Override
    public void close() {
        closed = true;
        scheduler.shutdownNow();
        List<Child> all;
        synchronized (children) {
            all = new ArrayList<>(children.values());
        }
        for (Child child : all) {
            synchronized (child) {
                child.stopAsked = true;
                cancelRestart(child);
                if (child.process != null) {
                    child.process.destroy();
                }
            }
        }
        for (Child child : all) {
            stop(child);
        }
    }
}
