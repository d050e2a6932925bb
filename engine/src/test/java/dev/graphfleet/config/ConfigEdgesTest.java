package dev.graphfleet.config;

import static dev.graphfleet.config.GraphfleetConfigTest.replace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules ConfigValidatorTest and ConfigLimitsTest leave at one side of their edge: HTTPS settings,
 * staleness peers, node ids, when an open API is fine, the instance numbers' own limits, memory that
 * leaves nothing for the buffer pools, the address-space warning at exactly 64 TiB; and what the
 * settings an operator left out or wrote say to the code that reads them.
 */
class ConfigEdgesTest {

    private static final String API = "api: {host: 0.0.0.0, port: 8001, api_key_env: GRAPH_API_KEY}";
    private static final String WRITERS = "{type: r7g.large, max_memory_mb: 14336, memory_per_db_mb: 1024}";

    private static List<Problem> problems(String yaml) {
        return ConfigValidator.check(GraphfleetConfig.parse(yaml));
    }

    private static List<Problem> problemsWith(String from, String to) {
        return problems(replace(ConfigValidatorTest.VALID, from, to));
    }

    // --- node -------------------------------------------------------------------------------

    @Test
    void httpsNeedsAKeyStoreAndNamesItsPasswordsVariableNeverThePassword() {
        assertThat(problemsWith(API, "api: {host: 0.0.0.0, port: 8001, api_key_env: GRAPH_API_KEY,"
                + " tls: {key_store_password_env: \"hunter2 !\"}}")).extracting(Problem::toString).containsExactly(
                "node.api.tls.key_store: missing — set it to the path of the node's PKCS12 key store, or remove"
                        + " node.api.tls to serve plain HTTP",
                "node.api.tls.key_store_password_env: must be the name of an environment variable (letters, digits, _)"
                        + " — put the password in an environment variable and write its name here, e.g."
                        + " GRAPH_TLS_PASSWORD; the password itself never goes in the config");
        assertThat(problemsWith(API, "api: {host: 0.0.0.0, port: 8001, api_key_env: GRAPH_API_KEY,"
                + " tls: {key_store: \" \"}}")).extracting(Problem::path).containsExactly("node.api.tls.key_store");
        assertThat(problemsWith(API, "api: {host: 0.0.0.0, port: 8001, api_key_env: GRAPH_API_KEY,"
                + " tls: {key_store: /etc/graphfleet/node.p12, key_store_password_env: GRAPH_TLS_PASSWORD}}")).isEmpty();
        assertThat(problemsWith(API, "api: {host: 0.0.0.0, port: 8001, api_key_env: GRAPH_API_KEY,"
                + " tls: {key_store: /etc/graphfleet/node.p12}}")).isEmpty();
    }

    @Test
    void aBlankHostOrDataDirectoryIsRefused() {
        assertThat(problemsWith(API, "api: {host: \" \", port: 8001, api_key_env: GRAPH_API_KEY}"))
                .extracting(Problem::toString)
                .containsExactly("node.api.host: is empty — set it to the address to listen on, e.g. 127.0.0.1");
        assertThat(problemsWith("data_dir: /mnt/lbug-data", "data_dir: \" \"")).extracting(Problem::toString)
                .containsExactly("node.data_dir: is empty — set node.data_dir to the directory for databases,"
                        + " e.g. /mnt/lbug-data");
    }

    @Test
    void aNodeIdIsUpTo63CharactersStartingWithALetterOrDigit() {
        String longest = "w" + "1".repeat(62);
        assertThat(problemsWith("id: writer-1", "id: " + longest)).isEmpty();
        assertThat(problemsWith("id: writer-1", "id: 1.writer_a")).isEmpty();
        assertThat(problemsWith("id: writer-1", "id: " + longest + "1")).extracting(Problem::path)
                .containsExactly("node.id");
        assertThat(problemsWith("id: writer-1", "id: \"-writer\"")).extracting(Problem::toString).containsExactly(
                "node.id: \"-writer\" is not a valid node id — use up to 63 letters, digits, '.', '_' or '-',"
                        + " starting with a letter or digit");
    }

