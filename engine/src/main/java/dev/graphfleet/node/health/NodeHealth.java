package dev.graphfleet.node.health;

import dev.graphfleet.node.AttachmentProgress;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A node's health and data freshness from its parts: its attachments (versions, publication times,
 * failures), the maximum staleness, and the peers' last view. {@code /health}, {@code /metrics},
 * Prometheus and the query header all read it; each call answers from memory.
 */
public final class NodeHealth implements AutoCloseable {

    private final StalenessSettings settings;
    private final Supplier<List<AttachmentProgress>> attachments;
    private final Clock clock;
    private final PeerWatcher peers;

    /** @param peers the running peer watcher, or null when there are no peers to watch */
    public NodeHealth(StalenessSettings settings, Supplier<List<AttachmentProgress>> attachments, Clock clock,
                      PeerWatcher peers) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.attachments = Objects.requireNonNull(attachments, "attachments");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.peers = peers;
    }

    /** Starts a peer watcher when staleness is on and peers are configured. */
    public static NodeHealth start(StalenessSettings settings, Supplier<List<AttachmentProgress>> attachments,
                                   Clock clock, String nodeId) {
        PeerWatcher watcher = settings.enabled() && !settings.peers().isEmpty()
                ? new PeerWatcher(settings.peers(), nodeId, clock, Duration.ofSeconds(2)).start(settings.checkInterval())
                : null;
        return new NodeHealth(settings, attachments, clock, watcher);
    }

    public StalenessSettings settings() {
        return settings;
    }

    public DataFreshness freshness() {
        return DataFreshness.of(attachments.get(), clock.instant());
    }

    /** What /health answers, given the node's own state and readiness. */
    public HealthVerdict verdict(String state, boolean ready) {
        DataFreshness fresh = freshness();
        PeerView view = peers == null ? PeerView.NONE : peers.view();
        // a view older than three checks (a stuck watcher) is not acted on: the node then stays in service
        boolean current = view.isCurrent(clock.instant(), settings.checkInterval().multipliedBy(3).plusSeconds(2));
        return HealthRules.decide(state, ready, fresh.failed(), fresh.age(), settings.maxAge(), view, current);
    }

    /** Whether the data is older than the maximum (null maximum: never). */
    public boolean stale() {
        Duration age = freshness().age();
        return settings.maxAge() != null && age != null && age.compareTo(settings.maxAge()) > 0;
    }

    /** {@code graphfleet_data_age_seconds}, {@code graphfleet_data_stale}, {@code graphfleet_data_max_staleness_seconds}. */
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("graphfleet.data.age", this, h -> {
            Duration age = h.freshness().age();
            return age == null ? Double.NaN : age.toMillis() / 1000.0;
        }).baseUnit("seconds").description("Age of the oldest repository version this node serves (since it was"
                + " published); NaN on a node without versioned data").register(registry);
        Gauge.builder("graphfleet.data.stale", this, h -> h.stale() ? 1 : 0)
                .description("1 when the data is older than node.staleness.max_age_s").register(registry);
        Gauge.builder("graphfleet.data.max.staleness", this,
                        h -> h.settings.maxAge() == null ? Double.NaN : h.settings.maxAge().toSeconds())
                .baseUnit("seconds").description("node.staleness.max_age_s; NaN when off").register(registry);
    }

    @Override
    public void close() {
        if (peers != null) {
            peers.close();
        }
    }
}
