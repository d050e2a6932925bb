package dev.graphfleet.volume.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.graphfleet.testing.FakeNodes;
import dev.graphfleet.testing.SilentNodes;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpInstanceVolumeReaderTest {

    static final String KEY = "s3cr3t-key";

    FakeNodes nodes;
    SilentNodes silent;
    final List<Duration> waits = new CopyOnWriteArrayList<>();
    final RetryDelay recordWaits = d -> {
        waits.add(d);
        return CompletableFuture.completedFuture(null);
    };
    HttpInstanceVolumeReader reader;
    HttpInstanceVolumeReader impatient;

    @BeforeEach
    void start() throws Exception {
        nodes = new FakeNodes(KEY, 4);
        silent = new SilentNodes();
        // generous for nodes that answer (a cold JVM is slow to its first request), short for the silent ones
        reader = new HttpInstanceVolumeReader(HttpClient.newHttpClient(),
                new NodeReadOptions(Duration.ofSeconds(10), 2, Duration.ofMillis(300)), KEY, recordWaits);
        impatient = new HttpInstanceVolumeReader(HttpClient.newHttpClient(),
                new NodeReadOptions(Duration.ofMillis(300), 2, Duration.ofMillis(300)), KEY, recordWaits);
    }

    @AfterEach
    void stop() throws Exception {
        nodes.close();
        silent.close();
    }

    static WatchedInstance at(String id, URI uri) {
        return new WatchedInstance(id, "writer", uri, "/mnt/lbug-data");
    }

    @Test
    void readsTheDataVolumeWithTheApiKey() throws Exception {
        DiskReading r = reader.read(at("w1", nodes.add("w1", 100, 85)));
        assertThat(r.source()).isEqualTo(MetricsSource.NODE);
        assertThat(r.sizeGb()).isEqualTo(100.0);
        assertThat(r.usedGb()).isEqualTo(85.0);
        assertThat(r.usage()).isCloseTo(0.85, within(1e-6));
        assertThat(r.mountPoint()).isEqualTo("/mnt/lbug-data");
        assertThat(waits).isEmpty();
    }

    @Test
    void aWrongKeyIsNotRetriedAndTheKeyIsNotInTheMessage() throws Exception {
        URI uri = nodes.add("w1", 100, 85);
        HttpInstanceVolumeReader wrongKey = new HttpInstanceVolumeReader(HttpClient.newHttpClient(),
                NodeReadOptions.defaults(), "not-the-key", recordWaits);
        assertThatThrownBy(() -> wrongKey.read(at("w1", uri)))
                .hasMessageContaining("HTTP 401")
                .hasMessageContaining("X-Graph-API-Key")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("not-the-key").doesNotContain(KEY));
        assertThat(nodes.hits("w1")).isEqualTo(1);
    }

    @Test
    void serverErrorsAreRetriedWithGrowingBackoff() throws Exception {
        URI uri = nodes.add("w1", 100, 50);
        nodes.failNext("w1", 2);
        DiskReading r = reader.read(at("w1", uri));
        assertThat(r.usage()).isCloseTo(0.5, within(1e-6));
        assertThat(nodes.hits("w1")).isEqualTo(3);
        assertThat(waits).containsExactly(Duration.ofMillis(300), Duration.ofMillis(600));
    }

    @Test
    void aNodeThatNeverAnswersFailsAfterThreeAttempts() {
        assertThatThrownBy(() -> impatient.read(at("dead", silent.add("dead"))))
                .hasMessageContaining("no answer after 3 attempts")
                .hasMessageContaining("timed out after 300 ms");
        assertThat(waits).containsExactly(Duration.ofMillis(300), Duration.ofMillis(600));
    }

    @Test
    void cancellingAReadAbandonsIt() throws Exception {
        HttpInstanceVolumeReader patient = new HttpInstanceVolumeReader(HttpClient.newHttpClient(),
                new NodeReadOptions(Duration.ofSeconds(60), 2, Duration.ZERO), KEY, recordWaits);
        CompletableFuture<DiskReading> read = patient.readAsync(at("dead", silent.add("dead")), Runnable::run);
        assertThat(read.cancel(true)).isTrue();
        assertThat(read).isCancelled();
        assertThat(waits).as("no retry after a cancel").isEmpty();
    }

    @Test
    void readsOfDeadNodesWaitTogetherWithoutThreads() throws Exception {
        // 50 reads started from this one thread: all are in flight at once (each connection accepted)
        List<CompletableFuture<DiskReading>> reads = new java.util.ArrayList<>();
        for (int i = 0; i < 50; i++) {
            reads.add(impatient.readAsync(at("dead" + i, silent.add("dead" + i)), Runnable::run));
        }
        for (CompletableFuture<DiskReading> r : reads) {
            assertThat(r).failsWithin(Duration.ofSeconds(30));
        }
        assertThat(silent.accepted()).isEqualTo(150);
    }

    @Test
    void aRefusedConnectionFailsAfterThreeAttempts() throws Exception {
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        assertThatThrownBy(() -> reader.read(at("gone", URI.create("http://127.0.0.1:" + closedPort))))
                .hasMessageContaining("no answer after 3 attempts")
                .hasMessageContaining("ConnectException");
    }

    @Test
    void badAnswersAreClearAndNotRetried() {
        assertThatThrownBy(() -> reader.read(at("a", nodes.addRaw("a", "<html>oops</html>"))))
                .hasMessageContaining("not JSON");
        assertThatThrownBy(() -> reader.read(at("b", nodes.addRaw("b", "{\"system\":{}}"))))
                .hasMessageContaining("no system.volumes.data_volume");
        assertThatThrownBy(() -> reader.read(at("c", nodes.addRaw("c",
                "{\"system\":{\"volumes\":{\"data_volume\":{\"error\":\"statvfs failed\"}}}}"))))
                .hasMessageContaining("could not read its data volume: statvfs failed");
        assertThatThrownBy(() -> reader.read(at("d", nodes.addRaw("d",
                "{\"system\":{\"volumes\":{\"data_volume\":{\"volume_size_gb\":100,\"used_gb\":85,"
                        + "\"usage_percent\":85.0}}}}"))))
                .hasMessageContaining("usage_percent is 85.0, but it must be a fraction 0..1");
        assertThatThrownBy(() -> reader.read(at("e", nodes.addRaw("e",
                "{\"system\":{\"volumes\":{\"data_volume\":{\"used_gb\":85}}}}"))))
                .hasMessageContaining("volume_size_gb is missing");
        assertThat(waits).isEmpty();
    }

    @Test
    void aMissingEndpointIsAnError() {
        assertThatThrownBy(() -> reader.read(new WatchedInstance("x", "writer", null, null)))
                .hasMessageContaining("no metrics endpoint is known for x");
    }

    @Test
    void worstCaseAddsTimeoutsAndBackoffs() {
        assertThat(NodeReadOptions.defaults().worstCase()).isEqualTo(Duration.ofMillis(30_900));
    }
}
