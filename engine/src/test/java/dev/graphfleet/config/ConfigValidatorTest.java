package dev.graphfleet.config;

import static dev.graphfleet.config.GraphfleetConfigTest.replace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Each validation rule, with its exact message: the key path, what is wrong, and the fix. */
class ConfigValidatorTest {

    /** A production config with no problems; each test changes one thing. */
    static final String VALID = """
            environment: prod
            tiers:
              writers:
                instance: {type: r7g.large, max_memory_mb: 14336, memory_per_db_mb: 1024}
              shared:
                shared_repositories: [sec, industry]
                instance: {type: r7g.xlarge, max_memory_mb: 30720}
            replicas:
              shared-replicas:
                tier: shared
                instance: {type: m7g.large, max_memory_mb: 5120}
                scaling: {min: 2, max: 10, desired: 2}
                health_check: {interval_s: 30, timeout_s: 10, unhealthy_threshold: 5}
                snapshot: {graph_id: sec, keep: 3}
            node:
              id: writer-1
              type: writer
              tier: writers
              data_dir: /mnt/lbug-data
              api: {host: 0.0.0.0, port: 8001, api_key_env: GRAPH_API_KEY}
              store: {uri: "s3://bucket/prefix", region: us-east-1}
            registry: {instance_table: graphfleet-prod-instances, volume_table: graphfleet-prod-volumes}
            """;

    @Test
    void theBaseConfigHasNoProblems() {
        assertThat(problems(VALID)).isEmpty();
    }

    // --- memory -------------------------------------------------------------------------------

    @Test
    void replicaMemoryBeyondItsInstanceRamIsAnErrorNamingMaxMemoryMbAndTheNumbers() {
        List<Problem> problems = problemsWith("{type: m7g.large, max_memory_mb: 5120}", "{type: m7g.large, max_memory_mb: 10240}");

        assertThat(problems).containsExactly(Problem.error("replicas.shared-replicas.instance.max_memory_mb",
                "max_memory_mb 10240 MB + os_overhead_mb 2048 MB = 12288 MB is more than the 8192 MB of RAM on"
                        + " m7g.large: the node would run out of memory",
                "set replicas.shared-replicas.instance.max_memory_mb to at most 6144 (RAM − os_overhead_mb),"
                        + " or choose an instance type with at least 12288 MB of RAM"));
    }

    @Test
    void aReplicaThatInheritsTheMastersMemorySaysWhereTheValueCameFrom() {
        List<Problem> problems = problemsWith("{type: m7g.large, max_memory_mb: 5120}", "{type: m7g.large}");

        assertThat(problems).extracting(Problem::toString).containsExactly(
                "replicas.shared-replicas.instance.max_memory_mb: max_memory_mb 30720 MB + os_overhead_mb 2048 MB"
                        + " = 32768 MB is more than the 8192 MB of RAM on m7g.large (max_memory_mb is inherited from"
                        + " tiers.shared.instance): the node would run out of memory — set"
                        + " replicas.shared-replicas.instance.max_memory_mb to at most 6144 (RAM − os_overhead_mb),"
                        + " or choose an instance type with at least 32768 MB of RAM");
    }

    @Test
    void osOverheadCountsAgainstTheRam() {
        assertThat(problemsWith("{type: m7g.large, max_memory_mb: 5120}",
                "{type: m7g.large, max_memory_mb: 6144, os_overhead_mb: 2048}")).isEmpty();
        assertThat(problemsWith("{type: m7g.large, max_memory_mb: 5120}",
                "{type: m7g.large, max_memory_mb: 6144, os_overhead_mb: 2049}"))
                .extracting(Problem::message)
                .containsExactly("max_memory_mb 6144 MB + os_overhead_mb 2049 MB = 8193 MB is more than the 8192 MB"
                        + " of RAM on m7g.large: the node would run out of memory");
    }

    @Test
    void aTierMustFitItsInstanceToo() {
        assertThat(problemsWith("{type: r7g.large, max_memory_mb: 14336, memory_per_db_mb: 1024}",
                "{type: r7g.large, max_memory_mb: 15000, memory_per_db_mb: 1024}"))
                .extracting(Problem::toString).containsExactly("tiers.writers.instance.max_memory_mb: max_memory_mb"
                        + " 15000 MB + os_overhead_mb 2048 MB = 17048 MB is more than the 16384 MB of RAM on r7g.large:"
                        + " the node would run out of memory — set tiers.writers.instance.max_memory_mb to at most"
                        + " 14336 (RAM − os_overhead_mb), or choose an instance type with at least 17048 MB of RAM");
    }

