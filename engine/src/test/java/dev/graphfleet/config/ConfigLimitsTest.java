package dev.graphfleet.config;

import static dev.graphfleet.config.GraphfleetConfigTest.replace;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every bounded key of the {@code node} and {@code volumes} sections: one step past its limit is an error
 * naming the key and the limit, exactly at the limit is accepted. A limit nobody checks would let a node
 * start with a zero timeout or an out-of-range port, or a volume monitor expand forever.
 */
class ConfigLimitsTest {

    private static final String NODE_KEYS = "  data_dir: /mnt/lbug-data\n";

    private static List<Problem> problemsWith(String nodeKeys) {
        return ConfigValidator.check(GraphfleetConfig.parse(replace(ConfigValidatorTest.VALID, NODE_KEYS, nodeKeys)));
    }

    @Test
    void oneStepPastEachLimitIsAnErrorNamingTheKeyAndTheLimit() {
        List<Problem> problems = problemsWith("""
                  data_dir: /mnt/lbug-data
                  pool: {acquire_timeout_ms: 0, connection_ttl_minutes: 0, repository_ttl_hours: 0,
                         health_check_interval_minutes: 0, cleanup_interval_minutes: 0, leak_detection_threshold_s: -1}
                  metrics: {timeout_s: 0}
                  memory: {query_headroom_mb: 63}
                  staleness: {max_age_s: -1, peer_check_s: 0}
                """);
        assertThat(problems).allSatisfy(p -> assertThat(p.severity()).isEqualTo(Problem.Severity.ERROR));
        assertThat(problems).extracting(Problem::toString).containsExactly(
                "node.pool.acquire_timeout_ms: is 0 ms; it must be at least 1 ms"
                        + " — set node.pool.acquire_timeout_ms to 1 ms or more",
                "node.pool.connection_ttl_minutes: is 0 min; it must be at least 1 min"
                        + " — set node.pool.connection_ttl_minutes to 1 min or more",
                "node.pool.repository_ttl_hours: is 0 h; it must be at least 1 h"
                        + " — set node.pool.repository_ttl_hours to 1 h or more",
                "node.pool.health_check_interval_minutes: is 0 min; it must be at least 1 min"
                        + " — set node.pool.health_check_interval_minutes to 1 min or more",
                "node.pool.cleanup_interval_minutes: is 0 min; it must be at least 1 min"
                        + " — set node.pool.cleanup_interval_minutes to 1 min or more",
                "node.pool.leak_detection_threshold_s: is -1 s; it must be at least 0 s"
                        + " — set node.pool.leak_detection_threshold_s to 0 s or more",
                "node.metrics.timeout_s: is 0 s; it must be at least 1 s — set node.metrics.timeout_s to 1 s or more",
                "node.memory.query_headroom_mb: is 63 MB; it must be at least 64 MB"
                        + " — set node.memory.query_headroom_mb to 64 MB or more",
                "node.staleness.max_age_s: is -1 s; it must be at least 0 s"
                        + " — set node.staleness.max_age_s to 0 s or more",
                "node.staleness.peer_check_s: is 0 s; it must be at least 1 s"
                        + " — set node.staleness.peer_check_s to 1 s or more");
    }

    @Test
    void exactlyAtEachLimitIsAccepted() {
        assertThat(problemsWith("""
                  data_dir: /mnt/lbug-data
                  pool: {acquire_timeout_ms: 1, connection_ttl_minutes: 1, repository_ttl_hours: 1,
                         health_check_interval_minutes: 1, cleanup_interval_minutes: 1, leak_detection_threshold_s: 0}
                  metrics: {timeout_s: 1}
                  memory: {query_headroom_mb: 64}
                  staleness: {max_age_s: 0, peer_check_s: 1}
                """)).isEmpty();
    }

    @Test
    void thePortAndTheBodyReadTimeoutHaveBothEnds() {
        String api = "api: {host: 0.0.0.0, port: 8001, api_key_env: GRAPH_API_KEY}";
        String config = ConfigValidatorTest.VALID;
        assertThat(problems(replace(config, api, "api: {host: 0.0.0.0, port: 65536, body_read_timeout_s: 301,"
                + " api_key_env: GRAPH_API_KEY}"))).extracting(Problem::toString).containsExactly(
                "node.api.port: is 65536; it must be between 0 and 65535 — set node.api.port to a value from 0 to 65535",
                "node.api.body_read_timeout_s: is 301 s; it must be between 1 and 300 s"
                        + " — set node.api.body_read_timeout_s to a value from 1 to 300 s");
        assertThat(problems(replace(config, api, "api: {host: 0.0.0.0, port: -1, body_read_timeout_s: 0,"
                + " api_key_env: GRAPH_API_KEY}"))).extracting(Problem::path)
                .containsExactly("node.api.port", "node.api.body_read_timeout_s");
        assertThat(problems(replace(config, api, "api: {host: 0.0.0.0, port: 65535, body_read_timeout_s: 300,"
                + " api_key_env: GRAPH_API_KEY}"))).isEmpty();
        assertThat(problems(replace(config, api, "api: {host: 0.0.0.0, port: 0, body_read_timeout_s: 1,"
                + " api_key_env: GRAPH_API_KEY}"))).isEmpty();
    }

