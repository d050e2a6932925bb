package dev.graphfleet.fleet.discovery;

import dev.graphfleet.fleet.Health;
import dev.graphfleet.fleet.TargetHealth;
import dev.graphfleet.fleet.nodes.NodeReport;

/**
 * One instance's health from what is known about it: the node's own answer when it was probed, the
 * load balancer's view, Auto Scaling's health. A node that answers "ready" while the load balancer
 * marks it unhealthy does not serve, so it is unhealthy.
 */
final class HealthJudge {

    record Judgement(Health health, String detail) {
    }

    private HealthJudge() {
    }

    /**
     * @param report      the node's answer, or null when it was not probed (or has no address)
     * @param probed      whether nodes were called at all
     * @param target      the load balancer's view, or null
     * @param asgHealth   Auto Scaling's {@code Healthy}/{@code Unhealthy}, or null
     * @param lifecycle   Auto Scaling lifecycle, or null
     */
    static Judgement judge(NodeReport report, boolean probed, TargetHealth target, String asgHealth,
                           String lifecycle) {
        if (lifecycle != null && !lifecycle.equals("InService")) {
            return new Judgement(Health.UNHEALTHY, "Auto Scaling lifecycle " + lifecycle);
        }
        if ("Unhealthy".equalsIgnoreCase(asgHealth)) {
            return new Judgement(Health.UNHEALTHY, "Auto Scaling marks it unhealthy");
        }
        boolean lbSaysNo = target != null && target.state() != TargetHealth.State.HEALTHY;
        if (report != null) {
            if (report.health() == Health.HEALTHY && lbSaysNo) {
                return new Judgement(Health.UNHEALTHY, "the node is ready but the load balancer says "
                        + lb(target));
            }
            return new Judgement(report.health(), report.healthDetail());
        }
        if (target != null) {
            return target.state() == TargetHealth.State.HEALTHY ? new Judgement(Health.HEALTHY, null)
                    : new Judgement(Health.UNHEALTHY, "load balancer: " + lb(target));
        }
        return new Judgement(Health.UNKNOWN, probed ? "no address to call the node on" : "not probed (--no-probe)");
    }

    private static String lb(TargetHealth target) {
        return target.state().label() + (target.reason() == null ? "" : " (" + target.reason() + ")");
    }
}
