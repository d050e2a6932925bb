package dev.graphfleet.console.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphfleet.console.ConsoleConfig;
import dev.graphfleet.console.service.NodeDetailReader;
import dev.graphfleet.console.testing.ConsoleHarness;
import dev.graphfleet.console.testing.LocalConsole;
import dev.graphfleet.fleet.nodes.NodesFleetSource;
import dev.graphfleet.fleet.nodes.ProbeOptions;
import dev.graphfleet.local.LocalFleet;
import dev.graphfleet.local.LocalNode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Headlines never say "all fine" over no figures (issue 15): with a wrong API key every real node
 * answers /metrics 401, and an AWS source without credentials lists no node at all.
 */
class HonestStatesTest {

    @TempDir
    Path dir;

    @Test
    void aWrongKeyOnEveryNodeIsTheHeadlineNotAllFine() throws Exception {
        LocalFleet fleet = LocalConsole.start(dir.resolve("fleet"), 1);
        try {
            List<URI> urls = fleet.nodes().stream().map(LocalNode::url).toList();
            ConsoleConfig config = new ConsoleConfig(
                    NodesFleetSource.create(urls, new ProbeOptions(ConsoleHarness.NODE_TIMEOUT,
                            ProbeOptions.DEFAULT_PARALLELISM, "not-the-key")),
                    NodeDetailReader.create(ConsoleHarness.NODE_TIMEOUT, "not-the-key"), Duration.ofSeconds(1), false, null);
            try (ConsoleHarness console = ConsoleHarness.show(config, List.of())) {
                console.refresh();
                int n = urls.size();
                String cause = "every node: /metrics: HTTP 401: the node refused the API key";

                console.openTab("buffer-pools");
                String memory = console.find("#memory-summary", Label.class).getText();
                console.screenshot("memory-wrong-key");
                assertThat(memory).startsWith("No figures from " + n + " nodes, " + cause)
                        .doesNotContain("fits its budget").doesNotContain("not-the-key");

                console.openTab("volumes");
                String volumes = console.find("#volumes-summary", Label.class).getText();
                console.screenshot("volumes-wrong-key");
                assertThat(volumes).startsWith("No figures from " + n + " nodes, " + cause)
                        .doesNotContain("No volume over");

                console.openTab("attachments");
                assertThat(console.find("#attachments-summary", Label.class).getText())
                        .startsWith("No figures from " + n + " nodes, " + cause);
            }
        } finally {
            fleet.close();
        }
    }

    @Test
    void anAwsSourceWithoutCredentialsSaysSoInEveryHeadline() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty"), "");
        Map<String, String> saved = new HashMap<>();
        // The SDK's default chain finds nothing: no keys, empty profile files, no instance metadata.
        Map<String, String> props = Map.of("aws.sharedCredentialsFile", empty.toString(), "aws.configFile",
                empty.toString(), "aws.disableEc2Metadata", "true");
        for (String key : List.of("aws.accessKeyId", "aws.secretAccessKey", "aws.sessionToken")) {
            saved.put(key, System.clearProperty(key));
        }
        props.forEach((k, v) -> saved.put(k, System.setProperty(k, v)));
        try {
            ConsoleConfig config = ConsoleOptionsAccess.parse("--aws", "--env", "staging", "--region", "us-east-1",
                    "--endpoint", "http://127.0.0.1:9", "--timeout-s", "2");
            try (ConsoleHarness console = ConsoleHarness.show(config, List.of())) {
                console.refresh();
                console.openTab("buffer-pools");
                String memory = console.find("#memory-summary", Label.class).getText();
                console.screenshot("memory-aws-no-credentials");
                assertThat(memory).startsWith("No figures: the source could not be read (");
                console.openTab("volumes");
                assertThat(console.find("#volumes-summary", Label.class).getText())
                        .startsWith("No figures: the source could not be read (");
            }
        } finally {
            saved.forEach((k, v) -> {
                if (v == null) {
                    System.clearProperty(k);
                } else {
                    System.setProperty(k, v);
                }
            });
        }
    }
}