    @Test
    void oversubscribedWriterBufferPoolsAreAWarning() {
        List<Problem> problems = problemsWith("max_memory_mb: 14336, memory_per_db_mb: 1024",
                "max_memory_mb: 14336, memory_per_db_mb: 2048");

        assertThat(problems).containsExactly(Problem.warning("tiers.writers.instance.memory_per_db_mb",
                "memory_per_db_mb 2048 MB × databases_per_instance 10 = 20480 MB is more than max_memory_mb"
                        + " 14336 MB: buffer pools are oversubscribed",
                "fine when most databases are idle; otherwise set memory_per_db_mb to at most 1433"
                        + " (max_memory_mb ÷ databases_per_instance)"));
    }

    @Test
    void aSharedTierMayGiveEveryRepositoryTheWholeBudget() {
        assertThat(problemsWith("{type: r7g.xlarge, max_memory_mb: 30720}",
                "{type: r7g.xlarge, max_memory_mb: 30720, memory_per_db_mb: 30720}"))
                .extracting(Problem::toString).containsExactly(
                        "replicas.shared-replicas.instance.memory_per_db_mb: memory_per_db_mb 30720 MB is more than"
                                + " max_memory_mb 5120 MB (memory_per_db_mb is inherited from tiers.shared.instance);"
                                + " each database's buffer pool is capped at 5120 MB — set"
                                + " replicas.shared-replicas.instance.memory_per_db_mb to at most 5120, or 0 to use"
                                + " max_memory_mb");
    }

    // --- instance types and numbers ---------------------------------------------------------

    @Test
    void anUnknownInstanceTypeIsAnErrorWithTheNearestKnownType() {
        assertThat(problemsWith("{type: m7g.large, max_memory_mb: 5120}", "{type: m7g.lrge, max_memory_mb: 5120}"))
                .containsExactly(Problem.error("replicas.shared-replicas.instance.type",
                        "unknown instance type \"m7g.lrge\"",
                        "did you mean m7g.large? known types: m6g, m7g, r6g and r7g, medium to 16xlarge"
                                + " (add others to instance-types.yml)"));
        assertThat(problemsWith("{type: m7g.large, max_memory_mb: 5120}", "{type: t3.micro, max_memory_mb: 5120}"))
                .extracting(Problem::fix).containsExactly("known types: m6g, m7g, r6g and r7g, medium to 16xlarge"
                        + " (add others to instance-types.yml)");
    }

    @Test
    void outsideLocalEveryInstanceNeedsAType() {
        assertThat(problemsWith("{type: r7g.xlarge, max_memory_mb: 30720}", "{max_memory_mb: 30720}"))
                .extracting(Problem::toString).containsExactly("tiers.shared.instance.type: missing: outside the local"
                        + " environment every instance needs a type — set tiers.shared.instance.type to an EC2"
                        + " instance type, e.g. r7g.large");
    }

    @Test
    void instanceNumbersMustBePositive() {
        assertThat(problemsWith("max_memory_mb: 14336, memory_per_db_mb: 1024",
                "max_memory_mb: 14336, memory_per_db_mb: -1, connection_pool_size: 0, query_timeout: 0,"
                        + " checkpoint_threshold_mb_by_database: {Sec: 128, big: 0}"))
                .extracting(Problem::toString).containsExactly(
                        "tiers.writers.instance.memory_per_db_mb: is -1 MB; it must be at least 0 MB"
                                + " — set tiers.writers.instance.memory_per_db_mb to 0 MB or more",
                        "tiers.writers.instance.connection_pool_size: is 0; it must be at least 1"
                                + " — set tiers.writers.instance.connection_pool_size to 1 or more",
                        "tiers.writers.instance.query_timeout: is 0 s; it must be at least 1 s"
                                + " — set tiers.writers.instance.query_timeout to 1 s or more",
                        "tiers.writers.instance.checkpoint_threshold_mb_by_database.Sec: \"Sec\" is not a valid"
                                + " database name — use " + Names.RULE,
                        "tiers.writers.instance.checkpoint_threshold_mb_by_database.big: must be a threshold of at"
                                + " least 1 MB — set it to a size in MB, e.g. 128");
    }

