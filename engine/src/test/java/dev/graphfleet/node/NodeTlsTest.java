package dev.graphfleet.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graphfleet.config.ConfigException;
import dev.graphfleet.config.GraphfleetConfig;
import dev.graphfleet.fleet.nodes.NodeProbe;
import dev.graphfleet.fleet.nodes.NodeReport;
import dev.graphfleet.fleet.nodes.NodeTrust;
import dev.graphfleet.fleet.nodes.ProbeOptions;
import dev.graphfleet.testing.TestKeyStores;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The node API over HTTPS from a PKCS12 key store named in config, on loopback, with a client that trusts it. */
class NodeTlsTest {

    private static final String STORE_PASSWORD = "st0re-pass-never-logged";
    private static final String API_KEY = "tls-api-key-91ac";

    @TempDir
    Path dir;
    Path keyStore;
    Path trustStore;

    @BeforeEach
    void keys() throws Exception {
        keyStore = TestKeyStores.nodeKeyStore(dir, STORE_PASSWORD);
        trustStore = TestKeyStores.trustStoreFor(keyStore, STORE_PASSWORD, "trust-pass");
    }

    private GraphfleetConfig config(Path store) {
        return GraphfleetConfig.parse("""
                environment: local
                tiers:
                  small:
                    instance: {max_memory_mb: 512, memory_per_db_mb: 64, connection_pool_size: 2, query_timeout: 30}
                node:
                  id: tls-node
                  type: writer
                  tier: small
                  data_dir: %s
                  api:
                    host: 127.0.0.1
                    port: 0
                    api_key_env: TEST_KEY
                    tls: {key_store: %s, key_store_password_env: TLS_PASS}
                  admission: {cpu_percent: 100, memory_percent: 100, ingestion_cpu_percent: 100}
                """.formatted(dir.resolve("data"), store));
    }

    private HttpClient trusting() {
        return new NodeTrust(trustStore, "trust-pass").apply(HttpClient.newBuilder()).build();
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) throws Exception {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theApiAnswersOverHttpsWithTheKeyStillRequired() throws Exception {
        TestNodes.seed(dir.resolve("data"));
        try (ConfiguredNode node = ConfiguredNode.start(config(keyStore), Map.of("TEST_KEY", API_KEY, "TLS_PASS", STORE_PASSWORD))) {
            URI base = node.node().uri();
            assertThat(base.getScheme()).isEqualTo("https");
            HttpClient client = trusting();
            assertThat(send(client, HttpRequest.newBuilder(base.resolve("/health")).build()).statusCode()).isEqualTo(200);
            assertThat(send(client, HttpRequest.newBuilder(base.resolve("/pool")).build()).statusCode()).isEqualTo(401);
            HttpResponse<String> query = send(client, HttpRequest.newBuilder(base.resolve("/databases/people/query"))
                    .header("X-Graph-API-Key", API_KEY)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"cypher\": \"MATCH (p:Person) RETURN count(p)\"}")).build());
            assertThat(query.statusCode()).isEqualTo(200);
            assertThat(query.body()).contains("[[" + TestNodes.PEOPLE + "]]");

            // A client that does not trust the node's certificate is refused in the handshake...
            assertThatThrownBy(() -> send(HttpClient.newHttpClient(), HttpRequest.newBuilder(base.resolve("/health")).build()))
                    .isInstanceOf(IOException.class);
            // ...and plain HTTP gets no answer from the TLS listener.
            URI plain = URI.create("http://127.0.0.1:" + base.getPort() + "/health");
            assertThatThrownBy(() -> send(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(),
                    HttpRequest.newBuilder(plain).timeout(Duration.ofSeconds(5)).build())).isInstanceOf(IOException.class);

            // The fleet's node reader (the console's too) reads an https node through the trust store.
            NodeProbe probe = new NodeProbe(trusting(), new ProbeOptions(Duration.ofSeconds(5), 1, API_KEY));
            NodeReport report = probe.probeAll(List.of(base), Instant.now()).get(0).get();
            assertThat(report.nodeId()).isEqualTo("tls-node");
            assertThat(report.state()).isEqualTo("ready");
            assertThat(report.metricsError()).isNull();
            assertThat(report.summary()).isNotNull();
            assertThat(report.toString()).doesNotContain(API_KEY);
            assertThat(node.node().settings().toString()).contains("password=(set)").doesNotContain(STORE_PASSWORD);
        }
    }

    @Test
    void aWrongPasswordOrMissingStoreNamesTheKeyAndNeverThePassword() {
        assertThatThrownBy(() -> ConfiguredNode.start(config(keyStore), Map.of("TEST_KEY", API_KEY, "TLS_PASS", "wrong-pass-123")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("node.api.tls.key_store").hasMessageContaining("key_store_password_env")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("wrong-pass-123"));
        assertThatThrownBy(() -> ConfiguredNode.start(config(dir.resolve("nowhere.p12")), Map.of("TEST_KEY", API_KEY, "TLS_PASS", STORE_PASSWORD)))
                .hasMessageContaining("nowhere.p12 is not a file");
        assertThatThrownBy(() -> ConfiguredNode.start(config(keyStore), Map.of("TEST_KEY", API_KEY)))
                .isInstanceOf(ConfigException.class).hasMessageContaining("TLS_PASS, which is not set");
    }
}
