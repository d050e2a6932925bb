package dev.graphfleet.node.health;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the peers' {@code /health} (open, no key) in the background and keeps the last count of
 * those that serve fresh data (200 and not {@code stale}). Only a node with a maximum staleness and
 * peers runs one. {@link #view()} answers from memory.
 */
public final class PeerWatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PeerWatcher.class);

    private final List<URI> peers;
    private final String selfId;
    private final Clock clock;
    private final Duration timeout;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    private final ScheduledExecutorService executor;
    private volatile PeerView view = PeerView.NONE;

    /** @param selfId this node's id: a peer answering with it is this node and does not count */
    public PeerWatcher(List<URI> peers, String selfId, Clock clock, Duration timeout) {
        this.peers = List.copyOf(peers);
        this.selfId = selfId;
        this.clock = clock;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "graphfleet-peer-health");
            t.setDaemon(true);
            return t;
        });
    }

    /** Checks every {@code interval} from now on. */
    public PeerWatcher start(Duration interval) {
        executor.scheduleWithFixedDelay(this::checkQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    public PeerView view() {
        return view;
    }

    /** Reads every peer now (all at once, each bounded by the timeout) and returns the new view. */
    public PeerView checkNow() {
        List<CompletableFuture<Boolean>> answers = peers.stream().map(this::freshServing).toList();
        int answered = 0;
        int fresh = 0;
        for (CompletableFuture<Boolean> answer : answers) {
            Boolean result = answer.join();
            if (result == null) {
                continue; // no answer
            }
            answered++;
            fresh += result ? 1 : 0;
        }
        PeerView next = new PeerView(peers.size(), answered, fresh, clock.instant());
        view = next;
        return next;
    }

    private void checkQuietly() {
        try {
            checkNow();
        } catch (RuntimeException e) {
            log.debug("reading the peers' health failed", e);
        }
    }

    /** True: serves fresh data; false: answered but does not (or is this node); null: no answer. */
    private CompletableFuture<Boolean> freshServing(URI peer) {
        String base = peer.toString();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base.endsWith("/") ? base + "health" : base + "/health"))
                .timeout(timeout).GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .handle((response, failure) -> {
                    if (failure != null) {
                        return null;
                    }
                    JsonNode body = parse(response.body());
                    if (body != null && selfId != null && selfId.equals(body.path("node_id").asText(null))) {
                        return false;
                    }
                    return response.statusCode() == 200 && body != null && !body.path("stale").asBoolean(false);
                });
    }

    private JsonNode parse(byte[] body) {
        try {
            return json.readTree(body);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
