package dev.graphfleet.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The control endpoint over real loopback HTTP: its key, its single-flight answer, its refusals. */
class LocalControlTest {

    private static final SampleSizes TINY = new SampleSizes(20, 2, 5, 30, 8);

    @TempDir
    Path dir;

    @Test
    void aSecondRequestWhileAJobRunsGetsThatJobAndTheKeyIsRequired() throws Exception {
        try (LocalFleet fleet = LocalFleet.start(new LocalFleet.Options(dir, 0, TINY), TestNodeCommand.SERVE, message -> { })) {
            LocalControl.Endpoint endpoint = LocalFleetFile.read(dir).orElseThrow().control();
            assertThat(endpoint.url().getHost()).isEqualTo("127.0.0.1");
            assertThat(endpoint.toString()).doesNotContain(endpoint.apiKey());

            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> noKey = http.send(HttpRequest.newBuilder(endpoint.url().resolve("/jobs")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(noKey.statusCode()).isEqualTo(401);
            HttpResponse<String> wrongKey = http.send(HttpRequest.newBuilder(endpoint.url().resolve("/jobs"))
                    .header("X-Graph-API-Key", "not-the-key").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(wrongKey.statusCode()).isEqualTo(401);
            assertThat(wrongKey.body()).doesNotContain(endpoint.apiKey());

            CountDownLatch release = new CountDownLatch(1);
            LocalJobs.Start blocking = fleet.jobs().start("restart", "replica-9", progress -> {
                progress.accept("holding the queue");
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return "released";
            });
            LocalControlClient client = LocalControlClient.open(dir).orElseThrow();
            LocalControlClient.Started second = client.start(new LocalControl.Request("snapshot", "sec", null, null));
            assertThat(second.started()).isFalse();
            assertThat(second.job().id()).isEqualTo(blocking.job().id());
            assertThat(second.refusal()).contains("job restart replica-9 (job " + blocking.job().id() + ")",
                    "one operation at a time");
            release.countDown();
            assertThat(fleet.jobs().await(blocking.job().id()).result()).isEqualTo("released");
            assertThat(client.job(blocking.job().id()).status()).isEqualTo(LocalJob.Status.SUCCEEDED);

            LocalControlClient.Started unknown = client.start(new LocalControl.Request("explode", "sec", null, null));
            assertThat(unknown.job()).isNull();
            assertThat(unknown.refusal()).contains("unknown kind 'explode'");
            HttpResponse<String> typo = http.send(HttpRequest.newBuilder(endpoint.url().resolve("/jobs"))
                    .header("X-Graph-API-Key", endpoint.apiKey())
                    .POST(HttpRequest.BodyPublishers.ofString("{\"kind\": \"snapshot\", \"repo\": \"sec\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(typo.statusCode()).isEqualTo(400);
            assertThat(typo.body()).contains("malformed_json", "repo");
        }
    }
}
