package dev.graphfleet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.graphfleet.local.LocalFleet;
import dev.graphfleet.local.LocalNode;
import dev.graphfleet.local.NodeCommand;
import dev.graphfleet.local.SampleSizes;
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
 * {@code fleet snapshot} and {@code fleet rollback} against a local fleet running in this test, the CLI
 * talking to it over its control endpoint as it would from another process, while readers query every
 * replica: no query fails, and each replica ends on the expected version.
 */
class FleetSnapshotRollbackCommandTest {

    private static final SampleSizes TINY = new SampleSizes(20, 2, 5, 30, 8);

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    private HttpResponse<String> query(LocalNode node, String cypher) throws Exception {
        return http.send(HttpRequest.newBuilder(node.url().resolve("/databases/sec/query"))
                .header("X-Graph-API-Key", node.apiKey())
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("cypher", cypher)))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The version of sec the replica itself says it serves (its /attachments), not what the fleet believes. */
    private String servedSec(LocalNode node) throws Exception {
        JsonNode body = json.readTree(http.send(HttpRequest.newBuilder(node.url().resolve("/attachments"))
                .header("X-Graph-API-Key", node.apiKey()).build(), HttpResponse.BodyHandlers.ofString()).body());
        for (JsonNode a : body.get("attachments")) {
            if (a.get("repository").asText().equals("sec")) {
                return a.get("version").asText();
            }
        }
        return null;
    }

    @Test
    void snapshotAndRollbackRollEveryReplicaWhileQueriesKeepSucceeding() throws Exception {
        try (LocalFleet fleet = LocalFleet.start(new LocalFleet.Options(dir, 2, TINY), NodeCommand.serve(GraphfleetCli.CHILD_MAIN), message -> { })) {
            List<LocalNode> replicas = fleet.nodes().subList(2, 4);
            LocalNode master = fleet.nodes().get(1);
            assertThat(query(master, "CREATE (:Company {cik: 'NEW-1', name: 'New', sector: 'energy'})").statusCode())
                    .isEqualTo(200);

            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger served = new AtomicInteger();
            List<String> failures = new CopyOnWriteArrayList<>();
            List<Thread> readers = new ArrayList<>();
            for (LocalNode replica : replicas) {
                Thread reader = new Thread(() -> {
                    while (!stop.get()) {
                        try {
                            HttpResponse<String> r = query(replica, "MATCH (c:Company) RETURN count(c)");
                            if (r.statusCode() == 200 && r.headers().firstValue("X-Graph-Data-Version").isPresent()) {
                                served.incrementAndGet();
                            } else {
                                failures.add(replica.id() + ": " + r.statusCode() + " " + r.body());
                            }
                        } catch (Exception e) {
                            failures.add(replica.id() + ": " + e);
                        }
                    }
                });
                reader.start();
                readers.add(reader);
            }
            try {
                CliRun plan = CliRun.of("fleet", "snapshot", "--graph", "sec", "--data", dir.toString(), "--dry-run");
                assertThat(plan.code()).as(plan.err()).isZero();
                assertThat(plan.out()).contains("master-1: checkpoint sec and publish it as v2",
                        "replica-1: sec v1 -> v2", "replica-2: sec v1 -> v2");
                assertThat(servedSec(replicas.get(0))).isEqualTo("v1"); // a dry run changes nothing

                CliRun snapshot = CliRun.of("fleet", "snapshot", "--graph", "sec", "--data", dir.toString());
                assertThat(snapshot.code()).as(snapshot.err()).isZero();
                assertThat(snapshot.out()).contains("started snapshot sec (job ").contains("published sec v2")
                        .contains("replica-1 serves sec v2", "replica-2 serves sec v2", "done: sec v2");
                for (LocalNode replica : replicas) {
                    assertThat(servedSec(replica)).as(replica.id()).isEqualTo("v2");
                }
                int duringSnapshot = served.get();

                CliRun rollbackPlan = CliRun.of("fleet", "rollback", "--group", "replicas", "--graph", "sec",
                        "--data", dir.toString(), "--dry-run", "--json");
                assertThat(rollbackPlan.code()).as(rollbackPlan.err()).isZero();
                assertThat(json.readTree(rollbackPlan.out()).get("changes").toString())
                        .contains("replica-2: sec v2 -> v1", "pin sec at v1");

                CliRun rollback = CliRun.of("fleet", "rollback", "--group", "replicas", "--graph", "sec",
                        "--data", dir.toString(), "--json");
                assertThat(rollback.code()).as(rollback.err()).isZero();
                JsonNode job = json.readTree(rollback.out());
                assertThat(job.get("status").asText()).isEqualTo("SUCCEEDED");
                assertThat(job.get("result").asText()).isEqualTo("sec v1");
                for (LocalNode replica : replicas) {
                    assertThat(servedSec(replica)).as(replica.id()).isEqualTo("v1");
                }
                assertThat(duringSnapshot).isPositive();
            } finally {
                stop.set(true);
                for (Thread reader : readers) {
                    reader.join();
                }
            }
            assertThat(failures).isEmpty();
            assertThat(fleet.servedVersions()).allSatisfy((id, versions) -> assertThat(versions).containsEntry("sec", "v1"));
        }
    }

