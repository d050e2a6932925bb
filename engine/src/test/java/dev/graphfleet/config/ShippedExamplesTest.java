package dev.graphfleet.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The files we ship under docs/ say what the code does: examples validate as described, every key is documented. */
class ShippedExamplesTest {

    /** Tests run in engine/; the docs are at the repository root. */
    static final Path DOCS = Path.of("..", "docs");
    static final Path EXAMPLES = DOCS.resolve("examples");

    @Test
    void productionValidatesWithOnlyTheIntendedOversubscriptionWarning() {
        GraphfleetConfig config = GraphfleetConfig.load(EXAMPLES.resolve("production.yml"));

        assertThat(ConfigValidator.check(config)).extracting(Problem::severity, Problem::path)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Problem.Severity.WARNING,
                        "tiers.ladybug-standard.instance.memory_per_db_mb"));
        assertThat(config.tiers()).containsOnlyKeys("ladybug-standard", "ladybug-shared");
        InstanceConfig replica = config.effectiveInstance("shared-replicas");
        assertThat(replica.type()).isEqualTo("m7g.large");
        assertThat(replica.memoryNeededMb()).isLessThanOrEqualTo(
                InstanceTypes.builtIn().find("m7g.large").orElseThrow().memoryMb());
    }

    @Test
    void localValidatesCleanlyWithAWriterOnLoopbackAndAFileStore() {
        GraphfleetConfig config = GraphfleetConfig.load(EXAMPLES.resolve("local.yml"));

        assertThat(ConfigValidator.check(config)).isEmpty();
        assertThat(config.isLocal()).isTrue();
        NodeConfig node = config.requireNode();
        assertThat(node.type()).isEqualTo(NodeType.WRITER);
        assertThat(node.api().host()).isEqualTo("127.0.0.1");
        assertThat(node.store().isFile()).isTrue();
        assertThat(config.nodeInstance().maxMemoryMb()).isLessThanOrEqualTo(1024);
    }

    @Test
    void badReplicaMemoryFailsNamingMaxMemoryMb() {
        GraphfleetConfig config = GraphfleetConfig.load(EXAMPLES.resolve("bad-replica-memory.yml"));

        List<Problem> problems = ConfigValidator.check(config);

        assertThat(problems).hasSize(1);
        Problem problem = problems.get(0);
        assertThat(problem.isError()).isTrue();
        assertThat(problem.path()).isEqualTo("replicas.shared-replicas.instance.max_memory_mb");
        assertThat(problem.message()).contains("max_memory_mb 10240 MB", "8192 MB of RAM on m7g.large");
    }

    @Test
    void configMdDocumentsEveryKey() throws IOException {
        String doc = Files.readString(DOCS.resolve("config.md"));

        List<String> paths = KeySchema.of(GraphfleetConfig.class).paths();

        assertThat(paths).contains("tiers.<name>.instance.max_memory_mb", "node.pool.acquire_timeout_ms",
                "volumes.xfs_tolerance.percent", "replicas.<name>.health_check.interval_s");
        // A replica group's instance block takes the tier's keys; the doc describes them once, under tiers.
        assertThat(paths).allSatisfy(path -> {
            String documented = path.replace("replicas.<name>.instance.", "tiers.<name>.instance.");
            assertThat(doc).as("docs/config.md documents `%s`", documented).contains("`" + documented + "`");
        });
    }
}
