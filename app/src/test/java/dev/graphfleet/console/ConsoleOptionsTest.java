package dev.graphfleet.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graphfleet.cli.UsageException;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine;
import org.junit.jupiter.api.Test;

class ConsoleOptionsTest {

    private static ConsoleConfig parse(Map<String, String> env, String... args) {
        ConsoleOptions options = new ConsoleOptions();
        new CommandLine(options).parseArgs(args);
        return options.toConfig(env::get);
    }

    @Test
    void withoutNodesThereIsNoSource() {
        ConsoleConfig config = parse(Map.of());

        assertThat(config.hasSource()).isFalse();
        assertThat(config.interval()).isEqualTo(Duration.ofSeconds(1));
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
    void aRefreshOutsideItsRangeIsRefused() {
        assertThatThrownBy(() -> parse(Map.of(), "--refresh-s", "0"))
                .hasMessage("--refresh-s must be between 0.1 and 3600.0 seconds, got 0.0");
    }
}
