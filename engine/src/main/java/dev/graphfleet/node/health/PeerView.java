package dev.graphfleet.node.health;

import java.time.Instant;

/**
 * What a node last learned of its peers' {@code /health}.
 *
 * @param peers          how many peers are configured (itself excluded)
 * @param answered       how many answered the last check
 * @param freshServing   how many answered 200 and were not stale: they can take the traffic
 * @param checkedAt      when the last check ended, or null before the first
 */
public record PeerView(int peers, int answered, int freshServing, Instant checkedAt) {

    /** No peers configured, or not checked yet: nobody is known to take over. */
    public static final PeerView NONE = new PeerView(0, 0, 0, null);

    /** Whether this view is recent enough to act on at {@code now}: at most {@code maxAge} old. */
    public boolean isCurrent(Instant now, java.time.Duration maxAge) {
        return checkedAt != null && !checkedAt.plus(maxAge).isBefore(now);
    }
}