    @Test
    void oneStepPastEachVolumeLimitIsAnErrorNamingTheKey() {
        List<Problem> problems = problems(ConfigValidatorTest.VALID + """
                volumes:
                  expansion_threshold: 1.0
                  alarm_threshold: 0.0
                  expansion_factor: 1.0
                  min_expansion_gb: 0
                  max_volume_size_gb: 16385
                  xfs_tolerance: {min_gb: -1, percent: 51}
                  target_usage_after_expansion: 1.0
                  round_up_to_gb: 0
                  modification_timeout_s: 0
                  stuck_optimizing_minutes: 0
                  node_metrics_timeout_s: 0
                  node_metrics_retries: -1
                """);
        assertThat(problems).extracting(Problem::path).containsExactly(
                "volumes.expansion_threshold",
                "volumes.alarm_threshold",
                "volumes.expansion_factor",
                "volumes.min_expansion_gb",
                "volumes.max_volume_size_gb",
                "volumes.xfs_tolerance.min_gb",
                "volumes.xfs_tolerance.percent",
                "volumes.target_usage_after_expansion",
                "volumes.target_usage_after_expansion",
                "volumes.round_up_to_gb",
                "volumes.modification_timeout_s",
                "volumes.stuck_optimizing_minutes",
                "volumes.node_metrics_timeout_s",
                "volumes.node_metrics_retries");
        assertThat(problems).allSatisfy(p -> assertThat(p.isError()).isTrue());
        assertThat(problems.get(0).toString()).isEqualTo("volumes.expansion_threshold: is 1.0; it must be a fraction"
                + " between 0 and 1 (0.8 means 80 %) — set volumes.expansion_threshold to a value such as 0.8");
        assertThat(problems.get(2).toString()).isEqualTo("volumes.expansion_factor: is 1.0; a volume must grow"
                + " — set expansion_factor above 1, e.g. 1.5");
    }

    @Test
    void exactlyAtEachVolumeLimitIsAccepted() {
        assertThat(problems(ConfigValidatorTest.VALID + """
                volumes:
                  expansion_threshold: 0.8
                  alarm_threshold: 0.8
                  expansion_factor: 1.01
                  min_expansion_gb: 1
                  max_volume_size_gb: 16384
                  xfs_tolerance: {min_gb: 0, percent: 50}
                  target_usage_after_expansion: 0.79
                  round_up_to_gb: 1
                  modification_timeout_s: 1
                  stuck_optimizing_minutes: 1
                  node_metrics_timeout_s: 1
                  node_metrics_retries: 0
                """)).isEmpty();
    }

    @Test
    void anAlarmThresholdAboveTheScheduledOneIsAWarningAndATargetAtTheThresholdAnError() {
        assertThat(problems(ConfigValidatorTest.VALID + "volumes: {expansion_threshold: 0.8, alarm_threshold: 0.81}\n"))
                .singleElement().satisfies(p -> {
                    assertThat(p.isError()).isFalse();
                    assertThat(p.path()).isEqualTo("volumes.alarm_threshold");
                    assertThat(p.message()).contains("an alarm run would expand later than a scheduled run");
                });
        assertThat(problems(ConfigValidatorTest.VALID
                + "volumes: {expansion_threshold: 0.8, alarm_threshold: 0.7, target_usage_after_expansion: 0.8}\n"))
                .extracting(Problem::toString).containsExactly("volumes.target_usage_after_expansion:"
                        + " target_usage_after_expansion 0.8 is not below expansion_threshold 0.8: a volume would be"
                        + " expanded again at once — set it below expansion_threshold, e.g. 0.6");
    }

    @Test
    void aHealthCheckTimeoutEqualToItsIntervalAndLessThanTwoMinutesToUnhealthyAreRefused() {
        String check = "health_check: {interval_s: 30, timeout_s: 10, unhealthy_threshold: 5}";
        assertThat(problems(replace(ConfigValidatorTest.VALID, check,
                "health_check: {interval_s: 60, timeout_s: 60, unhealthy_threshold: 2}")))
                .extracting(Problem::path).containsExactly("replicas.shared-replicas.health_check.timeout_s");
        assertThat(problems(replace(ConfigValidatorTest.VALID, check,
                "health_check: {interval_s: 60, timeout_s: 59, unhealthy_threshold: 2}")))
                .as("60 s x 2 is exactly the two minutes").isEmpty();
        assertThat(problems(replace(ConfigValidatorTest.VALID, check,
                "health_check: {interval_s: 59, timeout_s: 10, unhealthy_threshold: 2}")))
                .extracting(Problem::path).containsExactly("replicas.shared-replicas.health_check");
        assertThat(problems(replace(ConfigValidatorTest.VALID, check,
                "health_check: {interval_s: 300, timeout_s: 120, unhealthy_threshold: 10}"))).isEmpty();
        assertThat(problems(replace(ConfigValidatorTest.VALID, check,
                "health_check: {interval_s: 300, timeout_s: 121, unhealthy_threshold: 11}")))
                .extracting(Problem::path).containsExactly("replicas.shared-replicas.health_check.timeout_s",
                        "replicas.shared-replicas.health_check.unhealthy_threshold");
    }

    private static List<Problem> problems(String yaml) {
        return ConfigValidator.check(GraphfleetConfig.parse(yaml));
    }
}
