package dev.graphfleet.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code graphfleet serve --data-dir} in a child JVM with the stack size given, for queries that may
 * crash the node: a crash ends the child, and the test sees its exit code.
 */
public final class ServedNode implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");

    private final Process process;
    private final URI uri;
    private final List<String> output;

    private ServedNode(Process process, URI uri, List<String> output) {
        this.process = process;
        this.uri = uri;
        this.output = output;
    }

    /**
     * Starts a writer with {@code serve --config} on a free loopback port (no API key: loopback only)
     * and waits until it listens. CPU admission is lifted: the child samples the real CPU of a shared
     * machine, and these tests are about surviving queries, not about shedding load.
     */
    public static ServedNode start(Path dataDir, String jvmStack) {
        Path config;
        try {
            java.nio.file.Files.createDirectories(dataDir);
            config = java.nio.file.Files.writeString(dataDir.resolveSibling(dataDir.getFileName() + "-node.yml"),
                    String.join("\n",
                            "environment: local",
                            "tiers:",
                            "  served:",
                            "    instance: {databases_per_instance: 2, max_memory_mb: 256, memory_per_db_mb: 64,",
                            "               connection_pool_size: 2, query_timeout: 10}",
                            "node:",
                            "  id: served-node",
                            "  type: writer",
                            "  tier: served",
                            "  data_dir: " + dataDir,
                            "  api: {host: 127.0.0.1, port: 8001}",
                            "  admission: {cpu_percent: 100, ingestion_cpu_percent: 100, max_in_flight_per_database: 64,",
                            "              adaptive: false, max_in_flight: 64}",
                            ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xss" + jvmStack, "-Xmx512m", "-XX:-CreateCoredumpOnCrash",
                "-XX:ErrorFile=" + dataDir.resolveSibling("hs_err_%p.log"),
                "-cp", System.getProperty("java.class.path"), "dev.graphfleet.cli.GraphfleetCli",
                "serve", "--config", config.toString(), "--port", "0"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> lines = new CopyOnWriteArrayList<>();
        CompletableFuture<URI> listening = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    if (lines.size() < 2_000) {
                        lines.add(line);
                    }
                    Matcher matcher = LISTENING.matcher(line);
                    if (matcher.find()) {
                        listening.complete(URI.create(matcher.group(1)));
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
            listening.completeExceptionally(new IllegalStateException("the node ended before it listened"));
        }, "served-node-output");
        reader.setDaemon(true);
        reader.start();
        try {
            return new ServedNode(process, listening.get(60, TimeUnit.SECONDS), lines);
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IllegalStateException("the node did not start: " + e + "\n" + String.join("\n", lines), e);
        }
    }

    public URI uri() {
        return uri;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The exit code, or -1 while it runs. */
    public int exitCode() {
        return process.isAlive() ? -1 : process.exitValue();
    }

    public String output() {
        return String.join("\n", output);
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
