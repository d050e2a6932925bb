package dev.graphfleet.fleet.aws;

import dev.graphfleet.fleet.TargetHealth;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetHealthRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription;

/** ELBv2: how a target group sees each of its instances. */
public final class TargetHealthReader {

    private final ElasticLoadBalancingV2Client elb;

    public TargetHealthReader(ElasticLoadBalancingV2Client elb) {
        this.elb = Objects.requireNonNull(elb, "elb");
    }

    /** Instance id → its health in {@code targetGroupArn}. */
    public Map<String, TargetHealth> health(String targetGroupArn) {
        Map<String, TargetHealth> health = new HashMap<>();
        for (TargetHealthDescription d : elb.describeTargetHealth(DescribeTargetHealthRequest.builder()
                .targetGroupArn(targetGroupArn).build()).targetHealthDescriptions()) {
            if (d.target() == null || d.target().id() == null) {
                continue;
            }
            TargetHealth.State state = d.targetHealth() == null ? TargetHealth.State.UNKNOWN
                    : TargetHealth.State.fromWire(d.targetHealth().stateAsString());
            health.put(d.target().id(), new TargetHealth(state,
                    d.targetHealth() == null ? null : d.targetHealth().reasonAsString(),
                    d.targetHealth() == null ? null : d.targetHealth().description()));
        }
        return health;
    }

    /** Several target groups: an instance is healthy only if healthy in all ({@link TargetHealth#worse}). */
    public static Map<String, TargetHealth> merge(Map<String, TargetHealth> a, Map<String, TargetHealth> b) {
        Map<String, TargetHealth> merged = new HashMap<>(a);
        b.forEach((id, h) -> merged.merge(id, h, TargetHealth::worse));
        return merged;
    }
}
