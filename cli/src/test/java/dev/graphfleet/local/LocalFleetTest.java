package dev.graphfleet.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.graphfleet.config.NodeType;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole local fleet, real nodes on loopback: snapshot, rolling refresh and rollback while queries run. */
class LocalFleetTest {

    private static final SampleSizes TINY = new SampleSizes(20, 2, 5, 30, 8);

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    private HttpResponse<String> post(LocalNode node, String database, String cypher) throws Exception {
        return http.send(HttpRequest.newBuilder(node.url().resolve("/databases/" + database + "/query"))
                .header("X-Graph-API-Key", node.apiKey())
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("cypher", cypher)))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private long count(LocalNode node, String database, String cypher) throws Exception {
        HttpResponse<String> response = post(node, database, cypher);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body()).get("rows").get(0).get(0).asLong();
    }

    @Test
    void snapshotRollsTheReplicasOneAtATimeWhileQueriesKeepSucceedingAndRollbackReturns() throws Exception {
        List<String> progress = new CopyOnWriteArrayList<>();
        try (LocalFleet fleet = LocalFleet.start(new LocalFleet.Options(dir, 2, TINY), TestNodeCommand.SERVE, progress::add)) {
            List<LocalNode> nodes = fleet.nodes();
            assertThat(nodes).extracting(LocalNode::id).containsExactly("writer-1", "master-1", "replica-1", "replica-2");
            assertThat(nodes).extracting(LocalNode::type).containsExactly(NodeType.WRITER, NodeType.SHARED_MASTER,
                    NodeType.SHARED_REPLICA, NodeType.SHARED_REPLICA);
            assertThat(progress).contains("published sec v1 to " + "file://" + dir.resolve("store"));

            Path file = dir.resolve(LocalFleetFile.NAME);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            assertThat(LocalFleetFile.read(dir)).get().extracting(LocalFleetFile::nodes).isEqualTo(nodes);

            LocalNode writer = nodes.get(0);
            LocalNode master = nodes.get(1);
            LocalNode replica = nodes.get(2);
            assertThat(count(writer, "customer_a", "MATCH (e:Entity) RETURN count(e)")).isEqualTo(1000);
            assertThat(count(replica, "sec", "MATCH (f:Fact) RETURN count(f)")).isEqualTo(TINY.facts());
            assertThat(count(replica, "sec", "MATCH (c:Company)-[:FILED]->(:Filing)-[:REPORTS]->(f:Fact) RETURN count(f)"))
                    .isEqualTo(TINY.facts());
            assertThat(http.send(HttpRequest.newBuilder(replica.url().resolve("/pool")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401); // keys are required

            // The master takes a write; a snapshot publishes it and the replicas move to it.
            assertThat(post(master, "sec", "CREATE (:Company {cik: 'NEW-1', name: 'New', sector: 'energy'})")
                    .statusCode()).isEqualTo(200);
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger served = new AtomicInteger();
            List<String> failures = new CopyOnWriteArrayList<>();
            List<Thread> readers = new ArrayList<>();
            for (LocalNode target : nodes.subList(2, 4)) {
                Thread reader = new Thread(() -> {
                    while (!stop.get()) {
                        try {
                            HttpResponse<String> response = post(target, "sec", "MATCH (c:Company) RETURN count(c)");
                            if (response.statusCode() == 200) {
                                served.incrementAndGet();
                            } else {
                                failures.add(target.id() + ": " + response.statusCode() + " " + response.body());
                            }
                        } catch (Exception e) {
                            failures.add(target.id() + ": " + e);
                        }
                    }
                });
                reader.start();
                readers.add(reader);
            }
            assertThat(fleet.snapshot("sec", progress::add).version().toString()).isEqualTo("v2");
            int duringSnapshot = served.get();
            String back = fleet.rollback("sec", null, progress::add).toString();
            stop.set(true);
            for (Thread reader : readers) {
                reader.join();
            }
            assertThat(failures).isEmpty();
            assertThat(duringSnapshot).isPositive();
            assertThat(back).isEqualTo("v1");
            assertThat(progress).containsSubsequence("replica-1 serves sec v2", "replica-2 serves sec v2",
                    "replica-1 serves sec v1", "replica-2 serves sec v1");
            assertThat(count(replica, "sec", "MATCH (c:Company) RETURN count(c)")).isEqualTo(TINY.companies());
            assertThat(LocalFleetFile.read(dir).orElseThrow().pinnedVersions()).containsEntry("sec", "v1");

            // A rolling refresh brings them back to the newest version and ends the pin.
            assertThat(fleet.refresh("sec", progress::add).toString()).isEqualTo("v2");
            assertThat(progress).containsSubsequence("replica-1 serves sec v1", "replica-1 serves sec v2",
                    "replica-2 serves sec v2");
            assertThat(LocalFleetFile.read(dir).orElseThrow().pinnedVersions()).doesNotContainKey("sec");

            assertThatThrownBy(() -> fleet.rollback("../sec", null, progress::add))
                    .hasMessageContaining("the local fleet's repositories are sec, industry, economic");
        }
        assertThat(dir.resolve(LocalFleetFile.NAME)).doesNotExist();
    }

    @Test
    void aRestartedReplicaComesBackOnItsPortWithItsRepositories() throws Exception {
        try (LocalFleet fleet = LocalFleet.start(new LocalFleet.Options(dir, 1, TINY), TestNodeCommand.SERVE, message -> { })) {
            LocalNode before = fleet.nodes().get(2);
            fleet.restartReplica("replica-1");
            LocalNode after = fleet.nodes().get(2);
            assertThat(after.url()).isEqualTo(before.url());
            assertThat(count(after, "industry", "MATCH (f:Fact) RETURN count(f)")).isEqualTo(TINY.facts());
            JsonNode health = json.readTree(http.send(HttpRequest.newBuilder(after.url().resolve("/health")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            assertThat(health.get("status").asText()).isEqualTo("ready");

            // What `fleet status` and the console see: every node healthy, replicas on v1.
            try (dev.graphfleet.fleet.FleetSource source = LocalFleetSource.open(dir,
                    dev.graphfleet.fleet.nodes.ProbeOptions.defaults()).orElseThrow()) {
                dev.graphfleet.fleet.FleetSnapshot snapshot = source.snapshot();
                assertThat(snapshot.allHealthy()).as(snapshot.toString()).isTrue();
                assertThat(snapshot.instances()).hasSize(3);
                assertThat(snapshot.instance("replica-1").orElseThrow().node().attachments())
                        .extracting(dev.graphfleet.fleet.NodeSummary.Attachment::version).containsOnly("v1");
                assertThat(snapshot.instance("replica-1").orElseThrow().node().dataVolume().simulated()).isTrue();
            }
        }
    }
}
