package dev.graphfleet.fleet.nodes;

import dev.graphfleet.fleet.FleetInstance;
import dev.graphfleet.fleet.FleetSnapshot;
import dev.graphfleet.fleet.FleetSource;
import dev.graphfleet.fleet.Health;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fleet given as a list of node URLs: each refresh reads every node's /health and /metrics
 * ({@link NodeProbe}). Nodes that do not answer are {@link Health#UNREACHABLE}; the source as a whole
 * is unreachable only when no node answered. Replica groups are not known from URLs alone, so the
 * snapshot has none; each instance's role, and its group when its config names one, come from the node itself.
 */
public final class NodesFleetSource implements FleetSource {

    private static final Logger LOG = LoggerFactory.getLogger(NodesFleetSource.class);

    private final List<NodeTarget> nodes;
    private final NodeProbe probe;
    private final String environment;
    private final Clock clock;

    /**
     * @param nodes       the nodes, each with its own API key or none (then the probe's key is sent)
     * @param environment what the snapshot calls the fleet: {@code nodes} for a list of URLs, {@code local}
     */
    public NodesFleetSource(List<NodeTarget> nodes, NodeProbe probe, String environment, Clock clock) {
        this.nodes = List.copyOf(nodes);
        this.probe = Objects.requireNonNull(probe, "probe");
        this.environment = environment == null ? "nodes" : environment;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.nodes.forEach(n -> checkUrl(n.url()));
    }

    /** Reads {@code nodes} with its own HTTP client; every node gets the options' API key. */
    public static NodesFleetSource create(List<URI> nodes, ProbeOptions options) {
        return create(nodes.stream().map(NodeTarget::of).toList(), options, "nodes");
    }

    /** Reads {@code nodes}, each with its own key (e.g. the local fleet's), with its own HTTP client. */
    public static NodesFleetSource create(List<NodeTarget> nodes, ProbeOptions options, String environment) {
        return new NodesFleetSource(nodes, NodeProbe.create(options), environment, Clock.systemUTC());
    }

    @Override
    public String name() {
        return "nodes(" + nodes.size() + ")";
    }

    @Override
    public FleetSnapshot snapshot() {
        Instant takenAt = clock.instant();
        try {
            return read(takenAt);
        } catch (RuntimeException e) {
            LOG.warn("reading {} failed", name(), e);
            return FleetSnapshot.unreachable(environment, takenAt, name(), "reading the nodes failed: " + e);
        }
    }

    private FleetSnapshot read(Instant takenAt) {
        List<CompletableFuture<NodeReport>> reads = probe.probeTargets(nodes, takenAt);
        awaitAll(reads);
        List<FleetInstance> instances = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Map<String, URI> seen = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            NodeReport report = reads.get(i).getNow(null);
            if (report == null) { // the safety deadline passed: the node cannot have answered
                report = new NodeReport(nodes.get(i).url(), null, null, null, Health.UNREACHABLE,
                        "no answer within " + safetyDeadline().toMillis() + " ms", null, null, null);
            }
            URI other = seen.putIfAbsent(report.displayId(), report.endpoint());
            if (other != null) {
                warnings.add(other + " and " + report.endpoint() + " both say they are node " + report.displayId());
            }
            instances.add(instance(report));
        }
        boolean anyAnswered = instances.stream().anyMatch(i -> i.health() != Health.UNREACHABLE);
        boolean reachable = nodes.isEmpty() || anyAnswered;
        String error = reachable ? null : "none of the " + nodes.size() + " nodes answered";
        return new FleetSnapshot(environment, takenAt, name(), reachable, error, List.of(), instances, warnings);
    }

    static FleetInstance instance(NodeReport r) {
        return new FleetInstance(r.displayId(), r.role(), r.endpoint(), r.state(), r.health(), r.healthDetail(),
                null, r.group(), r.dataVersion(), r.summary(), r.metricsError());
    }

    /** Every read ends by itself (each request has a timeout); this only guards against a stuck client. */
    private void awaitAll(List<CompletableFuture<NodeReport>> reads) {
        try {
            CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new))
                    .get(safetyDeadline().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.warn("{}: some nodes were still being read after {} ms", name(), safetyDeadline().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reads.forEach(r -> r.cancel(true));
        } catch (java.util.concurrent.ExecutionException e) {
            // cannot happen: each read completes normally; treated like a missing answer
            LOG.warn("{}: a node read failed unexpectedly", name(), e);
        }
    }

    /** Waves of {@code parallelism} nodes, one timeout each, plus a second of slack. */
    private Duration safetyDeadline() {
        ProbeOptions options = probe.options();
        long waves = Math.max(1, (nodes.size() + options.parallelism() - 1) / options.parallelism());
        return options.timeout().multipliedBy(waves).plusSeconds(1);
    }

    private static void checkUrl(URI url) {
        if (url.getUserInfo() != null) { // checked first: the URL itself must not reach a message
            throw new IllegalArgumentException("a node URL must not carry credentials (" + url.getHost()
                    + "); pass the API key with --api-key-env VAR");
        }
        String scheme = url.getScheme();
        if (!("http".equals(scheme) || "https".equals(scheme)) || url.getHost() == null) {
            throw new IllegalArgumentException("invalid node URL '" + url
                    + "': use http(s)://host:port, e.g. http://10.0.1.5:8001");
        }
    }
}
