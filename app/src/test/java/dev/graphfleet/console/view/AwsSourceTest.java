package dev.graphfleet.console.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphfleet.console.ConsoleConfig;
import dev.graphfleet.console.testing.ConsoleHarness;
import dev.graphfleet.console.testing.NodeServer;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code console --aws} on the real AWS source whose endpoint refuses connections: the console shows
 * the source as unreachable with the backoff, not an empty fleet. (The AWS source's own tests speak
 * each service's wire protocol; here only the console's handling of a failing source is in question.)
 */
class AwsSourceTest {

    private String accessKey;
    private String secretKey;

    @BeforeEach
    void credentials() {
        // The SDK's default chain reads these first: fixed test credentials, never real ones.
        accessKey = System.setProperty("aws.accessKeyId", "AKIDCONSOLETEST");
        secretKey = System.setProperty("aws.secretAccessKey", "console-test-secret");
    }

    @AfterEach
    void restore() {
        restore("aws.accessKeyId", accessKey);
        restore("aws.secretAccessKey", secretKey);
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }

    @Test
    void anAwsEndpointThatRefusesShowsTheSourceUnreachable() throws Exception {
        ConsoleConfig config = ConsoleOptionsAccess.parse("--aws", "--env", "prod", "--region", "us-east-1",
                "--endpoint", NodeServer.deadUrl().toString(), "--timeout-s", "2");
        try (ConsoleHarness console = ConsoleHarness.show(config, List.of())) {
            console.refresh();
            console.openTab("fleet");

            assertThat(console.find("#source-banner", HBox.class).isVisible()).isTrue();
            String banner = console.find("#source-banner-text", Label.class).getText();
            assertThat(banner).startsWith("Cannot read aws(").contains("1 failed read in a row; retrying in 2 s");
            assertThat(banner).doesNotContain("console-test-secret");
            assertThat(console.find("#fleet-summary", Label.class).getText())
                    .isEqualTo("No instances (the source could not be read)");
            console.screenshot("aws-unreachable");
        }
    }
}