    @Test
    void maxDatabaseSizeMustBeAPowerOfTwoTheEngineAccepts() {
        assertThat(problemsWith("max_memory_mb: 14336, memory_per_db_mb: 1024",
                "max_memory_mb: 14336, memory_per_db_mb: 1024, max_db_size_mb: 3000"))
                .extracting(Problem::toString).containsExactly("tiers.writers.instance.max_db_size_mb: must be a power"
                        + " of two of at least 8 MB (the engine reserves it as address space), got 3000 — set it to a"
                        + " power of two in MB, e.g. 2048 or the default 1048576 (1 TiB)");
        assertThat(problemsWith("max_memory_mb: 14336, memory_per_db_mb: 1024",
                "max_memory_mb: 14336, memory_per_db_mb: 1024, max_db_size_mb: 4"))
                .extracting(Problem::path).containsExactly("tiers.writers.instance.max_db_size_mb");
        assertThat(problemsWith("max_memory_mb: 14336, memory_per_db_mb: 1024",
                "max_memory_mb: 14336, memory_per_db_mb: 1024, max_db_size_mb: 4096")).isEmpty();
    }

    @Test
    void maxDatabaseSizesBeyondTheAddressSpaceAreFlagged() {
        List<Problem> problems = problemsWith("max_memory_mb: 14336, memory_per_db_mb: 1024",
                "max_memory_mb: 14336, memory_per_db_mb: 1024, max_db_size_mb: 16777216"); // 16 TiB x 10 databases
        assertThat(problems).extracting(Problem::path).containsExactly("tiers.writers.instance.max_db_size_mb");
        assertThat(problems.get(0).isError()).isFalse();
        assertThat(problems.get(0).toString()).contains("Mmap").contains("set max_db_size_mb to at most 4194304");
    }

    // --- replica groups ----------------------------------------------------------------------

    @Test
    void scalingMustKeepZeroMinDesiredMaxFifty() {
        String fix = "keep 0 ≤ min ≤ desired ≤ max ≤ 50";
        assertThat(scaling("{min: -1, max: 10, desired: 2}")).containsExactly(
                Problem.error("replicas.shared-replicas.scaling.min", "is -1; it must be at least 0", fix));
        assertThat(scaling("{min: 2, max: 51, desired: 2}")).containsExactly(
                Problem.error("replicas.shared-replicas.scaling.max", "is 51; a replica group has at most 50 instances",
                        fix));
        assertThat(scaling("{min: 5, max: 3, desired: 4}")).containsExactly(
                Problem.error("replicas.shared-replicas.scaling.min", "min 5 is more than max 3", fix));
        assertThat(scaling("{min: 2, max: 10, desired: 1}")).containsExactly(
                Problem.error("replicas.shared-replicas.scaling.desired", "desired 1 is less than min 2", fix));
        assertThat(scaling("{min: 2, max: 10, desired: 11}")).containsExactly(
                Problem.error("replicas.shared-replicas.scaling.desired", "desired 11 is more than max 10", fix));
        assertThat(scaling("{min: 0, max: 0, desired: 0}")).isEmpty();
        assertThat(scaling("{min: 50, max: 50}")).isEmpty();
    }

    @Test
    void aHealthCheckThatMarksAReplicaUnhealthyInUnderTwoMinutesIsAnError() {
        assertThat(healthCheck("{interval_s: 10, timeout_s: 5, unhealthy_threshold: 3}")).containsExactly(
                Problem.error("replicas.shared-replicas.health_check", "interval_s 10 × unhealthy_threshold 3 = 30 s:"
                                + " a replica busy with a slow query would be marked unhealthy and replaced in under"
                                + " 2 minutes",
                        "raise interval_s or unhealthy_threshold so that interval_s × unhealthy_threshold ≥ 120 s,"
                                + " e.g. 30 × 5"));
        assertThat(healthCheck("{interval_s: 30, timeout_s: 10, unhealthy_threshold: 4}")).isEmpty();
    }

    @Test
    void aHealthCheckTimeoutMustBeShorterThanItsInterval() {
        assertThat(healthCheck("{interval_s: 30, timeout_s: 30, unhealthy_threshold: 5}")).containsExactly(
                Problem.error("replicas.shared-replicas.health_check.timeout_s", "timeout_s 30 s is not less than"
                                + " interval_s 30 s: a check would still be waiting when the next one starts",
                        "set timeout_s below interval_s, e.g. interval_s 30 and timeout_s 10"));
    }

