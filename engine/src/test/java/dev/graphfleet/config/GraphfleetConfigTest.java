package dev.graphfleet.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The model: the contract's shape binds, defaults apply, replica groups inherit their tier field by field. */
class GraphfleetConfigTest {

    /** The config shape of DESIGN.md "The external contract", verbatim. */
    static final String CONTRACT = """
            environment: prod
            tiers:
              ladybug-standard:
                instance: {type: r7g.large, databases_per_instance: 10, max_memory_mb: 14336,
                           memory_per_db_mb: 2048, connection_pool_size: 10, query_timeout: 30}
              ladybug-shared:
                shared_repositories: [sec, industry, economic]
                instance: {type: r7g.xlarge, max_memory_mb: 30720, memory_per_db_mb: 30720,
                           connection_pool_size: 100, query_timeout: 300}
            replicas:
              shared-replicas:
                tier: ladybug-shared            # inherits the tier, then overrides below
                instance: {type: m7g.large, max_memory_mb: 5120}
                scaling: {min: 2, max: 10, desired: 2}
                health_check: {interval_s: 30, timeout_s: 10, unhealthy_threshold: 5}
                snapshot: {graph_id: sec, keep: 3}
            node:                               # this process, for `graphfleet serve`
              id: writer-1
              type: writer                      # writer | shared_master | shared_replica
              tier: ladybug-standard
              data_dir: /mnt/lbug-data
              api: {host: 127.0.0.1, port: 8001, api_key_env: GRAPH_API_KEY}
              store: {uri: "s3://bucket/prefix", region: us-east-1}   # optional endpoint, cache_dir
            volumes: {expansion_threshold: 0.8, alarm_threshold: 0.7, expansion_factor: 1.5,
                      min_expansion_gb: 50, max_volume_size_gb: 16384,
                      xfs_tolerance: {min_gb: 2, percent: 2}}
            registry: {instance_table: graphfleet-prod-instance-registry,
                       volume_table: graphfleet-prod-volume-registry}
            """;

    @Test
    void theContractShapeBindsEveryKey() {
        GraphfleetConfig config = GraphfleetConfig.parse(CONTRACT);

        assertThat(config.environment()).isEqualTo("prod");
        assertThat(config.isLocal()).isFalse();
        assertThat(config.tiers()).containsOnlyKeys("ladybug-standard", "ladybug-shared");
        InstanceConfig standard = config.tier("ladybug-standard").instance();
        assertThat(standard.type()).isEqualTo("r7g.large");
        assertThat(standard.databasesPerInstance()).isEqualTo(10);
        assertThat(standard.maxMemoryMb()).isEqualTo(14336);
        assertThat(standard.memoryPerDbMb()).isEqualTo(2048);
        assertThat(standard.connectionPoolSize()).isEqualTo(10);
        assertThat(standard.queryTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.tier("ladybug-shared").sharedRepositories()).containsExactly("sec", "industry", "economic");

        ReplicaGroupConfig group = config.replicaGroup("shared-replicas");
        assertThat(group.tier()).isEqualTo("ladybug-shared");
        assertThat(group.scaling()).isEqualTo(new ScalingConfig(2, 10, 2));
        assertThat(group.healthCheck()).isEqualTo(new HealthCheckConfig(30, 10, 5));
        assertThat(group.snapshot()).isEqualTo(new SnapshotConfig("sec", 3));

        NodeConfig node = config.requireNode();
        assertThat(node.id()).isEqualTo("writer-1");
        assertThat(node.type()).isEqualTo(NodeType.WRITER);
        assertThat(node.dataDir()).isEqualTo(Path.of("/mnt/lbug-data"));
        assertThat(node.api()).isEqualTo(new ApiConfig("127.0.0.1", 8001, "GRAPH_API_KEY"));
        assertThat(node.store().uri()).isEqualTo(URI.create("s3://bucket/prefix"));
        assertThat(node.store().region()).isEqualTo("us-east-1");
        assertThat(node.store().isS3()).isTrue();

        assertThat(config.volumes().xfsTolerance()).isEqualTo(new XfsToleranceConfig(2, 2.0));
        assertThat(config.registry())
                .isEqualTo(new RegistryConfig("graphfleet-prod-instance-registry", "graphfleet-prod-volume-registry"));
    }

