package dev.graphfleet.volume.lambda;

import dev.graphfleet.config.Ports;
import dev.graphfleet.volume.VolumePolicy;
import java.util.Map;
import java.util.Objects;

/**
 * The handler's configuration, from the Lambda's environment variables. Every bad value names its variable.
 * The region and credentials are not here: the SDK reads them ({@code AWS_REGION}, the execution role).
 *
 * @param environment     {@code ENVIRONMENT}: the fleet's Environment tag, and the alert subjects ("staging")
 * @param service         {@code SERVICE}: the fleet's Service tag; null for any
 * @param registryTable   {@code VOLUME_REGISTRY_TABLE}: the DynamoDB volume registry (required)
 * @param alertTopicArn   {@code ALERT_TOPIC_ARN}: SNS topic for alerts; null means no alerts, as in the original
 * @param metricsNamespace {@code METRICS_NAMESPACE}: CloudWatch namespace of the run metrics
 * @param apiPort         {@code GRAPH_API_PORT}: the nodes' API port (8001)
 * @param apiKey          {@code GRAPH_API_KEY}: the nodes' API key; null for none. Never printed.
 * @param policy          thresholds: {@code EXPANSION_THRESHOLD}, {@code EXPANSION_FACTOR}, {@code MIN_EXPANSION_GB},
 *                        {@code MAX_VOLUME_SIZE_GB} (the rest keep their defaults)
 */
public record LambdaSettings(String environment, String service, String registryTable, String alertTopicArn,
                             String metricsNamespace, int apiPort, String apiKey, VolumePolicy policy) {

    public static final String DEFAULT_NAMESPACE = "Graphfleet/Volumes";

    public LambdaSettings {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(registryTable, "registryTable");
        Objects.requireNonNull(metricsNamespace, "metricsNamespace");
        Objects.requireNonNull(policy, "policy");
    }

    /** Reads the variables; an {@link IllegalArgumentException} names the first bad one and its fix. */
    public static LambdaSettings fromEnvironment(Map<String, String> env) {
        String table = value(env, "VOLUME_REGISTRY_TABLE");
        if (table == null) {
            throw new IllegalArgumentException("VOLUME_REGISTRY_TABLE is not set: give the DynamoDB table of the "
                    + "volume registry (for example graphfleet-prod-volume-registry)");
        }
        String topic = value(env, "ALERT_TOPIC_ARN");
        if (topic != null && !topic.startsWith("arn:")) {
            throw new IllegalArgumentException("ALERT_TOPIC_ARN must be an SNS topic ARN "
                    + "(arn:aws:sns:REGION:ACCOUNT:NAME), got '" + topic + "'");
        }
        int port = (int) number(env, "GRAPH_API_PORT", 8001, Ports.LOWEST, Ports.HIGHEST);
        VolumePolicy defaults = VolumePolicy.defaults();
        VolumePolicy policy;
        try {
            policy = VolumePolicy.of(
                    fraction(env, "EXPANSION_THRESHOLD", defaults.expansionThreshold()),
                    defaults.alarmThreshold(),
                    fraction(env, "EXPANSION_FACTOR", defaults.expansionFactor()),
                    number(env, "MIN_EXPANSION_GB", defaults.minExpansionGb(), 1, Long.MAX_VALUE),
                    number(env, "MAX_VOLUME_SIZE_GB", defaults.maxVolumeSizeGb(), 1, 4 * VolumePolicy.EBS_MAX_GB),
                    defaults.xfsToleranceMinGb(), defaults.xfsTolerancePercent());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the thresholds in the environment are inconsistent: " + e.getMessage()
                    .replace("volumes.expansion_threshold", "EXPANSION_THRESHOLD")
                    .replace("volumes.expansion_factor", "EXPANSION_FACTOR"), e);
        }
        return new LambdaSettings(orElse(value(env, "ENVIRONMENT"), "staging"), value(env, "SERVICE"), table, topic,
                orElse(value(env, "METRICS_NAMESPACE"), DEFAULT_NAMESPACE), port, value(env, "GRAPH_API_KEY"),
                policy);
    }

    /** Without the API key. */
    @Override
    public String toString() {
        return "LambdaSettings[environment=" + environment + ", service=" + service + ", registryTable="
                + registryTable + ", alertTopicArn=" + alertTopicArn + ", metricsNamespace=" + metricsNamespace
                + ", apiPort=" + apiPort + ", apiKey=" + (apiKey == null ? "none" : "(set)") + ", policy=" + policy + "]";
    }

    private static String value(Map<String, String> env, String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static String orElse(String a, String b) {
        return a != null ? a : b;
    }

    private static double fraction(Map<String, String> env, String name, double dflt) {
        String v = value(env, name);
        if (v == null) {
            return dflt;
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number (for example " + dflt + "), got '" + v + "'");
        }
    }

    private static long number(Map<String, String> env, String name, long dflt, long min, long max) {
        String v = value(env, name);
        if (v == null) {
            return dflt;
        }
        try {
            long n = Long.parseLong(v);
            if (n < min || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number from " + min + " to " + max
                    + " (default " + dflt + "), got '" + v + "'");
        }
    }
}