    @Test
    void healthCheckValuesStayWithinTheLoadBalancersLimits() {
        assertThat(healthCheck("{interval_s: 400, timeout_s: 10, unhealthy_threshold: 11}"))
                .extracting(Problem::toString).containsExactly(
                        "replicas.shared-replicas.health_check.interval_s: is 400 s; it must be between 5 and 300 s"
                                + " — set replicas.shared-replicas.health_check.interval_s to a value from 5 to 300 s",
                        "replicas.shared-replicas.health_check.unhealthy_threshold: is 11; it must be between 2 and 10"
                                + " — set replicas.shared-replicas.health_check.unhealthy_threshold to a value from"
                                + " 2 to 10");
    }

    @Test
    void anUnknownTierReferenceIsAnErrorWithTheNearestTier() {
        assertThat(problemsWith("    tier: shared\n", "    tier: shraed\n")).first().isEqualTo(
                Problem.error("replicas.shared-replicas.tier", "unknown tier \"shraed\"",
                        "did you mean shared? tiers: writers, shared"));
        assertThat(problemsWith("  tier: writers\n", "  tier: writer\n")).containsExactly(
                Problem.error("node.tier", "unknown tier \"writer\"", "did you mean writers? tiers: writers, shared"));
    }

    @Test
    void aReplicaGroupOfATierWithoutSharedRepositoriesIsAWarning() {
        assertThat(problemsWith("    tier: shared\n", "    tier: writers\n"))
                .filteredOn(p -> p.path().equals("replicas.shared-replicas.tier"))
                .containsExactly(Problem.warning("replicas.shared-replicas.tier", "tier writers has no"
                                + " shared_repositories; replicas serve the shared repositories of a shared master",
                        "point tier at a tier with shared_repositories"));
    }

    @Test
    void snapshotsKeepAPreviousOneForRollback() {
        assertThat(problemsWith("{graph_id: sec, keep: 3}", "{graph_id: sec, keep: 1}")).containsExactly(
                Problem.warning("replicas.shared-replicas.snapshot.keep",
                        "is 1: no previous snapshot is kept, so there is nothing to roll back to",
                        "set keep to 2 or more"));
        assertThat(problemsWith("{graph_id: sec, keep: 3}", "{graph_id: economic, keep: 0}"))
                .extracting(Problem::toString).containsExactly(
                        "replicas.shared-replicas.snapshot.graph_id: repository economic is not in"
                                + " tiers.shared.shared_repositories — use one of the tier's repositories: sec, industry",
                        "replicas.shared-replicas.snapshot.keep: is 0; at least the current snapshot is kept"
                                + " — set keep to 2 or more, so there is a previous snapshot to roll back to");
    }

    // --- names ------------------------------------------------------------------------------

    @Test
    void repositoryNamesMustBeIdentifiers() {
        assertThat(problemsWith("[sec, industry]", "[sec, Industry, \"a-b\", sec, \"x; DROP\"]"))
                .extracting(Problem::toString).contains(
                        "tiers.shared.shared_repositories[1]: \"Industry\" is not a valid repository name — use "
                                + Names.RULE,
                        "tiers.shared.shared_repositories[2]: \"a-b\" is not a valid repository name — use " + Names.RULE,
                        "tiers.shared.shared_repositories[3]: repository sec is listed twice — remove the second sec",
                        "tiers.shared.shared_repositories[4]: \"x; DROP\" is not a valid repository name — use "
                                + Names.RULE);
        assertThat(problemsWith("graph_id: sec", "graph_id: ../sec")).extracting(Problem::toString).containsExactly(
                "replicas.shared-replicas.snapshot.graph_id: \"../sec\" is not a valid repository name — use "
                        + Names.RULE);
    }

    @Test
    void tierAndGroupNamesAndTheEnvironmentAreChecked() {
        assertThat(problemsWith("environment: prod", "environment: Prod_1")).first().isEqualTo(
                Problem.error("environment", "\"Prod_1\" is not a valid environment name",
                        "use up to 32 lowercase letters, digits or '-', starting with a letter, e.g. prod"));
        assertThat(problemsWith("environment: prod\n", "")).first().isEqualTo(Problem.error("environment", "missing",
                "set environment: local for one machine, or the deployment's name, e.g. prod"));
    }

    // --- registry ---------------------------------------------------------------------------

