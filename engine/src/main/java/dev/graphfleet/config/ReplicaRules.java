package dev.graphfleet.config;

/** Checks of a replica group's scaling bounds, load-balancer health check and snapshots. */
final class ReplicaRules {

    private ReplicaRules() {
    }

    static void checkScaling(String prefix, ScalingConfig scaling, Findings out) {
        String fix = "keep 0 ≤ min ≤ desired ≤ max ≤ " + ScalingConfig.LIMIT;
        int min = scaling.min();
        int max = scaling.max();
        int desired = scaling.desired();
        if (min < 0) {
            out.error(prefix + ".min", "is " + min + "; it must be at least 0", fix);
        }
        if (max > ScalingConfig.LIMIT) {
            out.error(prefix + ".max", "is " + max + "; a replica group has at most " + ScalingConfig.LIMIT
                    + " instances", fix);
        }
        if (min > max) {
            out.error(prefix + ".min", "min " + min + " is more than max " + max, fix);
        } else if (desired < min) {
            out.error(prefix + ".desired", "desired " + desired + " is less than min " + min, fix);
        } else if (desired > max) {
            out.error(prefix + ".desired", "desired " + desired + " is more than max " + max, fix);
        }
    }

    /** The ELB limits, and no hair trigger: a replica busy with a slow query must not be replaced. */
    static void checkHealthCheck(String prefix, HealthCheckConfig check, Findings out) {
        out.between(prefix + ".interval_s", check.intervalS(), 5, 300, " s");
        out.between(prefix + ".timeout_s", check.timeoutS(), 2, 120, " s");
        out.between(prefix + ".unhealthy_threshold", check.unhealthyThreshold(), 2, 10, "");
        if (check.timeoutS() >= check.intervalS()) {
            out.error(prefix + ".timeout_s", "timeout_s " + check.timeoutS() + " s is not less than interval_s "
                    + check.intervalS() + " s: a check would still be waiting when the next one starts",
                    "set timeout_s below interval_s, e.g. interval_s 30 and timeout_s 10");
        }
        long toUnhealthy = check.timeToUnhealthy().toSeconds();
        if (toUnhealthy < HealthCheckConfig.MIN_TIME_TO_UNHEALTHY_S) {
            out.error(prefix, "interval_s " + check.intervalS() + " × unhealthy_threshold "
                    + check.unhealthyThreshold() + " = " + toUnhealthy + " s: a replica busy with a slow query"
                    + " would be marked unhealthy and replaced in under 2 minutes",
                    "raise interval_s or unhealthy_threshold so that interval_s × unhealthy_threshold ≥ "
                            + HealthCheckConfig.MIN_TIME_TO_UNHEALTHY_S + " s, e.g. 30 × 5");
        }
    }

    static void checkSnapshot(String prefix, SnapshotConfig snapshot, TierConfig tier, String tierName,
            Findings out) {
        String graphId = snapshot.graphId();
        if (graphId != null) {
            if (!Names.isValid(graphId)) {
                out.error(prefix + ".graph_id", Names.quote(graphId) + " is not a valid repository name",
                        "use " + Names.RULE);
            } else if (tier != null && !tier.sharedRepositories().contains(graphId)) {
                out.warning(prefix + ".graph_id", "repository " + graphId + " is not in tiers." + tierName
                        + ".shared_repositories", "use one of the tier's repositories: "
                        + String.join(", ", tier.sharedRepositories()));
            }
        }
        if (snapshot.keep() < 1) {
            out.error(prefix + ".keep", "is " + snapshot.keep() + "; at least the current snapshot is kept",
                    "set keep to 2 or more, so there is a previous snapshot to roll back to");
        } else if (snapshot.keep() == 1) {
            out.warning(prefix + ".keep", "is 1: no previous snapshot is kept, so there is nothing to roll back to",
                    "set keep to 2 or more");
        }
    }
}
