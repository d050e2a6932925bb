package dev.graphfleet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphfleet.pool.GraphPool;
import dev.graphfleet.testing.CliProcess;
import dev.graphfleet.testing.cli.Databases;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ServeCommandTest {

    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");

    @TempDir
    Path dataDir;

    // Writes acknowledged before SIGTERM being on disk is SigtermUnderLoadTest's (its config lifts CPU
    // admission; this plain --data-dir node keeps the default and may refuse writes on a busy machine).
    @Test
    void sigtermStopsAPlainDataDirNodeAfterItsShutdownHook() throws Exception {
        try (GraphPool pool = Databases.writer(dataDir, 1)) {
            pool.query("orders", "CREATE NODE TABLE O(id INT64, PRIMARY KEY(id))");
        }
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), GraphfleetCli.class.getName(),
                "serve", "--data-dir", dataDir.toString(), "--port", "0", "--node-id", "cli-node",
                "--api-key-env", "GRAPHFLEET_TEST_KEY");
        builder.environment().put("GRAPHFLEET_TEST_KEY", "cli-secret");
        builder.redirectErrorStream(true);
        Process process = builder.start();
        try {
            URI uri = awaitListening(process);
            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<String> health = client.send(HttpRequest.newBuilder(uri.resolve("/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"node_id\":\"cli-node\"");

            process.destroy(); // SIGTERM
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isEqualTo(128 + 15); // ended by the signal, after the shutdown hook
        } finally {
            process.destroyForcibly();
        }
        try (GraphPool reopened = Databases.writer(dataDir, 1)) {
            assertThat(reopened.query("orders", "MATCH (o:O) RETURN count(o)")).isEqualTo(List.of(List.of(0L)));
        }
    }

    @Test
    void usageErrorsExitWithTwoAndNameTheFix() {
        assertThat(run("serve")).isEqualTo(new Result(2, "graphfleet: give --config FILE, or --data-dir DIR for a plain writer node"));
        assertThat(run("serve", "--data-dir", dataDir.toString(), "--type", "primary"))
                .isEqualTo(new Result(2, "graphfleet: --type: unknown node type 'primary': use one of writer, "
                        + "shared_master, shared_replica"));
        assertThat(run("serve", "--data-dir", dataDir.toString(), "--api-key-env", "GRAPHFLEET_SURELY_UNSET_VAR"))
                .isEqualTo(new Result(2, "graphfleet: --api-key-env names GRAPHFLEET_SURELY_UNSET_VAR, but that "
                        + "environment variable is not set or empty: export it, or leave out --api-key-env to run "
                        + "without a key"));
        assertThat(run("serve", "--data-dir", dataDir.toString(), "--port", "70000").code()).isEqualTo(2);
    }

    @Test
    void aDataDirThatDoesNotExistIsRefusedUnlessCreationIsAsked() throws Exception {
        Path missing = dataDir.resolve("mistyped");
        Result refused = run("serve", "--data-dir", missing.toString(), "--port", "0");
        assertThat(refused).isEqualTo(new Result(2, "graphfleet: --data-dir " + missing + " does not exist: check the "
                + "path (is the data volume mounted?), or add --create-data-dir to start a node on a new, empty directory"));
        assertThat(missing).doesNotExist();

        Path file = Files.writeString(dataDir.resolve("a-file"), "x");
        assertThat(run("serve", "--data-dir", file.toString(), "--port", "0"))
                .isEqualTo(new Result(2, "graphfleet: --data-dir " + file + " is not a directory: pass the directory "
                        + "that holds the databases (<name>.kuzu)"));

        try (CliProcess node = CliProcess.start(Map.of(), "serve", "--data-dir", missing.toString(), "--create-data-dir",
                "--port", "0")) {
            node.awaitLine(LISTENING, 60);
            assertThat(missing).isDirectory();
            node.terminate();
        }
    }

    @Test
    void aPortInUseIsAFailureNamingTheAddress() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Result result = run("serve", "--data-dir", dataDir.toString(), "--port", Integer.toString(taken.getLocalPort()));
            assertThat(result.code()).isEqualTo(1);
            assertThat(result.err()).startsWith("graphfleet: cannot listen on 127.0.0.1:" + taken.getLocalPort());
        }
    }

    record Result(int code, String err) {
    }

    /** Runs the CLI in process; its error stream is captured from before the command line exists. */
    private static Result run(String... args) {
        java.io.PrintStream originalErr = System.err;
        java.io.ByteArrayOutputStream stderr = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(stderr, true, StandardCharsets.UTF_8));
        try {
            StringWriter err = new StringWriter();
            CommandLine cli = GraphfleetCli.commandLine();
            cli.setErr(new PrintWriter(err, true));
            int code = cli.execute(args);
            String text = (err + stderr.toString(StandardCharsets.UTF_8)).lines().findFirst().orElse("");
            return new Result(code, text);
        } finally {
            System.setErr(originalErr);
        }
    }

    /** Reads the child's output until it says where it listens (a real process: a deadline, not a sleep). */
    private static URI awaitListening(Process process) throws InterruptedException {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    lines.add(line);
                }
            } catch (java.io.IOException e) {
                lines.add("(output closed: " + e + ")");
            }
        }, "serve-output");
        reader.setDaemon(true);
        reader.start();
        StringBuilder seen = new StringBuilder();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (line == null) {
                if (!process.isAlive()) {
                    break;
                }
                continue;
            }
            seen.append(line).append('\n');
            Matcher matcher = LISTENING.matcher(line);
            if (matcher.find()) {
                return URI.create(matcher.group(1));
            }
        }
        throw new AssertionError("the node did not start; its output:\n" + seen);
    }
}
