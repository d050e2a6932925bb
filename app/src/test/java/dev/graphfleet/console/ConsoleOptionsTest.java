package dev.graphfleet.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graphfleet.cli.UsageException;
import dev.graphfleet.config.NodeType;
import dev.graphfleet.console.service.Backoff;
import dev.graphfleet.console.service.ConsoleState;
import dev.graphfleet.console.service.FleetPoller;
import dev.graphfleet.console.testing.Fleets;
import dev.graphfleet.console.testing.NodeServer;
import dev.graphfleet.local.LocalFleetFile;
import dev.graphfleet.local.LocalNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ConsoleOptionsTest {

    @TempDir
    Path localData;

    private static ConsoleConfig parse(Map<String, String> env, String... args) {
        ConsoleOptions options = new ConsoleOptions();
        new CommandLine(options).parseArgs(args);
        return options.toConfig(env::get);
    }

    @Test
    void withoutNodesOrARunningLocalFleetAndNoStartThereIsNoSource() {
        ConsoleConfig config = parse(Map.of(), "--local-data", localData.toString(), "--no-start-local");

        assertThat(config.hasSource()).isFalse();
        assertThat(config.localFleetDir()).isEqualTo(localData);
        assertThat(config.interval()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aRunningLocalFleetIsTheDefaultSourceEachNodeReadWithItsOwnKey() throws Exception {
        try (NodeServer writer = NodeServer.start(Fleets.writer()).requireKey("key-of-writer");
             NodeServer replica = NodeServer.start(Fleets.replica("replica-1")).requireKey("key-of-replica")) {
            new LocalFleetFile(ProcessHandle.current().pid(), Instant.now(), List.of(
                    new LocalNode("writer-1", NodeType.WRITER, writer.uri(), "key-of-writer", localData),
                    new LocalNode("replica-1", NodeType.SHARED_REPLICA, replica.uri(), "key-of-replica", localData)),
                    Map.of()).write(localData);

            ConsoleConfig config = parse(Map.of(), "--local-data", localData.toString());

            assertThat(config.source().name()).isEqualTo("nodes(2)");
            try (FleetPoller poller = new FleetPoller(config.source(), config.details(),
                    new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30)), Clock.systemUTC(), state -> { })) {
                ConsoleState state = poller.refreshNow().get(10, TimeUnit.SECONDS);
                assertThat(state.fleet().environment()).isEqualTo("local");
                assertThat(state.fleet().instances()).allSatisfy(i -> {
                    assertThat(i.nodeError()).as("metrics read with the node's own key").isNull();
                    assertThat(i.node()).isNotNull();
                });
                assertThat(state.details()).hasSize(2).allSatisfy((id, detail) -> assertThat(detail.error()).isNull());
            }
            // Another process runs this fleet, one without a control endpoint: invalidate and the volume monitor only.
            assertThat(config.operator().kind()).isEqualTo(dev.graphfleet.console.viewmodel.SourceKind.LOCAL);
            assertThat(config.operator().readOnly()).isFalse();
            assertThat(config.operator().actions().unavailable(
                    dev.graphfleet.console.service.actions.ActionKind.INVALIDATE)).isNull();
            assertThat(config.operator().actions().unavailable(
                    dev.graphfleet.console.service.actions.ActionKind.SNAPSHOT)).contains("has no control endpoint");
        }
    }

    /** {@code --nodes local}: the local fleet's nodes, each read with its own key from local-fleet.json. */
    @Test
    void nodesLocalIsTheLocalFleetEachNodeReadWithItsOwnKey() throws Exception {
        try (NodeServer writer = NodeServer.start(Fleets.writer()).requireKey("key-of-writer");
             NodeServer replica = NodeServer.start(Fleets.replica("replica-1")).requireKey("key-of-replica")) {
            new LocalFleetFile(ProcessHandle.current().pid(), Instant.now(), List.of(
                    new LocalNode("writer-1", NodeType.WRITER, writer.uri(), "key-of-writer", localData),
                    new LocalNode("replica-1", NodeType.SHARED_REPLICA, replica.uri(), "key-of-replica", localData)),
                    Map.of()).write(localData);

            ConsoleConfig config = parse(Map.of(), "--nodes", "local", "--local-data", localData.toString());

            assertThat(config.source().name()).isEqualTo("nodes(2)");
            try (FleetPoller poller = new FleetPoller(config.source(), config.details(),
                    new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30)), Clock.systemUTC(), state -> { })) {
                ConsoleState state = poller.refreshNow().get(10, TimeUnit.SECONDS);
                assertThat(state.fleet().instances()).hasSize(2).allSatisfy(i ->
                        assertThat(i.nodeError()).as("read with the node's own key").isNull());
            }
        }
        assertThat(parse(Map.of(), "--nodes", "local", "--local-data", localData.resolve("none").toString(),
                "--no-start-local").hasSource()).isFalse();
    }

    @Test
    void readOnlyIsAnOptionForNodes() {
        ConsoleConfig readOnly = parse(Map.of(), "--nodes", "http://10.0.1.5:8001", "--read-only");
        assertThat(readOnly.operator().readOnly()).isTrue();
        assertThat(readOnly.operator().kind()).isEqualTo(dev.graphfleet.console.viewmodel.SourceKind.NODES);
        assertThat(parse(Map.of(), "--nodes", "http://10.0.1.5:8001").operator().readOnly()).isFalse();
    }

    @Test
    void nodesBecomeANodesSource() {
        ConsoleConfig config = parse(Map.of("KEY", "s3cret"), "--nodes", "http://10.0.1.5:8001,http://10.0.1.6:8001",
                "--refresh-s", "0.5", "--api-key-env", "KEY", "--dark");

        assertThat(config.source().name()).isEqualTo("nodes(2)");
        assertThat(config.interval()).isEqualTo(Duration.ofMillis(500));
        assertThat(config.dark()).isTrue();
    }

    @Test
    void aUrlThatIsNotHttpNamesTheOptionAndTheFix() {
        assertThatThrownBy(() -> parse(Map.of(), "--nodes", "ftp://x"))
                .isInstanceOf(UsageException.class)
                .hasMessage("--nodes: invalid node URL 'ftp://x': use http(s)://host:port, e.g. http://10.0.1.5:8001");
    }

    @Test
    void credentialsInAUrlNeverReachTheMessage() {
        assertThatThrownBy(() -> parse(Map.of(), "--nodes", "http://admin:hunter2@10.0.1.5:8001"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--api-key-env")
                .message().doesNotContain("hunter2");
    }

    @Test
    void anUnsetKeyVariableIsNamed() {
        assertThatThrownBy(() -> parse(Map.of(), "--nodes", "http://h:1", "--api-key-env", "GRAPH_API_KEY"))
                .isInstanceOf(UsageException.class)
                .hasMessageStartingWith("--api-key-env names GRAPH_API_KEY, but that environment variable is not set");
    }

    @Test
    void awsOptionsWithoutAwsAreNamed() {
        assertThatThrownBy(() -> parse(Map.of(), "--env", "prod", "--region", "us-east-1"))
                .isInstanceOf(UsageException.class)
                .hasMessage("--env, --region go with --aws; add --aws to read the fleet from AWS");
    }

    @Test
    void awsNeedsAnEnvironmentAndIsOneSourceOnly() {
        assertThatThrownBy(() -> parse(Map.of(), "--aws"))
                .hasMessageStartingWith("--aws needs --env ENV (the Environment tag, e.g. prod)");
        assertThatThrownBy(() -> parse(Map.of(), "--aws", "--env", "prod", "--nodes", "http://h:1"))
                .hasMessage("--aws and --nodes are two sources; pass one of them");
        assertThatThrownBy(() -> parse(Map.of(), "--aws", "--env", "prod", "--endpoint", "localhost:4566"))
                .hasMessageStartingWith("--endpoint: 'localhost:4566' is not an http(s) URL");
    }

    @Test
    void aRefreshOutsideItsRangeIsRefused() {
        assertThatThrownBy(() -> parse(Map.of(), "--refresh-s", "0", "--local-data", localData.toString()))
                .hasMessage("--refresh-s must be between 0.1 and 3600.0 seconds, got 0.0");
    }

    @Test
    void aTrustStoreIsReadForHttpsNodesAndItsProblemsNamed() throws Exception {
        assertThatThrownBy(() -> parse(Map.of(), "--nodes", "https://h:1", "--trust-store", localData.resolve("no.p12").toString()))
                .isInstanceOf(UsageException.class).hasMessageStartingWith("--trust-store: trust store ")
                .hasMessageContaining("no.p12 is not a file");
        assertThatThrownBy(() -> parse(Map.of(), "--nodes", "https://h:1", "--trust-store-password-env", "TP"))
                .hasMessage("--trust-store-password-env needs --trust-store");
        Path store = localData.resolve("trust.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "n", "-keyalg", "EC", "-dname", "CN=n", "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass", "tp-secret", "-keypass", "tp-secret")
                .redirectErrorStream(true).start();
        keytool.getInputStream().readAllBytes();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS) && keytool.exitValue() == 0).isTrue();
        assertThatThrownBy(() -> parse(Map.of(), "--nodes", "https://h:1", "--trust-store", store.toString(),
                "--trust-store-password-env", "TP"))
                .hasMessageContaining("TP, but that environment variable is not set");
        assertThatThrownBy(() -> parse(Map.of("TP", "wrong"), "--nodes", "https://h:1", "--trust-store", store.toString(),
                "--trust-store-password-env", "TP"))
                .hasMessageContaining("check the file and its password").message().doesNotContain("wrong");
        assertThat(parse(Map.of("TP", "tp-secret"), "--nodes", "https://h:1", "--trust-store", store.toString(),
                "--trust-store-password-env", "TP").source().name()).isEqualTo("nodes(1)");
    }
}
