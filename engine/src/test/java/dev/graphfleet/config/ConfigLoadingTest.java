package dev.graphfleet.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Strict reading: unknown keys, wrong types, malformed YAML, aliases and oversized documents are refused. */
class ConfigLoadingTest {

    @Test
    void everyUnknownKeyIsReportedWithItsPathLineAndNearestKey() {
        List<Problem> problems = problemsOf("""
                environment: prod
                tiers:
                  ladybug-standard:
                    instance:
                      max_memroy_mb: 14336
                      typ: r7g.large
                replicas:
                  shared-replicas:
                    helth_check: {interval_s: 30}
                volumez: {}
                """);

        assertThat(problems).extracting(Problem::toString).startsWith(
                "tiers.ladybug-standard.instance.max_memroy_mb: unknown key max_memroy_mb (line 5, column 7)"
                        + " — did you mean max_memory_mb?",
                "tiers.ladybug-standard.instance.typ: unknown key typ (line 6, column 7) — did you mean type?",
                "replicas.shared-replicas.helth_check: unknown key helth_check (line 9, column 5)"
                        + " — did you mean health_check?",
                "volumez: unknown key volumez (line 10, column 1) — did you mean volumes?");
        assertThat(problems).allMatch(Problem::isError);
    }

    /** Two typos and four real problems: all six in one run, each with its path, line and fix. */
    @Test
    void typosDoNotHideTheRealProblemsOneRunShowsThemAll() {
        List<Problem> problems = problemsOf("""
                environment: prod
                tiers:
                  ladybug-shared:
                    instance: {type: r7g.xlarge, max_memory_mb: 30720, memory_per_db_mb: 30720, query_timeout: 300}
                replicas:
                  shared-replicas:
                    tier: ladybug-shared
                    instance: {type: m7g.large, max_memory_mb: 30720, memory_per_db_mb: 5120}
                    scaling: {min: 5, max: 2, desired: 2}
                    helth_check: {interval_s: 30}
                volumes:
                  expansion_treshold: 0.8
                  alarm_threshold: 1.5
                  min_expansion_gb: 0
                registry: {instance_table: instances, volume_table: volumes}
                """);

        assertThat(problems).extracting(Problem::toString).anySatisfy(p -> assertThat(p)
                .startsWith("replicas.shared-replicas.helth_check: unknown key helth_check (line 10, column 5)")
                .endsWith("did you mean health_check?"));
        assertThat(problems).extracting(Problem::toString).anySatisfy(p -> assertThat(p)
                .startsWith("volumes.expansion_treshold: unknown key expansion_treshold (line 12, column 3)"));
        assertThat(problems).filteredOn(Problem::isError).hasSize(6);
        assertThat(problems).extracting(Problem::toString)
                .anySatisfy(p -> assertThat(p).startsWith("replicas.shared-replicas.scaling").contains("(line 9)"))
                .anySatisfy(p -> assertThat(p).startsWith("replicas.shared-replicas.instance").contains("(line 8)"))
                .anySatisfy(p -> assertThat(p).startsWith("volumes.alarm_threshold: is 1.5").contains("(line 13)"))
                .anySatisfy(p -> assertThat(p).startsWith("volumes.min_expansion_gb: is 0 GB").contains("(line 14)"));
        assertThat(problems).allSatisfy(p -> assertThat(p.fix()).isNotBlank());
    }

    @Test
    void aDuplicateKeyIsReportedWithBothLinesAndTheRestIsStillChecked() {
        List<Problem> problems = problemsOf("""
                environment: prod
                volumes:
                  min_expansion_gb: 50
                  alarm_threshold: 0.7
                  min_expansion_gb: 0
                registry: {instance_table: instances, volume_table: volumes}
                """);

        assertThat(problems).extracting(Problem::toString).containsExactly(
                "volumes.min_expansion_gb: duplicate key min_expansion_gb (line 5, column 3); first at line 3"
                        + " — keep one of them (YAML would silently keep only the last)",
                "volumes.min_expansion_gb: is 0 GB; it must be at least 1 GB (line 5) — set volumes.min_expansion_gb to 1 GB or"
                        + " more");
    }

