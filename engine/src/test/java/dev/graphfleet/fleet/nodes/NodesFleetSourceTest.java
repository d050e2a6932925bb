package dev.graphfleet.fleet.nodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graphfleet.config.NodeType;
import dev.graphfleet.fleet.FleetInstance;
import dev.graphfleet.fleet.FleetSnapshot;
import dev.graphfleet.fleet.Health;
import dev.graphfleet.fleet.NodeSummary;
import dev.graphfleet.testing.SettableClock;
import dev.graphfleet.testing.ScriptedNode;
import dev.graphfleet.testing.SilentNodes;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** NodesFleetSource against real HTTP servers on loopback: answering, starting, hung, refusing, odd. */
class NodesFleetSourceTest {

    private static final Duration TIMEOUT = Duration.ofMillis(400);
    private static final Instant NOW = Instant.parse("2026-11-21T10:16:00Z");

    private final List<AutoCloseable> servers = new java.util.ArrayList<>();

    @AfterEach
    void stopServers() throws Exception {
        for (AutoCloseable s : servers) {
            s.close();
        }
    }

    private <T extends AutoCloseable> T started(T server) {
        servers.add(server);
        return server;
    }

    private static NodesFleetSource source(ProbeOptions options, URI... nodes) {
        return new NodesFleetSource(java.util.Arrays.stream(nodes).map(NodeTarget::of).toList(),
                NodeProbe.create(options), "nodes", new SettableClock(NOW));
    }

    private static NodesFleetSource source(URI... nodes) {
        return source(new ProbeOptions(TIMEOUT, 8, null), nodes);
    }

