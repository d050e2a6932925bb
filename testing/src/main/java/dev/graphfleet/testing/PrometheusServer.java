package dev.graphfleet.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The real {@code prometheus} as a child process on a loopback port, with its own storage directory
 * and configuration file; read through its HTTP API ({@code /api/v1/targets}, {@code /api/v1/query}).
 */
public final class PrometheusServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final URI base;
    private final Path log;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private PrometheusServer(Process process, URI base, Path log) {
        this.process = process;
        this.base = base;
        this.log = log;
    }

    /** Starts prometheus with this configuration (YAML) in {@code dir}; returns once its API answers. */
    public static PrometheusServer start(Path dir, String configYaml, Duration startWithin) throws Exception {
        Path binary = PrometheusBinaries.require(PrometheusBinaries.PROMETHEUS);
        Path config = Files.writeString(dir.resolve("prometheus.yml"), configYaml);
        Path storage = Files.createDirectories(dir.resolve("tsdb"));
        Path log = dir.resolve("prometheus.log");
        int port = freePort();
        Process process = new ProcessBuilder(binary.toString(), "--config.file=" + config,
                "--storage.tsdb.path=" + storage, "--web.listen-address=127.0.0.1:" + port,
                "--log.level=warn")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        PrometheusServer server = new PrometheusServer(process, URI.create("http://127.0.0.1:" + port), log);
        try {
            server.await("prometheus ready", startWithin, () -> server.getOrNull("/-/ready") != null);
        } catch (RuntimeException | Error e) {
            server.close();
            throw e;
        }
        return server;
    }

    /** The active targets of a scrape job ({@code /api/v1/targets}). */
    public List<JsonNode> targets(String job) {
        JsonNode answer = getOrNull("/api/v1/targets?state=active");
        if (answer == null) {
            return List.of();
        }
        List<JsonNode> targets = new java.util.ArrayList<>();
        answer.at("/data/activeTargets").forEach(target -> {
            if (job.equals(target.at("/labels/job").asText())) {
                targets.add(target);
            }
        });
        return targets;
    }

    /** Waits (bounded) until the job's only target has been scraped with this health ("up" or "down"). */
    public JsonNode awaitTarget(String job, String health, Duration within) {
        JsonNode[] found = new JsonNode[1];
        await("target of job " + job + " " + health, within, () -> {
            List<JsonNode> targets = targets(job);
            if (targets.size() == 1 && health.equals(targets.get(0).get("health").asText())) {
                found[0] = targets.get(0);
                return true;
            }
            return false;
        });
        return found[0];
    }

    /** The result vector of an instant query ({@code /api/v1/query}). */
    public JsonNode query(String promql) {
        JsonNode answer = getOrNull("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
        if (answer == null || !"success".equals(answer.get("status").asText())) {
            throw new AssertionError("query " + promql + " failed: " + answer);
        }
        return answer.at("/data/result");
    }

    /** Waits (bounded) until an instant query returns a result this predicate accepts. */
    public JsonNode awaitQuery(String promql, Predicate<JsonNode> accepted, Duration within) {
        JsonNode[] found = new JsonNode[1];
        await("query " + promql, within, () -> {
            JsonNode result = query(promql);
            found[0] = result;
            return accepted.test(result);
        });
        return found[0];
    }

    private JsonNode getOrNull(String path) {
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(base.resolve(path))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return null;
            }
            return path.startsWith("/-/") ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void await(String what, Duration within, java.util.function.BooleanSupplier done) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!done.getAsBoolean()) {
            if (!process.isAlive()) {
                throw new AssertionError("prometheus exited (" + process.exitValue() + ") waiting for " + what + ":\n" + logText());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + what + " within " + within + ":\n" + logText());
            }
            try {
                process.waitFor(100, TimeUnit.MILLISECONDS); // a bounded poll interval, not a synchronisation
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private String logText() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
