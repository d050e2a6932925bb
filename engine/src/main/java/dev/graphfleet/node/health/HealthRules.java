package dev.graphfleet.node.health;

import java.time.Duration;
import java.util.List;

/**
 * The health rule of a node, as a plain decision.
 *
 * <ol>
 *   <li>shutting down, or not ready (repositories still attaching): 503;
 *   <li>a repository failed to attach: 503 {@code attach_failed};
 *   <li>data older than the maximum staleness: 503 {@code stale}, <b>but only while at least one peer
 *       of the group is fresh and serving</b>. A load balancer whose targets all fail their checks sends
 *       traffic to all of them anyway, and a group booted from one snapshot goes stale everywhere at the
 *       same moment: failing health on every replica would drain nothing and page everyone. So a stale
 *       replica with no fresh peer stays in service (200, {@code stale: true}) and says so; replacing it
 *       is the rolling refresh's job, one replica at a time.
 * </ol>
 * Unknown age (a version without a publication time) is never stale: nothing says it is.
 */
public final class HealthRules {

    private HealthRules() {
    }

    /**
     * @param state              the node's own state: {@code ready}, {@code starting} or {@code shutting_down}
     * @param ready              the node takes traffic as far as it knows (listening, attached)
     * @param failedRepositories repositories whose attach failed
     * @param age                how old the oldest served version is, or null when unknown or none
     * @param maxAge             the maximum staleness, or null when off
     * @param peers              the peers' last known health; only used when stale
     * @param peersCurrent       whether {@code peers} is recent enough to act on
     */
    public static HealthVerdict decide(String state, boolean ready, List<String> failedRepositories, Duration age,
                                       Duration maxAge, PeerView peers, boolean peersCurrent) {
        if ("shutting_down".equals(state)) {
            return new HealthVerdict(false, "shutting_down", false, "the node is stopping");
        }
        boolean stale = maxAge != null && age != null && age.compareTo(maxAge) > 0;
        if (!failedRepositories.isEmpty()) {
            return new HealthVerdict(false, "attach_failed", stale, String.join(", ", failedRepositories)
                    + " failed to attach (retried in the background)");
        }
        if (!ready) {
            return new HealthVerdict(false, "starting", stale, "repositories are still attaching");
        }
        if (!stale) {
            return new HealthVerdict(true, "ready", false, null);
        }
        String old = "the data is " + words(age) + " old, over the maximum staleness of " + words(maxAge);
        if (peersCurrent && peers.freshServing() > 0) {
            return new HealthVerdict(false, "stale", true, old + "; " + peers.freshServing() + " of " + peers.peers()
                    + " peer(s) serve fresh data, so this node steps out");
        }
        String why = peers.peers() == 0 ? "no peers are configured (node.staleness.peers)"
                : !peersCurrent ? "the peers' health is not known"
                : "no peer serves fresh data";
        return new HealthVerdict(true, "ready", true, old + "; it stays in service because " + why
                + " (failing every replica would drain nothing: the load balancer then sends traffic to all)");
    }

    /** {@code 3 h 20 min}, {@code 2 d 4 h}, {@code 45 s}. */
    static String words(Duration d) {
        long s = d.toSeconds();
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return (s / 60) + " min";
        }
        if (s < 86_400) {
            return (s / 3600) + " h" + (s % 3600 >= 60 ? " " + (s % 3600) / 60 + " min" : "");
        }
        return (s / 86_400) + " d" + (s % 86_400 >= 3600 ? " " + (s % 86_400) / 3600 + " h" : "");
    }
}