    @Test
    void readsHealthyStartingAndHungNodesIntoOneSnapshot() throws Exception {
        ScriptedNode writer = started(ScriptedNode.serving(ScriptedNode.health("ready", "writer-1", "writer"),
                ScriptedNode.resource("writer-metrics.json")));
        ScriptedNode replica = started(ScriptedNode.serving(
                ScriptedNode.health("starting", "replica-a", "shared_replica"),
                ScriptedNode.resource("replica-metrics.json")));
        replica.answer("/health", 503, ScriptedNode.health("starting", "replica-a", "shared_replica"));
        SilentNodes hung = started(new SilentNodes());
        URI hungUrl = hung.add("hung");

        FleetSnapshot snapshot = source(writer.url(), replica.url(), hungUrl).snapshot();

        assertThat(snapshot.sourceReachable()).isTrue();
        assertThat(snapshot.takenAt()).isEqualTo(NOW);
        assertThat(snapshot.source()).isEqualTo("nodes(3)");
        assertThat(snapshot.instances()).extracting(FleetInstance::id)
                .containsExactly("writer-1", "replica-a", "127.0.0.1:" + hungUrl.getPort());
        assertThat(snapshot.instances()).extracting(FleetInstance::health)
                .containsExactly(Health.HEALTHY, Health.UNHEALTHY, Health.UNREACHABLE);
        assertThat(snapshot.writers()).extracting(FleetInstance::id).containsExactly("writer-1");
        assertThat(snapshot.sharedReplicas()).extracting(FleetInstance::id).containsExactly("replica-a");
        assertThat(snapshot.healthCounts()).containsEntry(Health.HEALTHY, 1L).containsEntry(Health.UNHEALTHY, 1L)
                .containsEntry(Health.UNREACHABLE, 1L).containsEntry(Health.UNKNOWN, 0L);
        assertThat(snapshot.allHealthy()).isFalse();

        FleetInstance w = snapshot.instances().get(0);
        assertThat(w.state()).isEqualTo("ready");
        assertThat(w.endpoint()).isEqualTo(writer.url());
        NodeSummary s = w.node();
        assertThat(s.collectedAt()).isEqualTo(Instant.parse("2026-11-21T10:15:30Z"));
        assertThat(s.uptimeSeconds()).isEqualTo(3600L);
        assertThat(s.dataVolume()).isEqualTo(new NodeSummary.VolumeUsage(100.0, 42.0, 58.0, 0.42, "/mnt/lbug-data"));
        assertThat(s.pool()).isEqualTo(new NodeSummary.PoolUsage(2, 3, 6, 2, 7, 1));
        assertThat(s.bufferPool()).isEqualTo(new NodeSummary.BufferPool(15032385536L, 4294967296L, 2, false,
                912261120L, 2147483648L));
        assertThat(s.staleSections()).containsExactly("databases");
        assertThat(w.dataVersion()).isNull(); // a writer attaches no repositories

        FleetInstance r = snapshot.instances().get(1);
        assertThat(r.role()).isEqualTo(NodeType.SHARED_REPLICA);
        assertThat(r.healthDetail()).contains("503").contains("starting");
        assertThat(r.node().attachmentPhases()).containsExactlyInAnyOrderEntriesOf(
                Map.of("attached", 1, "downloading", 1, "failed", 1));
        assertThat(r.node().attachments()).contains(new NodeSummary.Attachment("economic", "failed", null,
                "checksum mismatch"));
        assertThat(r.dataVersion().id()).isEqualTo("industry@v2 sec@v3");
        assertThat(r.node().staleSections()).containsExactly("system");
        assertThat(r.node().bufferPool().processResidentBytes()).isNull();

        FleetInstance h = snapshot.instances().get(2);
        assertThat(h.healthDetail()).contains("no answer within 400 ms");
        assertThat(h.role()).isNull();
        assertThat(h.roleName()).isEqualTo("unknown");
        assertThat(h.node()).isNull();
        assertThat(hung.accepted()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void sendsTheApiKeyOnMetricsOnlyAndSaysWhenItIsRefused() {
        String key = "s3cr3t-key-value";
        ScriptedNode good = started(ScriptedNode.serving(ScriptedNode.health("ready", "w1", "writer"),
                ScriptedNode.resource("writer-metrics.json")).requireKey(key));
        ScriptedNode other = started(ScriptedNode.serving(ScriptedNode.health("ready", "w2", "writer"),
                ScriptedNode.resource("writer-metrics.json")).requireKey("another-key"));
        ProbeOptions options = new ProbeOptions(TIMEOUT, 4, key);

        FleetSnapshot snapshot = source(options, good.url(), other.url()).snapshot();

        assertThat(good.keysSeen).containsExactlyInAnyOrder("/health=null", "/metrics=" + key);
        FleetInstance accepted = snapshot.instance("w1").orElseThrow();
        assertThat(accepted.node()).isNotNull();
        assertThat(accepted.nodeError()).isNull();
        FleetInstance refused = snapshot.instance("w2").orElseThrow();
        assertThat(refused.health()).isEqualTo(Health.HEALTHY); // /health needs no key
        assertThat(refused.node()).isNull();
        assertThat(refused.nodeError()).contains("401").contains("API key").contains("--api-key-env");
        assertThat(snapshot.toString()).doesNotContain(key);
        assertThat(options.toString()).doesNotContain(key).contains("apiKey=set");
    }

    @Test
    void eachNodeCanHaveItsOwnKeyAsInTheLocalFleet() {
        ScriptedNode a = started(ScriptedNode.serving(ScriptedNode.health("ready", "a", "writer"), "{}")
                .requireKey("key-a"));
        ScriptedNode b = started(ScriptedNode.serving(ScriptedNode.health("ready", "b", "shared_master"), "{}")
                .requireKey("key-b"));
        ScriptedNode c = started(ScriptedNode.serving(ScriptedNode.health("ready", "c", "shared_replica"), "{}")
                .requireKey("shared-key"));
        NodeTarget withKey = new NodeTarget(a.url(), "key-a");

        FleetSnapshot snapshot = new NodesFleetSource(List.of(withKey, new NodeTarget(b.url(), "key-b"),
                NodeTarget.of(c.url())), NodeProbe.create(new ProbeOptions(TIMEOUT, 4, "shared-key")), "local",
                new SettableClock(NOW)).snapshot();

        assertThat(snapshot.environment()).isEqualTo("local");
        assertThat(snapshot.instances()).extracting(FleetInstance::nodeError).containsOnlyNulls();
        assertThat(a.keysSeen).contains("/metrics=key-a");
        assertThat(c.keysSeen).contains("/metrics=shared-key");
        assertThat(withKey.toString()).doesNotContain("key-a");
    }

    @Test
    void aRefusedConnectionIsUnreachableAndNoAnswerAtAllMakesTheSourceUnreachable() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        SilentNodes hung = started(new SilentNodes());
        URI hungUrl = hung.add("hung");

        FleetSnapshot snapshot = source(URI.create("http://127.0.0.1:" + closedPort), hungUrl).snapshot();

        assertThat(snapshot.instances()).extracting(FleetInstance::health)
                .containsOnly(Health.UNREACHABLE);
        assertThat(snapshot.instances().get(0).healthDetail()).contains("connection refused");
        assertThat(snapshot.sourceReachable()).isFalse();
        assertThat(snapshot.sourceError()).isEqualTo("none of the 2 nodes answered");
    }

    @Test
    void toleratesOldNodesMissingSectionsAndAnswersThatAreNotJson() {
        // an old node: percentage instead of fraction, no pool or buffer_pool, identity only in cluster
        ScriptedNode old = started(ScriptedNode.serving("{\"status\":\"ready\"}", """
                {"system": {"volumes": {"data_volume": {"volume_size_gb": 50, "free_gb": 10, "usage_percent": 80.0}}},
                 "cluster": {"node_id": "old-master", "node_type": "shared_master"}}"""));
        ScriptedNode garbled = started(ScriptedNode.serving("not json", "<html>oops</html>"));
        ScriptedNode notANode = started(new ScriptedNode());
        ScriptedNode broken = started(ScriptedNode.serving("{}", "{}").answer("/health", 500, "{}"));

        FleetSnapshot snapshot = source(old.url(), garbled.url(), notANode.url(), broken.url()).snapshot();

        FleetInstance o = snapshot.instances().get(0);
        assertThat(o.id()).isEqualTo("old-master");
        assertThat(o.role()).isEqualTo(NodeType.SHARED_MASTER);
        assertThat(o.health()).isEqualTo(Health.HEALTHY);
        assertThat(o.node().dataVolume()).isEqualTo(new NodeSummary.VolumeUsage(50, 40, 10, 0.8, null));
        assertThat(o.node().pool()).isNull();
        assertThat(o.node().bufferPool()).isNull();
        assertThat(o.node().attachments()).isEmpty();

        FleetInstance g = snapshot.instances().get(1);
        assertThat(g.health()).isEqualTo(Health.HEALTHY);
        assertThat(g.healthDetail()).contains("without JSON");
        assertThat(g.nodeError()).isEqualTo("/metrics: the answer is not JSON");

        FleetInstance n = snapshot.instances().get(2);
        assertThat(n.health()).isEqualTo(Health.UNKNOWN);
        assertThat(n.healthDetail()).contains("404");
        assertThat(n.nodeError()).contains("404");

        assertThat(snapshot.instances().get(3).health()).isEqualTo(Health.UNHEALTHY);
        assertThat(snapshot.instances().get(3).healthDetail()).contains("HTTP 500");
    }

    @Test
    void twoUrlsClaimingTheSameNodeAreReported() {
        ScriptedNode a = started(ScriptedNode.serving(ScriptedNode.health("ready", "same", "writer"), "{}"));
        ScriptedNode b = started(ScriptedNode.serving(ScriptedNode.health("ready", "same", "writer"), "{}"));

        FleetSnapshot snapshot = source(a.url(), b.url()).snapshot();

        assertThat(snapshot.instances()).hasSize(2);
        assertThat(snapshot.warnings()).singleElement().asString().contains("both say they are node same");
    }

    @Test
    void anEmptyListIsAnEmptyReachableFleet() {
        FleetSnapshot snapshot = source().snapshot();
        assertThat(snapshot.sourceReachable()).isTrue();
        assertThat(snapshot.instances()).isEmpty();
        assertThat(snapshot.allHealthy()).isTrue();
    }

    @Test
    void refusesUrlsThatAreNotHttpOrCarryCredentials() {
        ProbeOptions options = ProbeOptions.defaults();
        assertThatThrownBy(() -> NodesFleetSource.create(List.of(URI.create("ftp://h:1")), options))
                .hasMessageContaining("use http(s)://host:port");
        assertThatThrownBy(() -> NodesFleetSource.create(List.of(URI.create("http://user:pw@h:1")), options))
                .hasMessageContaining("must not carry credentials").hasMessageNotContaining("pw");
    }
}