    @Test
    void outsideLocalTheRegistryTablesAreRequired() {
        assertThat(problemsWith("registry: {instance_table: graphfleet-prod-instances, volume_table: graphfleet-prod-volumes}\n", ""))
                .containsExactly(
                        Problem.error("registry.instance_table", "missing: the prod environment keeps its registry in"
                                + " DynamoDB", "set registry.instance_table to the table's name, e.g."
                                + " graphfleet-prod-instance-registry"),
                        Problem.error("registry.volume_table", "missing: the prod environment keeps its registry in"
                                + " DynamoDB", "set registry.volume_table to the table's name, e.g."
                                + " graphfleet-prod-volume-registry"));
        assertThat(problemsWith("volume_table: graphfleet-prod-volumes", "volume_table: graphfleet-prod-instances"))
                .extracting(Problem::message).containsExactly("is the same table as registry.instance_table");
        assertThat(problemsWith("volume_table: graphfleet-prod-volumes", "volume_table: \"my table\""))
                .extracting(Problem::message).containsExactly("\"my table\" is not a valid DynamoDB table name");
    }

    @Test
    void theLocalEnvironmentNeedsNoRegistryAndNoInstanceTypes() {
        assertThat(problems("""
                environment: local
                tiers:
                  t: {instance: {max_memory_mb: 512}}
                node: {id: n1, type: writer, tier: t, data_dir: /tmp/n1}
                """)).isEmpty();
    }

    // --- node -------------------------------------------------------------------------------

    @Test
    void aSharedNodeNeedsATierWithSharedRepositories() {
        assertThat(problemsWith("  type: writer\n", "  type: shared_master\n")).containsExactly(Problem.error(
                "node.tier", "tier writers has no shared_repositories, but a shared_master node serves shared"
                        + " repositories",
                "add shared_repositories to tiers.writers, or point node.tier at a tier that has them"));
        assertThat(problemsWith("  tier: writers\n", "  tier: shared\n")).containsExactly(Problem.warning(
                "node.tier", "a writer on tier shared, which lists shared_repositories; writers do not serve shared"
                        + " repositories", "use a writer tier, or set node.type to shared_master"));
    }

    @Test
    void aSharedReplicaNodeBelongsToAReplicaGroup() {
        String replicaNode = "  type: shared_replica\n  tier: shared\n";
        assertThat(problemsWith("  type: writer\n  tier: writers\n", replicaNode)).containsExactly(Problem.warning(
                "node.replica_group", "not set: this shared_replica runs with its tier's instance settings, which"
                        + " are sized for the shared master",
                "set node.replica_group to its group: shared-replicas"));
        assertThat(problemsWith("  type: writer\n  tier: writers\n",
                "  type: shared_replica\n  replica_group: shared-replicas\n")).isEmpty();
        assertThat(problemsWith("  type: writer\n  tier: writers\n",
                "  type: shared_replica\n  replica_group: shared-replica\n")).containsExactly(Problem.error(
                "node.replica_group", "unknown replica group \"shared-replica\"",
                "did you mean shared-replicas? replicas: shared-replicas"));
        assertThat(problemsWith("  type: writer\n  tier: writers\n",
                "  type: writer\n  tier: writers\n  replica_group: shared-replicas\n")).extracting(Problem::toString)
                .containsExactly("node.replica_group: a writer node is not part of a replica group — remove"
                        + " node.replica_group, or set node.type to shared_replica",
                        "node.tier: tier writers differs from replicas.shared-replicas.tier shared — remove node.tier"
                                + " (the group's tier applies) or make them equal");
    }

    @Test
    void theNodeNeedsAnIdATypeATierAndADataDirectory() {
        assertThat(problemsWith("""
                  id: writer-1
                  type: writer
                  tier: writers
                  data_dir: /mnt/lbug-data
                """, "")).extracting(Problem::toString).containsExactly(
                "node.id: missing — set node.id to a name unique in the fleet, e.g. writer-1",
                "node.type: missing — set node.type to one of writer, shared_master, shared_replica",
                "node.data_dir: missing — set node.data_dir to the directory for databases, e.g. /mnt/lbug-data",
                "node.tier: missing — set node.tier to one of: writers, shared");
    }