    @Test
    void aReplicaGroupInheritsItsTierAndOverridesFieldByField() {
        GraphfleetConfig config = GraphfleetConfig.parse(CONTRACT);

        InstanceConfig replica = config.effectiveInstance("shared-replicas");

        assertThat(replica.type()).isEqualTo("m7g.large");                // overridden
        assertThat(replica.maxMemoryMb()).isEqualTo(5120);                // overridden
        assertThat(replica.memoryPerDbMb()).isEqualTo(30720);             // inherited from ladybug-shared
        assertThat(replica.connectionPoolSize()).isEqualTo(100);          // inherited
        assertThat(replica.queryTimeoutSeconds()).isEqualTo(300);         // inherited
        assertThat(replica.osOverheadMb()).isEqualTo(2048);               // default
        // An inherited per-database size never exceeds the replica's own budget.
        assertThat(replica.bufferPoolMb()).isEqualTo(5120);
        assertThat(config.tier("ladybug-shared").instance().bufferPoolMb()).isEqualTo(30720);
    }

    @Test
    void leftOutKeysTakeTheDocumentedDefaults() {
        GraphfleetConfig config = GraphfleetConfig.parse("""
                environment: local
                tiers:
                  t: {}
                replicas:
                  g: {tier: t}
                node: {id: n, type: writer, tier: t, data_dir: /tmp/d}
                """);

        InstanceConfig instance = config.tier("t").instance();
        assertThat(instance).isEqualTo(InstanceConfig.DEFAULTS);
        assertThat(instance.type()).isNull();
        assertThat(instance.databasesPerInstance()).isEqualTo(10);
        assertThat(instance.maxMemoryMb()).isEqualTo(2048);
        assertThat(instance.memoryPerDbMb()).isZero();
        assertThat(instance.connectionPoolSize()).isEqualTo(3);
        assertThat(instance.queryTimeoutSeconds()).isEqualTo(30);
        assertThat(instance.maxQueryLength()).isEqualTo(10_000);
        assertThat(instance.osOverheadMb()).isEqualTo(2048);
        assertThat(instance.checkpointThresholdMb()).isEqualTo(512);
        assertThat(instance.checkpointThresholdMbByDatabase()).isEqualTo(Map.of("sec", 128));

        ReplicaGroupConfig group = config.replicaGroup("g");
        assertThat(group.scaling()).isEqualTo(new ScalingConfig(2, 10, 2));
        assertThat(group.healthCheck()).isEqualTo(new HealthCheckConfig(30, 10, 5));
        assertThat(group.snapshot()).isEqualTo(new SnapshotConfig(null, 3));

        NodeConfig node = config.requireNode();
        assertThat(node.api()).isEqualTo(new ApiConfig("127.0.0.1", 8001, null));
        assertThat(node.store()).isNull();
        assertThat(node.cacheDir()).isEqualTo(Path.of("/tmp/d/repository-cache"));
        PoolConfig pool = node.pool();
        assertThat(pool.acquireTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(pool.connectionTtl()).isEqualTo(Duration.ofMinutes(30));
        assertThat(pool.repositoryTtl()).isEqualTo(Duration.ofHours(24));
        assertThat(pool.healthCheckInterval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(pool.cleanupInterval()).isEqualTo(Duration.ofMinutes(10));
        assertThat(pool.leakDetectionThreshold()).isEqualTo(Duration.ofSeconds(60));
        assertThat(node.metrics().timeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(node.admission()).isEqualTo(new AdmissionConfig(85, 100, 100, 10, 5, true, 4, 64));
        assertThat(node.attach()).isEqualTo(new AttachConfig(3, List.of(5, 10)));

        VolumesConfig volumes = config.volumes();
        assertThat(volumes.expansionThreshold()).isEqualTo(0.8);
        assertThat(volumes.alarmThreshold()).isEqualTo(0.7);
        assertThat(volumes.expansionFactor()).isEqualTo(1.5);
        assertThat(volumes.minExpansionGb()).isEqualTo(50);
        assertThat(volumes.maxVolumeSizeGb()).isEqualTo(16_384);
        assertThat(volumes.xfsTolerance()).isEqualTo(new XfsToleranceConfig(2, 2.0));
        assertThat(volumes.targetUsageAfterExpansion()).isEqualTo(0.6);
        assertThat(volumes.modificationTimeout()).isEqualTo(Duration.ofSeconds(300));
        assertThat(volumes.stuckOptimizingAfter()).isEqualTo(Duration.ofMinutes(30));
        assertThat(volumes.nodeMetricsTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(volumes.nodeMetricsRetries()).isEqualTo(2);
        assertThat(config.registry()).isEqualTo(RegistryConfig.NONE);
    }

    @Test
    void bufferPoolIsPerDatabaseMemoryWhenSetElseTheWholeBudget() {
        InstanceConfig perDb = InstanceConfig.DEFAULTS.overriddenBy(spec(14336, 2048));
        InstanceConfig whole = InstanceConfig.DEFAULTS.overriddenBy(spec(4096, 0));

        assertThat(perDb.bufferPoolMb()).isEqualTo(2048);
        assertThat(perDb.bufferPoolBytes()).isEqualTo(2048L * 1024 * 1024);
        assertThat(whole.bufferPoolMb()).isEqualTo(4096);
        assertThat(InstanceConfig.DEFAULTS.bufferPoolMb()).isEqualTo(2048);
        assertThat(InstanceConfig.DEFAULTS.memoryNeededMb()).isEqualTo(4096);
    }

    @Test
    void maxDatabaseSizeIsATierKeyDefaultingToTheSeedsOneTebibyte() {
        GraphfleetConfig config = GraphfleetConfig.parse("""
                environment: local
                tiers:
                  small: {instance: {max_db_size_mb: 65536}}
                  plain: {instance: {max_memory_mb: 1024}}
                """);
        assertThat(config.tier("small").instance().maxDbSizeMb()).isEqualTo(65536);
        assertThat(config.tier("small").instance().maxDbSizeBytes()).isEqualTo(64L << 30);
        assertThat(config.tier("plain").instance().maxDbSizeBytes()).isEqualTo(1L << 40);
        assertThat(InstanceConfig.DEFAULTS.maxDbSizeMb()).isEqualTo(1 << 20);
    }

    @Test
    void checkpointThresholdHasPerDatabaseOverrides() {
        GraphfleetConfig config = GraphfleetConfig.parse("""
                environment: local
                tiers:
                  t:
                    instance: {checkpoint_threshold_mb: 256, checkpoint_threshold_mb_by_database: {big: 64}}
                """);
        InstanceConfig instance = config.tier("t").instance();

        assertThat(instance.checkpointThresholdMbFor("big")).isEqualTo(64);
        assertThat(instance.checkpointThresholdMbFor("other")).isEqualTo(256);
        // A map written in the file replaces the default {sec: 128} as a whole.
        assertThat(instance.checkpointThresholdMbFor("sec")).isEqualTo(256);
        assertThat(instance.checkpointThresholdBytesFor("big")).isEqualTo(64L * 1024 * 1024);
        assertThat(InstanceConfig.DEFAULTS.checkpointThresholdMbFor("sec")).isEqualTo(128);
    }

    @Test
    void aSharedReplicaNodeRunsOnItsGroupsInstanceNotTheMasters() {
        GraphfleetConfig config = GraphfleetConfig.parse(replace(CONTRACT,
                "  id: writer-1\n  type: writer                      # writer | shared_master | shared_replica\n"
                        + "  tier: ladybug-standard\n",
                "  id: replica-1\n  type: shared_replica\n  replica_group: shared-replicas\n"));

        assertThat(config.nodeTierName()).isEqualTo("ladybug-shared");
        assertThat(config.nodeRepositories()).containsExactly("sec", "industry", "economic");
        assertThat(config.nodeInstance().maxMemoryMb()).isEqualTo(5120);
        assertThat(config.nodeInstance().bufferPoolMb()).isEqualTo(5120);
        assertThat(NodeType.SHARED_REPLICA.isReadOnly()).isTrue();
        assertThat(NodeType.SHARED_MASTER.isShared()).isTrue();
        assertThat(NodeType.WRITER.isShared()).isFalse();
    }

    @Test
    void aWriterNodeRunsOnItsTier() {
        GraphfleetConfig config = GraphfleetConfig.parse(CONTRACT);

        assertThat(config.nodeTier()).isSameAs(config.tier("ladybug-standard"));
        assertThat(config.nodeInstance().bufferPoolMb()).isEqualTo(2048);
        assertThat(config.nodeRepositories()).isEmpty();
    }

    @Test
    void lookupsOfMissingNamesSuggestTheNearest() {
        GraphfleetConfig config = GraphfleetConfig.parse(CONTRACT);

        assertThatThrownBy(() -> config.tier("ladybug-standrad"))
                .hasMessage("no tier \"ladybug-standrad\" in tiers (did you mean ladybug-standard?);"
                        + " tiers: ladybug-standard, ladybug-shared");
        assertThatThrownBy(() -> config.effectiveInstance("shared-replica"))
                .hasMessageContaining("(did you mean shared-replicas?)");
        assertThatThrownBy(() -> GraphfleetConfig.parse("environment: local").requireNode())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("node: missing: this command runs a node");
    }

    @Test
    void attachBackoffGrowsThenRepeatsItsLastWait() {
        AttachConfig attach = new AttachConfig(4, List.of(5, 10));

        assertThat(attach.backoffAfter(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(attach.backoffAfter(2)).isEqualTo(Duration.ofSeconds(10));
        assertThat(attach.backoffAfter(3)).isEqualTo(Duration.ofSeconds(10));
        assertThat(new AttachConfig(3, List.of()).backoffAfter(1)).isEqualTo(Duration.ZERO);
        assertThatThrownBy(() -> attach.backoffAfter(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theApiKeyComesFromTheNamedEnvironmentVariableOnly() {
        ApiConfig api = new ApiConfig(null, null, "GRAPH_API_KEY");

        assertThat(api.apiKey(Map.of("GRAPH_API_KEY", "s3cret-value"))).contains("s3cret-value");
        assertThat(new ApiConfig(null, null, null).apiKey(Map.of("GRAPH_API_KEY", "x"))).isEmpty();
        assertThatThrownBy(() -> api.apiKey(Map.of("GRAPH_API_KEY", " ")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("node.api.api_key_env: names the environment variable GRAPH_API_KEY,"
                        + " which is not set — export GRAPH_API_KEY");
    }

    @Test
    void xfsToleranceIsTheLargerOfTheMinimumAndThePercentage() {
        XfsToleranceConfig tolerance = XfsToleranceConfig.DEFAULTS;

        assertThat(tolerance.toleranceGb(50)).isEqualTo(2.0);
        assertThat(tolerance.toleranceGb(1000)).isEqualTo(20.0);
    }

    @Test
    void theModelIsImmutable() {
        GraphfleetConfig config = GraphfleetConfig.parse(CONTRACT);

        assertThatThrownBy(() -> config.tiers().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> config.tier("ladybug-shared").sharedRepositories().add("x"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    /** {@code text} with {@code from} replaced; fails when {@code from} is not there, so no test checks an unchanged config. */
    static String replace(String text, String from, String to) {
        if (!text.contains(from)) {
            throw new AssertionError("not in the config: " + from);
        }
        return text.replace(from, to);
    }

    private static InstanceSpec spec(int maxMemoryMb, int memoryPerDbMb) {
        return new InstanceSpec(null, null, maxMemoryMb, memoryPerDbMb, null, null, null, null, null, null);
    }
}