    @Test
    void anUnknownKeyWithNothingNearListsTheValidKeys() {
        assertThat(problemsOf("environment: prod\nflavour: vanilla\n")).extracting(Problem::toString)
                .startsWith("flavour: unknown key flavour (line 2, column 1) — valid keys here:"
                        + " environment, tiers, replicas, node, volumes, registry");
    }

    @Test
    void aKeyThatLooksLikeASecretPointsToApiKeyEnvAndNeverEchoesTheValue() {
        ConfigException e = refused("""
                environment: prod
                node:
                  api: {api_key: sk-live-0123456789}
                """);

        assertThat(e.problems()).extracting(Problem::toString).startsWith(
                "node.api.api_key: unknown key api_key (line 3, column 9) — did you mean api_key_env?"
                        + " Secrets never go in the config: put the API key in an environment variable"
                        + " and name that variable in node.api.api_key_env.");
        assertThat(e.getMessage()).doesNotContain("sk-live");
    }

    @Test
    void keysInsideMapsAreNamesNotKeysButTheirValuesAreChecked() {
        GraphfleetConfig config = GraphfleetConfig.parse("""
                environment: local
                tiers:
                  any-name-here: {instance: {checkpoint_threshold_mb_by_database: {whatever: 10}}}
                """);
        assertThat(config.tiers()).containsOnlyKeys("any-name-here");

        assertThat(problemsOf("environment: local\ntiers:\n  t: {instanse: {}}\n")).extracting(Problem::path)
                .containsExactly("tiers.t.instanse");
    }

    @Test
    void aWrongTypeNamesThePathTheExpectedTypeAndTheLine() {
        assertThat(problemsOf("environment: prod\ntiers:\n  t:\n    instance:\n      max_memory_mb: lots\n"))
                .extracting(Problem::toString).containsExactly("tiers.t.instance.max_memory_mb: must be a whole"
                        + " number (line 5, column 22) — write a whole number here");
        assertThat(problemsOf("environment: prod\ntiers:\n  t:\n    instance:\n      max_memory_mb: 1.5\n"))
                .extracting(Problem::message).containsExactly("must be a whole number (line 5, column 22)");
        assertThat(problemsOf("environment: prod\ntiers:\n  t: {shared_repositories: sec}\n"))
                .extracting(Problem::toString).containsExactly("tiers.t.shared_repositories: must be a list"
                        + " (line 3, column 28) — write a list here");
        assertThat(problemsOf("environment: prod\ntiers:\n  t: {instance: r7g.large}\n"))
                .extracting(Problem::message).containsExactly("must be a mapping (key: value lines) (line 3, column 17)");
        assertThat(problemsOf("environment: 42\n")).extracting(Problem::toString)
                .containsExactly("environment: must be text (line 1, column 14) — write text here");
        assertThat(problemsOf("environment: prod\nnode: {attach: {backoff_s: [5, soon]}}\n"))
                .extracting(Problem::path).containsExactly("node.attach.backoff_s[1]");
        assertThat(problemsOf("environment: prod\nnode: {api: {port: 99999999999}}\n"))
                .extracting(Problem::toString).containsExactly("node.api.port: is out of range (line 2, column 31)"
                        + " — use a whole number up to 2147483647");
        assertThat(problemsOf("environment: prod\nnode: {store: {uri: 'not a uri'}}\n"))
                .extracting(Problem::message)
                .containsExactly("must be a URI (s3://bucket/prefix or file:///dir) (line 2, column 21)");
    }

    @Test
    void aWrongNodeTypeListsTheTypesAndSuggestsTheNearest() {
        assertThat(problemsOf("environment: prod\nnode:\n  type: writter\n")).extracting(Problem::toString)
                .containsExactly("node.type: must be one of writer, shared_master, shared_replica (line 3, column 9)"
                        + " — did you mean writer?");
    }

    @Test
    void malformedYamlNamesLineAndColumn() {
        assertThat(problemsOf("environment: prod\ntiers:\n  t:\n   bad: : value\n")).extracting(Problem::toString)
                .containsExactly("(file): is not valid YAML (line 4, column 7): mapping values are not allowed here"
                        + " — check the indentation (spaces, not tabs) and quoting on that line");
    }

