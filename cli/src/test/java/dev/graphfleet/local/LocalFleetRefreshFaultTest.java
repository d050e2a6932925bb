package dev.graphfleet.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A replica dies while a snapshot rolls the replica group to a new version: the refresh stops at
 * that replica and says where it stopped and what moved, the replicas already moved and those not
 * yet touched keep answering every query, and once the replica is back the refresh completes.
 */
class LocalFleetRefreshFaultTest {

    private static final SampleSizes TINY = new SampleSizes(20, 2, 5, 30, 8);

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    private HttpResponse<String> post(LocalNode node, String cypher) throws Exception {
        return http.send(HttpRequest.newBuilder(node.url().resolve("/databases/sec/query"))
                .header("X-Graph-API-Key", node.apiKey())
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("cypher", cypher)))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private long companies(LocalNode node) throws Exception {
        HttpResponse<String> response = post(node, "MATCH (c:Company) RETURN count(c)");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body()).get("rows").get(0).get(0).asLong();
    }

    @Test
    void aReplicaKilledDuringTheRefreshStopsItAndTheGroupKeepsServing() throws Exception {
        List<String> progress = new CopyOnWriteArrayList<>();
        try (LocalFleet fleet = LocalFleet.start(new LocalFleet.Options(dir, 3, TINY), TestNodeCommand.SERVE, progress::add)) {
            List<LocalNode> nodes = fleet.nodes();
            LocalNode master = nodes.get(1);
            LocalNode first = nodes.get(2);
            LocalNode third = nodes.get(4);
            assertThat(post(master, "CREATE (:Company {cik: 'NEW-1', name: 'New', sector: 'energy'})").statusCode())
                    .isEqualTo(200);

            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger served = new AtomicInteger();
            List<String> failures = new CopyOnWriteArrayList<>();
            List<Thread> readers = new ArrayList<>();
            for (LocalNode survivor : List.of(first, third)) {
                Thread reader = new Thread(() -> {
                    while (!stop.get()) {
                        try {
                            HttpResponse<String> response = post(survivor, "MATCH (c:Company) RETURN count(c)");
                            if (response.statusCode() == 200) {
                                served.incrementAndGet();
                            } else {
                                failures.add(survivor.id() + ": " + response.statusCode() + " " + response.body());
                            }
                        } catch (Exception e) {
                            failures.add(survivor.id() + ": " + e);
                        }
                    }
                }, "reader-" + survivor.id());
                reader.start();
                readers.add(reader);
            }

            // replica-2 dies the moment replica-1 has moved: the refresh is between two replicas.
            assertThatThrownBy(() -> fleet.snapshot("sec", line -> {
                progress.add(line);
                if (line.equals("replica-1 serves sec v2")) {
                    fleet.killReplica("replica-2");
                }
            })).isInstanceOf(IllegalStateException.class)
                    .hasMessage("rolling refresh of sec to v2 stopped at replica-2: it is not serving (down or "
                            + "stopping); replica-1 serve(s) v2, the replicas after it were not touched");
            int duringFault = served.get();

            assertThat(companies(first)).as("replica-1 moved").isEqualTo(TINY.companies() + 1);
            assertThat(companies(third)).as("replica-3 untouched").isEqualTo(TINY.companies());
            assertThat(progress).doesNotContain("replica-2 serves sec v2", "replica-3 serves sec v2");

            fleet.restartReplica("replica-2");
            assertThat(fleet.rollback("sec", "v2", progress::add).toString()).isEqualTo("v2"); // finish the refresh
            stop.set(true);
            for (Thread reader : readers) {
                reader.join();
            }
            assertThat(failures).as("queries to the replicas that stayed up").isEmpty();
            assertThat(duringFault).isPositive();
            for (LocalNode replica : fleet.nodes().subList(2, 5)) {
                assertThat(companies(replica)).as(replica.id()).isEqualTo(TINY.companies() + 1);
            }
        }
    }
}