    @Test
    void theApiKeyEnvNamesAVariableAndNeverHoldsTheKey() {
        List<Problem> problems = problemsWith("api_key_env: GRAPH_API_KEY", "api_key_env: \"sk-live-0123456789abcdef\"");

        assertThat(problems).containsExactly(Problem.error("node.api.api_key_env",
                "must be the name of an environment variable (letters, digits, _)",
                "put the key in an environment variable and write its name here, e.g. GRAPH_API_KEY;"
                        + " the key itself never goes in the config"));
        assertThat(problems.toString()).doesNotContain("sk-live");
    }

    @Test
    void anApiWithoutAKeyIsAWarningUnlessLocalOnLoopback() {
        assertThat(problemsWith(", api_key_env: GRAPH_API_KEY}", "}")).containsExactly(Problem.warning(
                "node.api.api_key_env", "not set: the API answers requests without a key",
                "set api_key_env: GRAPH_API_KEY and export GRAPH_API_KEY with the key on the node"));
    }

    @Test
    void theStoreIsAnS3BucketOrAnAbsoluteDirectory() {
        assertThat(store("{uri: \"s3:///prefix\"}")).extracting(Problem::toString)
                .containsExactly("node.store.uri: has no bucket — write it as s3://bucket/prefix");
        assertThat(store("{uri: \"file:relative/dir\"}")).extracting(Problem::toString)
                .containsExactly("node.store.uri: is not an absolute file URI — write it as file:///absolute/dir");
        assertThat(store("{uri: \"https://example.com/x\"}")).extracting(Problem::toString)
                .containsExactly("node.store.uri: has scheme https; the store is S3 or a directory"
                        + " — write it as s3://bucket/prefix or file:///dir");
        assertThat(store("{uri: \"s3://b/p\", endpoint: \"localhost:9000\"}")).extracting(Problem::path)
                .containsExactly("node.store.endpoint");
        assertThat(store("{region: us-east-1}")).extracting(Problem::toString)
                .containsExactly("node.store.uri: missing — set it to s3://bucket/prefix or file:///dir");
        assertThat(store("{uri: \"file:///srv/repos\", cache_dir: /srv/cache}")).isEmpty();
    }

    @Test
    void nodeTimingsAndAdmissionLimitsAreChecked() {
        assertThat(problemsWith("  data_dir: /mnt/lbug-data\n", """
                  data_dir: /mnt/lbug-data
                  pool: {acquire_timeout_ms: 0, leak_detection_threshold_s: 0}
                  metrics: {timeout_s: 0}
                  admission: {memory_percent: 120, cpu_percent: 70, ingestion_cpu_percent: 80, min_in_flight: 8, max_in_flight: 4}
                  attach: {attempts: 0, backoff_s: [5, -1]}
                """)).extracting(Problem::toString).containsExactly(
                "node.pool.acquire_timeout_ms: is 0 ms; it must be at least 1 ms"
                        + " — set node.pool.acquire_timeout_ms to 1 ms or more",
                "node.metrics.timeout_s: is 0 s; it must be at least 1 s — set node.metrics.timeout_s to 1 s or more",
                "node.admission.memory_percent: is 120 %; it must be between 1 and 100 %"
                        + " — set node.admission.memory_percent to a value from 1 to 100 %",
                "node.admission.cpu_percent: deprecated: a CPU threshold refuses work exactly when the CPU is busy"
                        + " serving what the node admitted (and on a shared machine, when others are busy) — remove it:"
                        + " the adaptive in-flight limit (node.admission.adaptive, max_in_flight) refuses only beyond"
                        + " what the node can serve",
                "node.admission.ingestion_cpu_percent: ingestion_cpu_percent 80 % is above cpu_percent 70 %:"
                        + " ingestion would be admitted when queries are refused"
                        + " — set ingestion_cpu_percent below cpu_percent, e.g. 10 points lower",
                "node.admission.max_in_flight: max_in_flight 4 is below min_in_flight 8 — raise max_in_flight to at"
                        + " least 8 or lower min_in_flight",
                "node.attach.attempts: is 0; it must be at least 1 — set node.attach.attempts to 1 or more",
                "node.attach.backoff_s[1]: must be a wait of 0 s or more — list waits in seconds, e.g. [5, 10]");
    }

    // --- volumes ----------------------------------------------------------------------------

