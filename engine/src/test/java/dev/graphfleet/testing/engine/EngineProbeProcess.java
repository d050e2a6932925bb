package dev.graphfleet.testing.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The real engine in a child JVM ({@link EngineProbe}), for queries that may crash it: a segfault
 * ends the child, never the test JVM. After a crash the next {@link #run} starts a fresh child.
 */
public final class EngineProbeProcess implements AutoCloseable {

    /** What one query did: answered ({@code ok}/{@code error}), or ended the process ({@code crashed}). */
    public record Outcome(String status, String detail) {
        public boolean crashed() {
            return status.equals("crashed");
        }

        public boolean ok() {
            return status.equals("ok");
        }

        @Override
        public String toString() {
            return status + (detail.isEmpty() ? "" : " " + detail);
        }
    }

    /** Runs one query; {@link EngineProbeProcess#run} or a wrapper of it. */
    @FunctionalInterface
    public interface Runner {
        Outcome run(String cypher);
    }

    private final Path dir;
    private final String jvmStack;
    private final long threadStackBytes;
    private Process process;
    private OutputStream in;
    private BlockingQueue<String> lines;
    private int starts;

    /**
     * @param dir              where the child keeps its scratch database (a fresh file per start)
     * @param jvmStack         the child's {@code -Xss}, e.g. "4m"
     * @param threadStackBytes the stack of the thread that runs each query
     */
    public EngineProbeProcess(Path dir, String jvmStack, long threadStackBytes) {
        this.dir = dir;
        this.jvmStack = jvmStack;
        this.threadStackBytes = threadStackBytes;
    }

    public Outcome run(String cypher) {
        try {
            if (process == null || !process.isAlive()) {
                start();
            }
            in.write((Base64.getEncoder().encodeToString(cypher.getBytes(StandardCharsets.UTF_8)) + "\n")
                    .getBytes(StandardCharsets.US_ASCII));
            in.flush();
        } catch (IOException e) {
            return crashed();
        }
        try {
            String line = lines.poll(60, TimeUnit.SECONDS);
            if (line == null || line.equals("(end)")) {
                return crashed();
            }
            int space = line.indexOf(' ');
            return space < 0 ? new Outcome(line, "") : new Outcome(line.substring(0, space), line.substring(space + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** How many children were started: 1 plus the crashes. */
    public int starts() {
        return starts;
    }

    private Outcome crashed() {
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                return new Outcome("crashed", "hung: killed after 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new Outcome("crashed", "exit " + process.exitValue());
    }

    private void start() throws IOException {
        close();
        starts++;
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xss" + jvmStack, "-Xmx256m", "-XX:+UseSerialGC", "-XX:-CreateCoredumpOnCrash",
                "-cp", System.getProperty("java.class.path"), EngineProbe.class.getName(),
                dir.resolve("probe-" + starts + ".kuzu").toString(), Long.toString(threadStackBytes)));
        process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        in = process.getOutputStream();
        lines = new ArrayBlockingQueue<>(16);
        BlockingQueue<String> queue = lines;
        Process child = process;
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.equals("ready") || line.startsWith("ok") || line.startsWith("error")) {
                        queue.put(line);
                    }
                }
            } catch (IOException | InterruptedException e) {
                // the child is gone; the end marker below says so
            }
            queue.offer("(end)");
        }, "engine-probe-output");
        reader.setDaemon(true);
        reader.start();
        try {
            String ready = lines.poll(60, TimeUnit.SECONDS);
            if (!"ready".equals(ready)) {
                throw new IllegalStateException("the engine probe did not start: " + ready);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

}