    @Test
    void anApiWithoutAKeyIsQuietOnlyForALocalNodeOnLoopback() {
        String local = """
                environment: local
                tiers:
                  t: {instance: {max_memory_mb: 512}}
                node: {id: n1, type: writer, tier: t, data_dir: /tmp/n1, api: {host: HOST}}
                """;
        assertThat(problems(local.replace("HOST", "localhost"))).isEmpty();
        assertThat(problems(local.replace("HOST", "\"::1\""))).isEmpty();
        assertThat(problems(local.replace("HOST", "0.0.0.0"))).extracting(Problem::path)
                .containsExactly("node.api.api_key_env");
        assertThat(problems(local.replace("HOST", "0.0.0.0").replace("{host: 0.0.0.0}",
                "{host: 0.0.0.0, api_key_env: \"1KEY\"}"))).extracting(Problem::path)
                .containsExactly("node.api.api_key_env");
    }

    @Test
    void stalenessPeersAreHttpUrlsAndAMaximumAgeOnAWriterIsAWarning() {
        List<Problem> problems = problemsWith("data_dir: /mnt/lbug-data", "data_dir: /mnt/lbug-data\n"
                + "  staleness: {max_age_s: 300, peers: [\"http://10.0.1.6:8001\", \"https://r2:8001\","
                + " \"ftp://10.0.1.7\", \"localhost:8001\", \"http:/no-host\"]}");
        assertThat(problems).extracting(Problem::toString).containsExactly(
                "node.staleness.peers: has ftp://10.0.1.7, which is not an http(s) URL — list the other replicas'"
                        + " API base URLs, e.g. http://10.0.1.6:8001",
                "node.staleness.peers: has localhost:8001, which is not an http(s) URL — list the other replicas'"
                        + " API base URLs, e.g. http://10.0.1.6:8001",
                "node.staleness.peers: has http:/no-host, which is not an http(s) URL — list the other replicas'"
                        + " API base URLs, e.g. http://10.0.1.6:8001",
                "node.staleness.max_age_s: set on a writer, which serves live data and has no data age"
                        + " — remove node.staleness, or set it on the shared replicas");
        assertThat(problemsWith("data_dir: /mnt/lbug-data", "data_dir: /mnt/lbug-data\n  staleness: {max_age_s: 0}"))
                .isEmpty();
    }

    @Test
    void theStoreEndpointIsAnHttpOrHttpsUrl() {
        String store = "store: {uri: \"s3://bucket/prefix\", region: us-east-1}";
        assertThat(problemsWith(store, "store: {uri: \"s3://bucket/prefix\", endpoint: \"https://minio:9000\"}"))
                .isEmpty();
        assertThat(problemsWith(store, "store: {uri: \"s3://bucket/prefix\", endpoint: \"http://127.0.0.1:9000\"}"))
                .isEmpty();
        assertThat(problemsWith(store, "store: {uri: \"s3://bucket/prefix\", endpoint: \"ftp://minio:9000\"}"))
                .extracting(Problem::toString).containsExactly("node.store.endpoint: is not an http(s) URL"
                        + " — write it as https://host:port, or remove it to use AWS");
        assertThat(problemsWith(store, "store: {uri: \"file:relative\"}")).extracting(Problem::path)
                .containsExactly("node.store.uri");
    }

    @Test
    void eachDeprecatedCpuThresholdIsNamedAndEqualInFlightBoundsAreFine() {
        String dataDir = "data_dir: /mnt/lbug-data";
        assertThat(problemsWith(dataDir, dataDir + "\n  admission: {ingestion_cpu_percent: 90}"))
                .extracting(Problem::path).containsExactly("node.admission.ingestion_cpu_percent");
        assertThat(problemsWith(dataDir, dataDir + "\n  admission: {cpu_percent: 80}"))
                .extracting(Problem::path).containsExactly("node.admission.cpu_percent");
        assertThat(problemsWith(dataDir, dataDir + "\n  admission: {cpu_percent: 80, ingestion_cpu_percent: 80}"))
                .extracting(Problem::path).containsExactly("node.admission.cpu_percent");
        assertThat(problemsWith(dataDir, dataDir + "\n  admission: {min_in_flight: 8, max_in_flight: 8,"
                + " memory_percent: 100, cpu_percent: 100, max_in_flight_per_database: 1, retry_after_s: 1}")).isEmpty();
        assertThat(problemsWith(dataDir, dataDir + "\n  admission: {min_in_flight: 0, max_in_flight: 0,"
                + " max_in_flight_per_database: 0, retry_after_s: 0, memory_percent: 0}"))
                .extracting(Problem::path).containsExactly("node.admission.memory_percent",
                        "node.admission.max_in_flight_per_database", "node.admission.retry_after_s",
                        "node.admission.min_in_flight", "node.admission.max_in_flight");
        assertThat(problemsWith(dataDir, dataDir + "\n  attach: {attempts: 1, backoff_s: [0, ~]}"))
                .extracting(Problem::toString).containsExactly("node.attach.backoff_s[1]: must be a wait of 0 s or more"
                        + " — list waits in seconds, e.g. [5, 10]");
    }

