package dev.graphfleet.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.graphfleet.testing.PrometheusServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stock Prometheus (the real binary, as a child process) scrapes a node that has an API key, with
 * the scrape configuration docs/node-api.md shows: {@code authorization: {credentials_file: ...}},
 * i.e. {@code Authorization: Bearer <key>}. A second job with a wrong key sees the target down with 401.
 */
class PrometheusScrapeTest {

    private static final String KEY = "scrape-key-5d1e9a";
    private static final Duration WITHIN = Duration.ofSeconds(60);

    @TempDir
    Path dataDir;
    @TempDir
    Path prometheusDir;
    GraphNode node;

    @AfterEach
    void stop() {
        if (node != null) {
            node.stop();
        }
    }

    @Test
    void stockPrometheusScrapesAKeyedNodeWithABearerToken() throws Exception {
        TestNodes.seed(dataDir);
        node = GraphNode.builder(TestNodes.settings(dataDir).withApiKey(KEY)).resources(FixedResources.idle()).start();
        Path keyFile = Files.writeString(prometheusDir.resolve("graphfleet.key"), KEY + "\n");
        Path wrongKeyFile = Files.writeString(prometheusDir.resolve("wrong.key"), "not-" + KEY);
        String target = node.uri().getHost() + ":" + node.uri().getPort();

        try (PrometheusServer prometheus = PrometheusServer.start(prometheusDir,
                "scrape_configs:\n" + scrapeJob("graphfleet", target, keyFile) + scrapeJob("graphfleet-wrong-key", target, wrongKeyFile), WITHIN)) {
            JsonNode up = prometheus.awaitTarget("graphfleet", "up", WITHIN);
            assertThat(up.get("lastError").asText()).isEmpty();
            JsonNode down = prometheus.awaitTarget("graphfleet-wrong-key", "down", WITHIN);
            assertThat(down.get("lastError").asText()).contains("401");

            JsonNode upSeries = prometheus.awaitQuery("up{job=\"graphfleet\"}", r -> r.size() == 1, WITHIN);
            assertThat(upSeries.get(0).at("/value/1").asText()).isEqualTo("1");
            JsonNode ready = prometheus.awaitQuery("graphfleet_node_ready{job=\"graphfleet\"}", r -> r.size() == 1, WITHIN);
            assertThat(ready.get(0).at("/value/1").asText()).isEqualTo("1");
            JsonNode info = prometheus.query("graphfleet_node_info{job=\"graphfleet\"}");
            assertThat(info.get(0).at("/metric/node_id").asText()).isEqualTo("test-node");
            assertThat(prometheus.query("count({job=\"graphfleet\"})").get(0).at("/value/1").asInt())
                    .as("samples from the keyed node").isGreaterThan(20);

            assertThat(prometheus.query("up{job=\"graphfleet-wrong-key\"}").get(0).at("/value/1").asText()).isEqualTo("0");
            assertThat(prometheus.query("graphfleet_node_ready{job=\"graphfleet-wrong-key\"}")).isEmpty();
        }
    }

    /** One scrape job exactly as docs/node-api.md shows it, with a 1 s interval for the test. */
    static String scrapeJob(String job, String target, Path keyFile) {
        return """
                - job_name: %s
                  scrape_interval: 1s
                  scrape_timeout: 1s
                  metrics_path: /metrics/prometheus
                  authorization:
                    type: Bearer
                    credentials_file: %s
                  static_configs:
                    - targets: ['%s']
                """.formatted(job, keyFile, target).indent(2);
    }
}