    @Test
    void aKeySetTwiceIsAnError() {
        assertThat(problemsOf("environment: prod\nenvironment: dev\n")).extracting(Problem::toString)
                .startsWith("environment: duplicate key environment (line 2, column 1); first at line 1"
                        + " — keep one of them (YAML would silently keep only the last)");
    }

    @Test
    void aliasesAreRefusedSoAnAliasBombNeverExpands() {
        StringBuilder bomb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        char previous = 'a';
        for (char name = 'b'; name <= 'i'; name++) {
            bomb.append(name).append(": &").append(name).append(" [");
            for (int i = 0; i < 9; i++) {
                bomb.append(i == 0 ? "" : ",").append('*').append(previous);
            }
            bomb.append("]\n");
            previous = name;
        }

        assertThat(problemsOf(bomb.toString())).extracting(Problem::toString).containsExactly(
                "b[0]: uses a YAML alias (line 2, column 8) — write the values out;"
                        + " for shared settings use tier inheritance (replicas.<group>.tier)");
        assertThat(problemsOf("environment: &e prod\nregistry: {instance_table: *e}\n")).extracting(Problem::path)
                .containsExactly("registry.instance_table");
    }

    @Test
    void hugeAndDeepDocumentsAreRefused() {
        String huge = "environment: prod\n# " + "x".repeat(ConfigLoader.MAX_BYTES) + "\n";
        assertThat(problemsOf(huge)).extracting(Problem::toString).containsExactly("(file): is "
                + huge.length() + " bytes, over the 1024 KiB limit — a config is a few KiB; check that this is the right file");

        StringBuilder deep = new StringBuilder("environment: prod\nnode:\n");
        String indent = "  ";
        for (int i = 0; i < 40; i++) {
            deep.append(indent).append("k").append(i).append(":\n");
            indent += "  ";
        }
        deep.append(indent).append("v: 1\n");
        assertThat(problemsOf(deep.toString())).extracting(Problem::message)
                .containsExactly("nests deeper than 16 levels");
    }

    @Test
    void oneDocumentOnly() {
        assertThat(problemsOf("environment: prod\n---\nenvironment: dev\n")).extracting(Problem::toString)
                .containsExactly("(file): has more than one YAML document (line 3, column 1)"
                        + " — keep one document: remove the --- separator and what follows");
    }

    @Test
    void emptyAndNonMappingDocumentsAreRefused() {
        assertThat(problemsOf("  \n")).extracting(Problem::message).containsExactly("is empty");
        assertThat(problemsOf("# only a comment\n")).extracting(Problem::message).containsExactly("has no settings");
        assertThat(problemsOf("- a\n- b\n")).extracting(Problem::toString)
                .containsExactly("(top level): must be a mapping (key: value lines) (line 1, column 1)"
                        + " — write a mapping (key: value lines) here");
    }

    @Test
    void loadNamesTheFileInItsMessages(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("fleet.yml");
        Files.writeString(file, "environment: prod\nvolumes: {expansion_treshold: 0.9}\n");

        assertThatThrownBy(() -> GraphfleetConfig.load(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(file + " is not a valid config (")
                .hasMessageContaining("\n  volumes.expansion_treshold: unknown key expansion_treshold (line 2, column 11)"
                        + " — did you mean expansion_threshold?");
        assertThatThrownBy(() -> GraphfleetConfig.load(dir.resolve("missing.yml")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("(file): not found");
    }

    @Test
    void aLargeFileIsRefusedBeforeItIsRead(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("big.yml");
        Files.write(file, new byte[ConfigLoader.MAX_BYTES + 1]);

        assertThatThrownBy(() -> GraphfleetConfig.load(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("is 1048577 bytes, over the 1024 KiB limit");
    }

    private static List<Problem> problemsOf(String yaml) {
        return refused(yaml).problems();
    }

    private static ConfigException refused(String yaml) {
        try {
            GraphfleetConfig.parse(yaml);
        } catch (ConfigException e) {
            return e;
        }
        throw new AssertionError("expected the config to be refused:\n" + yaml);
    }
}