    /** A local config whose one replica group runs {@code maxMb} with {@code perDbMb} buffer pools. */
    private static String config(int maxMb, int perDbMb) {
        return """
                environment: local
                tiers:
                  local-shared:
                    shared_repositories: [sec, industry, economic]
                    instance: {max_memory_mb: 4096, connection_pool_size: 4, query_timeout: 60}
                replicas:
                  local-replicas:
                    tier: local-shared
                    instance: {max_memory_mb: %d, memory_per_db_mb: %d}
                    scaling: {min: 1, max: 3, desired: 1}
                """.formatted(maxMb, perDbMb);
    }

    @Test
    void aFailedRollbackExitsOneNamingTheProblemAndBadArgumentsExitTwo() throws Exception {
        try (LocalFleet fleet = LocalFleet.start(new LocalFleet.Options(dir, 1, TINY), NodeCommand.serve(GraphfleetCli.CHILD_MAIN), message -> { })) {
            CliRun missing = CliRun.of("fleet", "rollback", "--group", "replicas", "--graph", "sec", "--to", "v9",
                    "--data", dir.toString());
            assertThat(missing.code()).isEqualTo(1);
            assertThat(missing.err()).contains("rollback failed before its first step: sec has no version v9",
                    "the newest is v1");

            CliRun first = CliRun.of("fleet", "rollback", "--group", "replicas", "--data", dir.toString(), "--dry-run");
            assertThat(first.code()).isEqualTo(1);
            assertThat(first.err()).contains("serves v1, its first version: nothing to roll back to");

            assertThat(CliRun.of("fleet", "rollback", "--group", "prod-replicas", "--data", dir.toString()).code())
                    .isEqualTo(2);
            assertThat(CliRun.of("fleet", "rollback", "--group", "replicas", "--to", "v1", "--data", dir.toString())
                    .err()).contains("--to v1 needs --graph");
            assertThat(CliRun.of("fleet", "snapshot", "--graph", "nope", "--data", dir.toString()).err())
                    .contains("the local fleet's repositories are sec, industry, economic");
            assertThat(fleet.servedVersions().get("replica-1")).containsEntry("sec", "v1");

            // fleet validate --live: the running replica against the config's memory settings
            Path matching = java.nio.file.Files.writeString(dir.resolve("matching.yml"), config(1024, 256));
            CliRun same = CliRun.of("fleet", "validate", "--config", matching.toString(), "--live", "--data", dir.toString());
            assertThat(same.code()).as(same.out() + same.err()).isZero();
            assertThat(same.out()).contains("no drift: 1 of 1 replicas run the configured memory settings");
            Path drifted = java.nio.file.Files.writeString(dir.resolve("drifted.yml"), config(2048, 512));
            CliRun drift = CliRun.of("fleet", "validate", "--config", drifted.toString(), "--live", "--data", dir.toString());
            assertThat(drift.code()).isEqualTo(1);
            assertThat(drift.out()).contains("DRIFT replica-1 (group local-replicas): max_memory_mb configured 2048, running 1024",
                    "DRIFT replica-1 (group local-replicas): memory_per_db_mb (buffer pool) configured 512, running 256");
            assertThat(drift.err()).contains("2 memory setting(s) of the live replicas differ");
        }
        CliRun none = CliRun.of("fleet", "snapshot", "--graph", "sec", "--data", dir.toString());
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).contains("no local fleet is running with data in " + dir);
    }
}
