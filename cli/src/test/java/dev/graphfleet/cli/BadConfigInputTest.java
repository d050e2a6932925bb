package dev.graphfleet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad config files, each checked twice through the CLI as a user runs it: {@code config validate}
 * and {@code serve --config}. Each exits 2 naming what is wrong (the key path or the file problem),
 * prints no stack trace, leaves the file as it was, and {@code serve} creates nothing (no data directory).
 */
class BadConfigInputTest {

    @TempDir
    Path dir;

    /** A writer config that validates; each case breaks one thing in it. */
    private String base() {
        return """
                environment: local
                tiers:
                  small:
                    instance: {max_memory_mb: 512, memory_per_db_mb: 128, connection_pool_size: 2, query_timeout: 30}
                node:
                  id: writer-1
                  type: writer
                  tier: small
                  data_dir: %s
                  api: {host: 127.0.0.1, port: 0}
                volumes: {expansion_threshold: 0.8, expansion_factor: 1.5, min_expansion_gb: 50, max_volume_size_gb: 16384}
                """.formatted(dir.resolve("data"));
    }

    record Case(String what, byte[] content, String expected) {
        static Case yaml(String what, String yaml, String expected) {
            return new Case(what, yaml.getBytes(StandardCharsets.UTF_8), expected);
        }
    }

    private Case replace(String what, String from, String to, String expected) {
        String yaml = base();
        assertThat(yaml).as(what).contains(from);
        return Case.yaml(what, yaml.replace(from, to), expected);
    }