    // --- instances --------------------------------------------------------------------------

    @Test
    void everyInstanceNumberHasItsOwnLowerLimit() {
        assertThat(problemsWith(WRITERS, "{type: r7g.large, max_memory_mb: 0, memory_per_db_mb: 1024,"
                + " databases_per_instance: 0, max_query_length: 0, os_overhead_mb: -1, checkpoint_threshold_mb: 0}"))
                .extracting(Problem::toString).containsExactly(
                        "tiers.writers.instance.databases_per_instance: is 0; it must be at least 1"
                                + " — set tiers.writers.instance.databases_per_instance to 1 or more",
                        "tiers.writers.instance.max_memory_mb: is 0 MB; it must be at least 1 MB"
                                + " — set tiers.writers.instance.max_memory_mb to 1 MB or more",
                        "tiers.writers.instance.max_query_length: is 0; it must be at least 1"
                                + " — set tiers.writers.instance.max_query_length to 1 or more",
                        "tiers.writers.instance.os_overhead_mb: is -1 MB; it must be at least 0 MB"
                                + " — set tiers.writers.instance.os_overhead_mb to 0 MB or more",
                        "tiers.writers.instance.checkpoint_threshold_mb: is 0 MB; it must be at least 1 MB"
                                + " — set tiers.writers.instance.checkpoint_threshold_mb to 1 MB or more");
        assertThat(problemsWith(WRITERS, "{type: r7g.large, max_memory_mb: 1, memory_per_db_mb: 1,"
                + " databases_per_instance: 1, max_query_length: 1, os_overhead_mb: 0, checkpoint_threshold_mb: 1,"
                + " checkpoint_threshold_mb_by_database: {big: 1}, max_db_size_mb: 8}")).isEmpty();
    }

    @Test
    void anOverheadThatLeavesNoRamForBufferPoolsSaysToChooseALargerInstance() {
        String replica = "{type: m7g.large, max_memory_mb: 5120}";
        assertThat(problemsWith(replica, "{type: m7g.large, max_memory_mb: 1, os_overhead_mb: 8192}"))
                .extracting(Problem::fix).containsExactly("choose an instance type with at least 8193 MB of RAM");
        assertThat(problemsWith(replica, "{type: m7g.large, max_memory_mb: 2, os_overhead_mb: 8191}"))
                .extracting(Problem::fix).containsExactly("set replicas.shared-replicas.instance.max_memory_mb to at"
                        + " most 1 (RAM − os_overhead_mb), or choose an instance type with at least 8193 MB of RAM");
    }

    @Test
    void writerBufferPoolsSummingExactlyToTheBudgetAreNotOversubscribed() {
        assertThat(problemsWith(WRITERS, "{type: r7g.large, max_memory_mb: 10240, memory_per_db_mb: 1024}")).isEmpty();
        assertThat(problemsWith(WRITERS, "{type: r7g.large, max_memory_mb: 10240, memory_per_db_mb: 1025}"))
                .extracting(Problem::path).containsExactly("tiers.writers.instance.memory_per_db_mb");
        // A per-database pool above the budget is capped at it: one warning saying so, not an oversubscription too.
        assertThat(problemsWith(WRITERS, "{type: r7g.large, max_memory_mb: 10240, memory_per_db_mb: 10241}"))
                .singleElement().satisfies(p -> assertThat(p.message())
                        .endsWith("each database's buffer pool is capped at 10240 MB"));
    }

    @Test
    void reservedAddressSpaceOfExactly64TebibytesIsFineOneDatabaseMoreIsFlagged() {
        String at = "{type: r7g.large, max_memory_mb: 14336, databases_per_instance: 16, max_db_size_mb: 4194304}";
        assertThat(problemsWith(WRITERS, at)).isEmpty();
        assertThat(problemsWith(WRITERS, at.replace("16", "17"))).extracting(Problem::toString).containsExactly(
                "tiers.writers.instance.max_db_size_mb: max_db_size_mb 4194304 MB × databases_per_instance 17"
                        + " = 71303168 MB of address space, more than the 67108864 MB a process can reserve:"
                        + " databases would fail to open (\"Mmap ... failed\") — set max_db_size_mb to at most 2097152");
        assertThat(problemsWith(WRITERS, "{type: r7g.large, max_memory_mb: 14336, max_db_size_mb: 0}"))
                .extracting(Problem::fix).containsExactly("set it to a power of two in MB, e.g. 8 or the default"
                        + " 1048576 (1 TiB)");
    }

