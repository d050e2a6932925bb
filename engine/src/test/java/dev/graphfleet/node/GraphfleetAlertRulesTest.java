package dev.graphfleet.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.graphfleet.config.NodeType;
import dev.graphfleet.node.health.StalenessSettings;
import dev.graphfleet.node.metrics.PrometheusText;
import dev.graphfleet.testing.Http;
import dev.graphfleet.testing.PrometheusBinaries;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The alert rules packaging ships (packaging/prometheus/graphfleet-alerts.yml): valid for
 * {@code promtool check rules}, their unit tests pass ({@code promtool test rules}), and every series
 * the rules and their tests use is one a running node really exposes, with the same label names and
 * the label values the rules select on.
 */
class GraphfleetAlertRulesTest {

    static final Path DIR = Path.of("..", "packaging", "prometheus").toAbsolutePath().normalize();
    static final Path RULES = DIR.resolve("graphfleet-alerts.yml");
    static final Path RULE_TESTS = DIR.resolve("graphfleet-alerts.test.yml");
    /** Labels Prometheus adds at scrape time, not the node. */
    static final Set<String> SCRAPE_LABELS = Set.of("job", "instance");
    static final Pattern SERIES = Pattern.compile("\\b(graphfleet_[a-z_]+)(?:\\{([^}]*)})?");
    static final Pattern MATCHER = Pattern.compile("([a-z_]+)\\s*=\\s*\"([^\"]*)\"");

    @TempDir
    Path dataDir;

    @Test
    void promtoolChecksTheRules() throws Exception {
        Run check = promtool("check", "rules", RULES.toString());
        assertThat(check.exitCode()).as(check.output()).isZero();
        assertThat(check.output()).contains("SUCCESS: 11 rules found");
    }

    @Test
    void promtoolUnitTestsPass() throws Exception {
        Run test = promtool("test", "rules", RULE_TESTS.toString());
        assertThat(test.exitCode()).as(test.output()).isZero();
        assertThat(test.output()).contains("SUCCESS");
    }

    @Test
    void everyRuleHasASeverityASummaryAndARunbook() throws IOException {
        JsonNode groups = yaml(RULES).get("groups");
        Set<String> alerts = new TreeSet<>();
        groups.forEach(group -> group.get("rules").forEach(rule -> {
            String alert = rule.get("alert").asText();
            alerts.add(alert);
            assertThat(rule.at("/labels/severity").asText()).as(alert).isIn("warning", "critical");
            assertThat(rule.at("/annotations/summary").asText()).as(alert).isNotBlank();
            assertThat(rule.at("/annotations/runbook").asText().length()).as(alert + " runbook").isGreaterThan(80);
        }));
        // each alert is exercised by the unit tests
        Set<String> tested = new HashSet<>();
        yaml(RULE_TESTS).get("tests").forEach(t -> t.get("alert_rule_test").forEach(a -> tested.add(a.get("alertname").asText())));
        assertThat(tested).containsAll(alerts);
    }

    /** Names, label names and selected label values of the rules and their test series, against a real node. */
    @Test
    void theRulesReadSeriesARunningNodeExposes() throws Exception {
        TestNodes.seed(dataDir);
        Instant published = Instant.now().minus(Duration.ofMinutes(3));
        AttachmentSource attachments = () -> List.of(
                new AttachmentProgress("people", "attached", "v3", 1, 1, 1, null, published, published),
                new AttachmentProgress("orders", "failed", null, 0, 1, 3, "store unreachable", published));
        Map<String, Set<Set<String>>> labelNames = new HashMap<>();
        Map<String, Set<String>> labelValues = new HashMap<>();
        try (GraphNode node = GraphNode.builder(TestNodes.settings(dataDir).withType(NodeType.SHARED_REPLICA))
                .resources(FixedResources.idle()).attachments(attachments)
                .staleness(new StalenessSettings(Duration.ofMinutes(10), List.of(), Duration.ofSeconds(10))).start()) {
            Http http = new Http(node.uri());
            assertThat(http.query("people", "RETURN 1").status()).isEqualTo(200); // a pool row per database
            PrometheusText exposition = PrometheusText.parse(http.get("/metrics/prometheus").body());
            assertThat(exposition.problems()).isEmpty();
            for (PrometheusText.Sample sample : exposition.samples()) {
                labelNames.computeIfAbsent(sample.name(), n -> new HashSet<>()).add(sample.labels().keySet());
                sample.labels().forEach((k, v) -> labelValues.computeIfAbsent(sample.name() + "/" + k, x -> new HashSet<>()).add(v));
            }
        }

        Set<String> used = new TreeSet<>();
        StringBuilder expressions = new StringBuilder();
        yaml(RULES).get("groups").forEach(g -> g.get("rules").forEach(r -> expressions.append(r.get("expr").asText()).append('\n')));
        yaml(RULE_TESTS).get("tests").forEach(t -> t.get("input_series").forEach(s -> {
            String series = s.get("series").asText();
            Matcher m = SERIES.matcher(series);
            if (m.find()) {
                Set<String> names = new TreeSet<>(labelsOf(m.group(2)).keySet());
                names.removeAll(SCRAPE_LABELS);
                assertThat(labelNames.getOrDefault(m.group(1), Set.of())).as("label names of %s in the node's exposition", series)
                        .contains(names);
            }
        }));
        Matcher m = SERIES.matcher(expressions);
        while (m.find()) {
            String name = m.group(1);
            used.add(name);
            assertThat(labelNames).as("the node exposes %s", name).containsKey(name);
            labelsOf(m.group(2)).forEach((label, value) -> assertThat(labelValues.get(name + "/" + label))
                    .as("%s{%s=\"%s\"} in the node's exposition", name, label, value).contains(value));
        }
        assertThat(used).contains("graphfleet_node_ready", "graphfleet_process_resident_memory_bytes",
                "graphfleet_data_volume_free_bytes", "graphfleet_data_age_seconds", "graphfleet_attachments",
                "graphfleet_pool_connections_timeouts_total", "graphfleet_queries_stopped_total");
    }

    private static Map<String, String> labelsOf(String matchers) {
        Map<String, String> labels = new HashMap<>();
        if (matchers != null) {
            Matcher m = MATCHER.matcher(matchers);
            while (m.find()) {
                labels.put(m.group(1), m.group(2));
            }
        }
        return labels;
    }

    private static JsonNode yaml(Path file) throws IOException {
        return new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
    }

    record Run(int exitCode, String output) {
    }

    private static Run promtool(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(
                PrometheusBinaries.require(PrometheusBinaries.PROMTOOL).toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(DIR.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("promtool ends within 60 s").isTrue();
        return new Run(process.exitValue(), output);
    }
}