    private List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        // Malformed YAML.
        cases.add(replace("bad indentation", "  small:\n", " small:\n  oops\n", "is not valid YAML"));
        cases.add(replace("unclosed flow mapping", "port: 0}", "port: 0", "is not valid YAML"));
        cases.add(replace("tab indentation", "  id: writer-1", "\tid: writer-1", "is not valid YAML"));
        cases.add(replace("duplicate key", "  id: writer-1", "  id: writer-1\n  id: writer-2", "node.id"));
        cases.add(replace("second document", "environment: local", "environment: local\n---\nenvironment: prod", "more than one YAML document"));
        cases.add(new Case("binary garbage", new byte[] {0, 1, 2, (byte) 0xFF, (byte) 0xFE, 10}, "(file)"));
        cases.add(new Case("invalid UTF-8", "environment: \"lo\u00ffcal\"\n".getBytes(StandardCharsets.ISO_8859_1), "(file)"));
        cases.add(Case.yaml("empty file", "", "is empty"));
        cases.add(Case.yaml("a list at the top", "- environment: local\n", "must be a mapping"));
        // Unknown keys.
        cases.add(replace("misspelled key", "data_dir:", "datadir:", "did you mean data_dir?"));
        cases.add(replace("unknown section", "volumes:", "volume:", "did you mean volumes?"));
        cases.add(replace("secret-looking key", "port: 0}", "port: 0, api_key: hunter2}", "api_key_env"));
        // Wrong types.
        cases.add(replace("string for a number", "max_memory_mb: 512", "max_memory_mb: lots", "tiers.small.instance.max_memory_mb"));
        cases.add(replace("size with a unit", "max_memory_mb: 512", "max_memory_mb: 10GB", "tiers.small.instance.max_memory_mb"));
        cases.add(replace("list for a number", "connection_pool_size: 2", "connection_pool_size: [2]", "tiers.small.instance.connection_pool_size"));
        cases.add(replace("mapping for a string", "id: writer-1", "id: {name: writer-1}", "node.id"));
        cases.add(replace("number for a list", "memory_per_db_mb: 128,", "memory_per_db_mb: 128, shared_repositories: 5,", "shared_repositories"));
        cases.add(replace("unknown node type", "type: writer", "type: primary", "node.type"));
        cases.add(replace("integer overflow", "port: 0", "port: 99999999999999999999", "node.api.port"));
        cases.add(replace("YAML type tag", "id: writer-1", "id: !!java.io.File /etc/passwd", "node.id"));
        cases.add(replace("YAML alias", "id: writer-1", "id: &x writer-1\n  tier: *x", "alias"));
        // Bad sizes and ranges.
        cases.add(replace("negative memory", "max_memory_mb: 512", "max_memory_mb: -512", "tiers.small.instance.max_memory_mb"));
        cases.add(replace("zero memory", "max_memory_mb: 512", "max_memory_mb: 0", "tiers.small.instance.max_memory_mb"));
        cases.add(replace("pool of zero", "connection_pool_size: 2", "connection_pool_size: 0", "connection_pool_size"));
        cases.add(replace("negative query timeout", "query_timeout: 30", "query_timeout: -1", "query_timeout"));
        cases.add(replace("port out of range", "port: 0", "port: 70000", "node.api.port"));
        cases.add(replace("body read timeout of 0", "port: 0", "port: 0, body_read_timeout_s: 0", "node.api.body_read_timeout_s"));
        cases.add(replace("body read timeout over 300 s", "port: 0", "port: 0, body_read_timeout_s: 3600",
                "node.api.body_read_timeout_s"));
        cases.add(replace("threshold over 1", "expansion_threshold: 0.8", "expansion_threshold: 80", "volumes.expansion_threshold"));
        cases.add(replace("shrinking factor", "expansion_factor: 1.5", "expansion_factor: 0.5", "volumes.expansion_factor"));
        cases.add(replace("negative minimum growth", "min_expansion_gb: 50", "min_expansion_gb: -50", "volumes.min_expansion_gb"));
        cases.add(replace("volume cap over EBS's", "max_volume_size_gb: 16384", "max_volume_size_gb: 70000", "volumes.max_volume_size_gb"));
        cases.add(replace("negative per-database memory", "memory_per_db_mb: 128", "memory_per_db_mb: -1", "memory_per_db_mb"));
        // Names and paths.
        cases.add(replace("traversal in a repository name", "memory_per_db_mb: 128,", "memory_per_db_mb: 128, shared_repositories: [\"../etc\"],", "shared_repositories"));
        cases.add(replace("look-alike repository name", "memory_per_db_mb: 128,", "memory_per_db_mb: 128, shared_repositories: [sеc],", "shared_repositories"));
        cases.add(replace("node id with a slash", "id: writer-1", "id: ../writer", "node.id"));
        cases.add(replace("node id with a NUL", "id: writer-1", "id: \"writer\\0\"", "node.id"));
        cases.add(replace("missing tier", "tier: small", "tier: smal", "node.tier"));
        cases.add(replace("TLS without a key store", "port: 0}", "port: 0, tls: {key_store_password_env: TLS_PASS}}", "node.api.tls.key_store"));
        cases.add(replace("TLS password pasted in", "port: 0}", "port: 0, tls: {key_store: /k.p12, key_store_password_env: \"hunter2 pass\"}}", "node.api.tls.key_store_password_env"));
        cases.add(replace("empty data dir", "data_dir: " + dir.resolve("data"), "data_dir: \"\"", "node.data_dir"));
        return cases;
    }

    @Test
    void everyBadConfigExitsTwoNamingTheProblemAndChangesNothing() throws Exception {
        List<Case> cases = cases();
        int i = 0;
        for (Case c : cases) {
            Path file = dir.resolve("case-" + i++ + ".yml");
            Files.write(file, c.content());
            CliRun validate = CliRun.of("config", "validate", file.toString());
            assertThat(validate.code()).as(c.what() + ": " + validate.err()).isEqualTo(2);
            assertThat(validate.err()).as(c.what()).contains(c.expected()).doesNotContain("Exception", "\tat ");
            assertThat(validate.err()).as(c.what()).doesNotContain("hunter2");

            CliRun serve = CliRun.of("serve", "--config", file.toString());
            assertThat(serve.code()).as(c.what() + ": " + serve.err()).isEqualTo(2);
            assertThat(serve.err()).as(c.what()).doesNotContain("\tat ", "hunter2");
            assertThat(dir.resolve("data")).as(c.what() + ": serve created the data directory").doesNotExist();
            assertThat(Files.readAllBytes(file)).as(c.what()).isEqualTo(c.content());
        }
        assertThat(cases).hasSizeGreaterThanOrEqualTo(35);
        // The base itself is valid: each case fails for its own change.
        Path valid = dir.resolve("valid.yml");
        Files.writeString(valid, base());
        CliRun ok = CliRun.of("config", "validate", valid.toString());
        assertThat(ok.code()).as(ok.err()).isZero();
    }

    @Test
    void missingAndUnreadableFilesExitTwo() throws Exception {
        for (String[] args : List.of(new String[] {"config", "validate", dir.resolve("none.yml").toString()},
                new String[] {"serve", "--config", dir.resolve("none.yml").toString()},
                new String[] {"config", "validate", dir.toString()},
                new String[] {"serve", "--config", dir.toString()})) {
            CliRun run = CliRun.of(args);
            assertThat(run.code()).as(Arrays.toString(args)).isEqualTo(2);
            assertThat(run.err()).as(Arrays.toString(args)).containsAnyOf("not found", "is a directory", "Is a directory")
                    .doesNotContain("\tat ");
        }
    }
}