    // --- what the code reads ----------------------------------------------------------------

    @Test
    void leftOutAndZeroSettingsReadAsOffOrDerived() {
        assertThat(StalenessConfig.DEFAULTS.maxAge()).as("off").isNull();
        assertThat(new StalenessConfig(1, null, 3).maxAge()).isEqualTo(Duration.ofSeconds(1));
        assertThat(new StalenessConfig(1, null, 3).peerCheck()).isEqualTo(Duration.ofSeconds(3));
        assertThat(StalenessConfig.DEFAULTS.peerCheck()).isEqualTo(Duration.ofSeconds(10));
        assertThat(new SharedConfig(0).refreshInterval()).isEqualTo(Duration.ZERO);
        assertThat(new SharedConfig(-5).refreshInterval()).isEqualTo(Duration.ZERO);
        assertThat(SharedConfig.DEFAULTS.refreshInterval()).isEqualTo(Duration.ofSeconds(60));
        assertThat(MemoryConfig.DEFAULTS.queryHeadroomBytes()).isZero();
        assertThat(new MemoryConfig(64).queryHeadroomBytes()).isEqualTo(64L << 20);
        assertThat(AdmissionConfig.DEFAULTS.retryAfter()).isEqualTo(Duration.ofSeconds(5));
        assertThat(new AdmissionConfig(null, null, null, null, null, false, null, null).adaptive()).isFalse();
        assertThat(ApiConfig.DEFAULTS.bodyReadTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(ApiConfig.DEFAULTS.allowCopyFrom()).isFalse();
        assertThat(new HealthCheckConfig(30, 10, 5).timeToUnhealthy()).isEqualTo(Duration.ofSeconds(150));
    }

    @Test
    void theListenAndConnectPortRangesDifferOnlyInZero() {
        assertThat(Ports.canListenOn(0)).isTrue();
        assertThat(Ports.canListenOn(65_535)).isTrue();
        assertThat(Ports.canListenOn(-1)).isFalse();
        assertThat(Ports.canListenOn(65_536)).isFalse();
        assertThat(Ports.canConnectTo(0)).isFalse();
        assertThat(Ports.canConnectTo(1)).isTrue();
        assertThat(Ports.canConnectTo(65_535)).isTrue();
        assertThat(Ports.canConnectTo(65_536)).isFalse();
        assertThat(Ports.LISTEN_RANGE).isEqualTo("0..65535");
        assertThat(Ports.CONNECT_RANGE).isEqualTo("1..65535");
    }

    @Test
    void nodeTypesParseFromTheirWireNamesOnly() {
        assertThat(NodeType.parse("shared_master")).isEqualTo(NodeType.SHARED_MASTER);
        assertThat(NodeType.SHARED_REPLICA.toString()).isEqualTo("shared_replica");
        assertThat(NodeType.WRITER.isReadOnly()).isFalse();
        assertThat(NodeType.SHARED_MASTER.isReadOnly()).isFalse();
        assertThatThrownBy(() -> NodeType.parse("SHARED_MASTER"))
                .hasMessage("unknown node type 'SHARED_MASTER': use one of writer, shared_master, shared_replica");
    }

    @Test
    void anInstanceBlockSaysWhichKeysItSets() {
        InstanceSpec none = InstanceSpec.EMPTY;
        InstanceSpec all = new InstanceSpec("r7g.large", 1, 2, 3, 4, 5, 6, 7, 8, Map.of("sec", 9), 16);
        List<String> keys = List.of("type", "databases_per_instance", "max_memory_mb", "memory_per_db_mb",
                "connection_pool_size", "query_timeout", "max_query_length", "os_overhead_mb", "checkpoint_threshold_mb",
                "checkpoint_threshold_mb_by_database", "max_db_size_mb");
        for (String key : keys) {
            assertThat(all.sets(key)).as(key).isTrue();
            assertThat(none.sets(key)).as(key).isFalse();
        }
        assertThatThrownBy(() -> all.sets("flavour")).hasMessage("no instance key flavour");
        assertThat(InstanceConfig.DEFAULTS.overriddenBy(all)).isEqualTo(new InstanceConfig("r7g.large", 1, 2, 3, 4, 5, 6,
                7, 8, Map.of("sec", 9), 16));
        assertThat(InstanceConfig.DEFAULTS.overriddenBy(null)).isSameAs(InstanceConfig.DEFAULTS);
        assertThat(InstanceConfig.DEFAULTS.queryTimeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void theNodesCacheAndPortCanBeSetAndAMissingTierIsNamed() {
        GraphfleetConfig config = GraphfleetConfig.parse(replace(ConfigValidatorTest.VALID,
                "store: {uri: \"s3://bucket/prefix\", region: us-east-1}",
                "store: {uri: \"s3://bucket/prefix\", cache_dir: /srv/cache}"));
        assertThat(config.requireNode().cacheDir()).isEqualTo(Path.of("/srv/cache"));
        GraphfleetConfig moved = config.withNodePort(0);
        assertThat(moved.requireNode().api().port()).isZero();
        assertThat(moved.requireNode().api().apiKeyEnv()).isEqualTo("GRAPH_API_KEY");
        assertThat(moved.requireNode().id()).isEqualTo("writer-1");
        assertThat(moved.tiers()).isEqualTo(config.tiers());
        assertThat(new NodeConfig("n", NodeType.WRITER, "t", null, null, null, null, null, null, null, null, null,
                null, null).cacheDir()).isNull();

        GraphfleetConfig tierless = GraphfleetConfig.parse("environment: local\nnode: {id: n, type: writer, data_dir: /d}\n");
        assertThat(tierless.nodeTierName()).isNull();
        assertThatThrownBy(tierless::nodeTier).isInstanceOf(ConfigException.class)
                .hasMessageContaining("node.tier: missing — set node.tier to one of: ");
        assertThatThrownBy(() -> config.replicaGroup("shared-replica"))
                .hasMessage("no replica group \"shared-replica\" in replicas (did you mean shared-replicas?);"
                        + " groups: shared-replicas");
    }

    // --- reading the file -------------------------------------------------------------------

    @Test
    void aDirectoryOrATextThatIsNotUtf8IsRefusedNamingTheFile(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> GraphfleetConfig.load(dir)).isInstanceOf(ConfigException.class)
                .hasMessage(dir + " is not a valid config (1 problem):\n"
                        + "  (file): is a directory — pass the path of a YAML config file");
        Path latin1 = dir.resolve("fleet.yml");
        Files.write(latin1, new byte[] {'e', 'n', 'v', ':', ' ', (byte) 0xe9, '\n'});
        assertThatThrownBy(() -> GraphfleetConfig.load(latin1))
                .hasMessageContaining("(file): is not UTF-8 text — save it as UTF-8");
        Path good = dir.resolve("good.yml");
        Files.writeString(good, "environment: local\n");
        assertThat(GraphfleetConfig.load(good).isLocal()).isTrue();
    }

    @Test
    void severalProblemsAreCountedInThePluralOnePerLine() {
        ConfigException e = new ConfigException("fleet.yml", List.of(Problem.error("a", "is wrong", "fix a"),
                Problem.warning("b", "is odd", "look at b")));
        assertThat(e).hasMessage("fleet.yml is not a valid config (2 problems):\n  a: is wrong — fix a\n"
                + "  b: is odd — look at b");
        assertThat(e.problems()).extracting(Problem::isError).containsExactly(true, false);
    }

    @Test
    void keysThatDoNotLookLikeKeysArePrintedOnlyUpToTheirFirstWord() {
        assertThat(PrintableKey.of("max_memory_mb")).isEqualTo("max_memory_mb");
        assertThat(PrintableKey.of("k".repeat(40))).isEqualTo("k".repeat(40));
        assertThat(PrintableKey.of("k".repeat(41))).isEqualTo("k".repeat(40) + "…");
        assertThat(PrintableKey.of("root:$6$salt$hash:19000")).isEqualTo("root…");
        assertThat(PrintableKey.of("$6$salt")).isEqualTo("(a key of 7 characters)");
        assertThat(PrintableKey.of("")).isEqualTo("(empty key)");
        assertThat(PrintableKey.of(null)).isEqualTo("(empty key)");
    }
}