    @Test
    void volumeThresholdsAreFractionsAndSizesFitEbs() {
        String volumes = "volumes: {expansion_threshold: 80, max_volume_size_gb: 20000, expansion_factor: 1.0}\n";
        assertThat(problems(VALID + volumes)).extracting(Problem::toString).containsExactly(
                "volumes.expansion_threshold: is 80.0; it must be a fraction between 0 and 1 (0.8 means 80 %)"
                        + " — set volumes.expansion_threshold to a value such as 0.8",
                "volumes.expansion_factor: is 1.0; a volume must grow — set expansion_factor above 1, e.g. 1.5",
                "volumes.max_volume_size_gb: is 20000 GB; it must be between 1 and 16384 GB"
                        + " — set volumes.max_volume_size_gb to a value from 1 to 16384 GB");
        assertThat(problems(VALID + "volumes: {expansion_threshold: 0.6, alarm_threshold: 0.5}\n"))
                .extracting(Problem::toString).containsExactly("volumes.target_usage_after_expansion:"
                        + " target_usage_after_expansion 0.6 is not below expansion_threshold 0.6: a volume would be"
                        + " expanded again at once — set it below expansion_threshold, e.g. 0.6");
        assertThat(problems(VALID + "volumes: {alarm_threshold: 0.9}\n")).extracting(Problem::severity)
                .containsExactly(Problem.Severity.WARNING);
    }

    // --- entry points -----------------------------------------------------------------------

    @Test
    void requireValidThrowsWithEveryProblemOrReturnsTheWarnings() {
        GraphfleetConfig bad = GraphfleetConfig.parse(replace(VALID, "max_memory_mb: 5120", "max_memory_mb: 9000"));
        assertThatThrownBy(() -> ConfigValidator.requireValid(bad, "fleet.yml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("fleet.yml is not a valid config (1 problem):\n"
                        + "  replicas.shared-replicas.instance.max_memory_mb: max_memory_mb 9000 MB");

        GraphfleetConfig warned = GraphfleetConfig.parse(replace(VALID, "keep: 3", "keep: 1"));
        assertThat(ConfigValidator.requireValid(warned, "fleet.yml")).extracting(Problem::severity)
                .containsExactly(Problem.Severity.WARNING);
    }

    @Test
    void aCustomCatalogCanAddInstanceTypes() {
        InstanceTypes catalog = new InstanceTypes(java.util.Map.of("x9.huge", new InstanceType("x9.huge", 8, 64),
                "r7g.large", new InstanceType("r7g.large", 2, 16), "r7g.xlarge", new InstanceType("r7g.xlarge", 4, 32)));
        GraphfleetConfig config = GraphfleetConfig.parse(replace(VALID, "{type: m7g.large, max_memory_mb: 5120}",
                "{type: x9.huge, max_memory_mb: 60000}"));

        assertThat(new ConfigValidator(catalog).validate(config)).isEmpty();
    }

    private static List<Problem> scaling(String scaling) {
        return problemsWith("scaling: {min: 2, max: 10, desired: 2}", "scaling: " + scaling);
    }

    private static List<Problem> healthCheck(String check) {
        return problemsWith("health_check: {interval_s: 30, timeout_s: 10, unhealthy_threshold: 5}",
                "health_check: " + check);
    }

    private static List<Problem> store(String store) {
        return problemsWith("store: {uri: \"s3://bucket/prefix\", region: us-east-1}", "store: " + store);
    }

    @Test
    void aRefreshIntervalOutsideZeroToADayNamesTheKeyAndTheFix() {
        String store = "store: {uri: \"s3://bucket/prefix\", region: us-east-1}";
        assertThat(problemsWith(store, store + "\n  shared: {refresh_interval_s: 0}")).isEmpty();
        assertThat(problemsWith(store, store + "\n  shared: {refresh_interval_s: -5}")).containsExactly(
                Problem.error("node.shared.refresh_interval_s", "is -5 s; it must be between 0 (off) and 86400 s (a day)",
                        "set node.shared.refresh_interval_s to 60 (the default), or 0 to stop polling the store"));
        assertThat(problemsWith(store, store + "\n  shared: {refresh_interval_s: 86401}")).extracting(Problem::path)
                .containsExactly("node.shared.refresh_interval_s");
        assertThat(GraphfleetConfig.parse(VALID).requireNode().shared().refreshIntervalS()).isEqualTo(60);
    }

    private static List<Problem> problemsWith(String from, String to) {
        return problems(replace(VALID, from, to));
    }

    private static List<Problem> problems(String yaml) {
        return ConfigValidator.check(GraphfleetConfig.parse(yaml));
    }
}
