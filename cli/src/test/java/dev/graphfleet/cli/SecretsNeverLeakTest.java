package dev.graphfleet.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import dev.graphfleet.config.GraphfleetConfig;
import dev.graphfleet.fleet.nodes.NodeTrust;
import dev.graphfleet.fleet.nodes.ProbeOptions;
import dev.graphfleet.node.ConfiguredNode;
import dev.graphfleet.pool.GraphPool;
import dev.graphfleet.testing.S3Server;
import dev.graphfleet.testing.TestKeyStores;
import dev.graphfleet.testing.cli.Databases;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Real paths run with known secrets (a node API key, a key store password, AWS credentials through
 * the SDK's default chain) and every place a secret could surface is searched for them: the logs
 * (our loggers at DEBUG, everything else at INFO, stack traces included), stdout and stderr, the
 * CLI's output, every HTTP answer's body and headers ({@code /metrics}, Prometheus, errors), the
 * messages of the exceptions a user sees, and the settings' {@code toString}.
 */
class SecretsNeverLeakTest {

    @RegisterExtension
    static final S3Server S3 = S3Server.withBuckets("secrets");

    private static final String API_KEY = "api-key-7c1e-never-shown";
    private static final String TLS_PASSWORD = "tls-pass-55aa-never-shown";
    private static final String WRONG_AWS_SECRET = "wrong-aws-secret-0b9f-never-shown";

    @TempDir
    Path temp;

    private final List<String> seen = new ArrayList<>();
    private ListAppender<ILoggingEvent> logs;
    private Logger root;
    private Logger ours;
    private PrintStream stdout;
    private PrintStream stderr;
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    @BeforeEach
    void capture() {
        System.setProperty("aws.accessKeyId", S3Server.ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", S3Server.SECRET_KEY);
        root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ours = (Logger) LoggerFactory.getLogger("dev.graphfleet");
        logs = new ListAppender<>();
        logs.start();
        root.addAppender(logs);
        root.setLevel(Level.INFO);
        ours.setLevel(Level.DEBUG);
        stdout = System.out;
        stderr = System.err;
        PrintStream both = new PrintStream(console, true, StandardCharsets.UTF_8);
        System.setOut(both);
        System.setErr(both);
    }

    @AfterEach
    void release() {
        System.setOut(stdout);
        System.setErr(stderr);
        root.detachAppender(logs);
        root.setLevel(Level.WARN);
        ours.setLevel(null);
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    @Test
    void noSecretSurfacesAnywhereOnRealPaths() throws Exception {
        // Publish a repository to S3 through the CLI, credentials from the default chain.
        Path build = temp.resolve("build");
        try (GraphPool writer = Databases.writer(build, 1)) {
            writer.query("sec", "CREATE NODE TABLE Fact(id INT64, PRIMARY KEY(id))");
            writer.query("sec", "UNWIND range(1, 10) AS i CREATE (:Fact {id: i})");
            writer.forceCleanup("sec");
        }
        cli("repo", "push", "--file", build.resolve("sec.kuzu").toString(), "--name", "sec", "--to", "s3://secrets/prod",
                "--endpoint", S3.endpoint().toString(), "--path-style");
        cli("repo", "list", "--store", "s3://secrets/prod", "--endpoint", S3.endpoint().toString(), "--path-style");

        // A shared replica with an API key and TLS attaches it from S3 and serves.
        Path keyStore = TestKeyStores.nodeKeyStore(temp, TLS_PASSWORD);
        Path trustStore = TestKeyStores.trustStoreFor(keyStore, TLS_PASSWORD, TLS_PASSWORD);
        Map<String, String> env = Map.of("SECRET_TEST_KEY", API_KEY, "SECRET_TLS_PASS", TLS_PASSWORD);
        GraphfleetConfig config = GraphfleetConfig.parse("""
                environment: local
                tiers:
                  shared:
                    shared_repositories: [sec]
                    instance: {max_memory_mb: 256, connection_pool_size: 2, query_timeout: 30}
                node:
                  id: replica-s
                  type: shared_replica
                  tier: shared
                  data_dir: %s
                  api:
                    host: 127.0.0.1
                    port: 0
                    api_key_env: SECRET_TEST_KEY
                    tls: {key_store: %s, key_store_password_env: SECRET_TLS_PASS}
                  store: {uri: "s3://secrets/prod", endpoint: "%s", region: us-east-1}
                  admission: {cpu_percent: 100, memory_percent: 100, ingestion_cpu_percent: 100}
                  attach: {attempts: 1}
                """.formatted(temp.resolve("replica"), keyStore, S3.endpoint()));
        HttpClient client = new NodeTrust(trustStore, TLS_PASSWORD).apply(HttpClient.newBuilder()).build();
        try (ConfiguredNode node = ConfiguredNode.start(config, env)) {
            assertThat(node.awaitReady(Duration.ofSeconds(60))).isTrue();
            URI base = node.node().uri();
            for (String path : List.of("/health", "/metrics", "/metrics/prometheus", "/databases", "/pool", "/attachments",
                    "/nowhere")) {
                http(client, base, path, API_KEY, null);
                http(client, base, path, API_KEY + "x", null);
                http(client, base, path, null, null);
            }
            http(client, base, "/databases/sec/query", API_KEY, "{\"cypher\": \"MATCH (f:Fact) RETURN count(f)\"}");
            http(client, base, "/databases/sec/query", API_KEY, "{\"cypher\": ");
            http(client, base, "/databases/sec/query", API_KEY, "{\"cypher\": \"CREATE (:Fact {id: 99})\"}");
            http(client, base, "/databases/sec/query", API_KEY, "{\"cypher\": \"ATTACH '/x' AS y\"}");
            http(client, base, "/databases/sec/query", API_KEY, "{\"cypher\": \"MATCH (x:Nope) RETURN x\"}");
            http(client, base, "/databases/nope/query", API_KEY, "{\"cypher\": \"RETURN 1\"}");
            seen.add(node.node().settings().toString());
            assertThat(seen.get(seen.size() - 1)).contains("apiKey=(set)", "password=(set)");
        }

        // Wrong AWS credentials: the failure names the problem, not the secret.
        System.setProperty("aws.secretAccessKey", WRONG_AWS_SECRET);
        CliRun refused = cli("repo", "list", "--store", "s3://secrets/prod", "--endpoint", S3.endpoint().toString(),
                "--path-style");
        assertThat(refused.code()).isNotZero();
        // A wrong key store password: the message names the variable, not its value.
        Map<String, String> wrongPassword = Map.of("SECRET_TEST_KEY", API_KEY, "SECRET_TLS_PASS", WRONG_AWS_SECRET);
        assertThatThrownBy(() -> ConfiguredNode.start(config, wrongPassword))
                .satisfies(e -> seen.add(e.getMessage()));
        // A key pasted into the config in place of a variable name is never echoed.
        Path pasted = temp.resolve("pasted.yml");
        Files.writeString(pasted, "environment: prod\nnode: {id: n1, type: writer, tier: t, data_dir: /d, "
                + "api: {api_key_env: \"" + API_KEY + "\", tls: {key_store: /k.p12, key_store_password_env: \""
                + TLS_PASSWORD + "\"}}}\ntiers: {t: {instance: {max_memory_mb: 512}}}\n");
        assertThat(cli("config", "validate", pasted.toString()).code()).isEqualTo(2);
        seen.add(new ProbeOptions(Duration.ofSeconds(1), 1, API_KEY).toString());
        seen.add(new NodeTrust(trustStore, TLS_PASSWORD).toString());

        seen.add(console.toString(StandardCharsets.UTF_8));
        for (ILoggingEvent event : logs.list) {
            seen.add(event.getFormattedMessage());
            if (event.getThrowableProxy() != null) {
                seen.add(ThrowableProxyUtil.asString(event.getThrowableProxy()));
            }
        }
        assertThat(logs.list).as("the paths ran and logged").hasSizeGreaterThan(5);
        String everything = String.join("\n", seen);
        assertThat(everything).contains("replica-s", "sec");
        for (String secret : List.of(API_KEY, TLS_PASSWORD, S3Server.SECRET_KEY, WRONG_AWS_SECRET)) {
            assertThat(everything).as("a secret surfaced").doesNotContain(secret);
        }
    }

    private CliRun cli(String... args) {
        CliRun run = CliRun.of(args);
        seen.add(run.out());
        seen.add(run.err());
        return run;
    }

    private void http(HttpClient client, URI base, String path, String key, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
        if (key != null) {
            request.header("X-Graph-API-Key", key);
        }
        if (body != null) {
            request.POST(HttpRequest.BodyPublishers.ofString(body));
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        seen.add(response.statusCode() + " " + response.headers().map() + " " + response.body());
    }
}
