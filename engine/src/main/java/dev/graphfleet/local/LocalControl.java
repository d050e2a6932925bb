package dev.graphfleet.local;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.graphfleet.node.ApiException;
import dev.graphfleet.node.ControlHttp;
import dev.graphfleet.node.HttpJson;
import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RoutingHandler;
import io.undertow.util.PathTemplateMatch;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The running local fleet's control endpoint, on loopback only, behind a per-run key (both in the
 * owner-only {@code local-fleet.json}): {@code graphfleet fleet snapshot|rollback} in another process
 * asks the fleet's own process to act, since that process owns the nodes.
 *
 * <pre>
 * POST /jobs  {"kind": "snapshot|refresh|rollback|restart", "repository", "version", "replica"}
 *             → 202 the job | 409 {error: job_running, detail, job} | 400 {error, detail}
 * POST /plans {"kind": "snapshot|rollback", "repository", "version"} → 200 {changes: [...]}  (changes nothing)
 * GET  /jobs/{id} → the job with its progress so far;  GET /jobs → {running, finished}
 * </pre>
 */
public final class LocalControl implements AutoCloseable {

    /** Where a client finds the endpoint. The key never appears in {@link #toString()}. */
    public record Endpoint(URI url, @JsonProperty("api_key") String apiKey) {
        @Override
        public String toString() {
            return "Endpoint[" + url + "]";
        }
    }

    /** A request body. Unknown fields are refused (a typo must not run something else). */
    public record Request(String kind, String repository, String version, String replica) {
    }

    private static final ObjectMapper JSON = HttpJson.mapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final int MAX_BODY = 16 * 1024;

    private final LocalFleet fleet;
    private final Undertow server;
    private final Endpoint endpoint;

    private LocalControl(LocalFleet fleet, String apiKey) {
        this.fleet = fleet;
        RoutingHandler routes = Handlers.routing()
                .post("/jobs", this::startJob)
                .post("/plans", this::plan)
                .get("/jobs", this::jobs)
                .get("/jobs/{id}", this::job)
                .setFallbackHandler(exchange -> {
                    throw new ApiException(404, "not_found", "no endpoint " + exchange.getRequestPath()
                            + "; the endpoints are POST /jobs, POST /plans, GET /jobs and GET /jobs/{id}");
                });
        this.server = Undertow.builder().addHttpListener(0, "127.0.0.1")
                .setHandler(ControlHttp.guarded(routes, apiKey)).build();
        server.start();
        InetSocketAddress address = (InetSocketAddress) server.getListenerInfo().get(0).getAddress();
        this.endpoint = new Endpoint(URI.create("http://127.0.0.1:" + address.getPort()), apiKey);
    }

    static LocalControl start(LocalFleet fleet, String apiKey) {
        return new LocalControl(fleet, apiKey);
    }

    public Endpoint endpoint() {
        return endpoint;
    }

    private void startJob(HttpServerExchange exchange) {
        Request request = read(exchange);
        LocalJobs.Start start = switch (kind(request)) {
            case "snapshot" -> fleet.startSnapshot(required(request.repository(), "repository"));
            case "refresh" -> fleet.startRefresh(required(request.repository(), "repository"));
            case "rollback" -> fleet.startRollback(request.repository(), request.version());
            case "restart" -> fleet.startRestart(required(request.replica(), "replica"));
            default -> throw unknownKind(request.kind());
        };
        if (!start.started()) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", "job_running");
            body.put("detail", "job " + start.job().describe() + " has been running since " + start.job().startedAt()
                    + "; the local fleet runs one operation at a time: wait for it to finish");
            body.put("job", start.job());
            ControlHttp.send(exchange, 409, body);
            return;
        }
        ControlHttp.send(exchange, 202, start.job());
    }

    private void plan(HttpServerExchange exchange) {
        Request request = read(exchange);
        List<String> changes;
        try {
            changes = switch (kind(request)) {
                case "snapshot" -> fleet.planSnapshot(required(request.repository(), "repository"));
                case "rollback" -> fleet.planRollback(request.repository(), request.version());
                default -> throw new ApiException(400, "bad_request", "plans are for kind snapshot or rollback, not "
                        + request.kind());
            };
        } catch (IllegalStateException e) {
            throw new ApiException(409, "not_possible", e.getMessage()); // e.g. nothing to roll back to
        }
        ControlHttp.send(exchange, 200, Map.of("changes", changes));
    }

    private void jobs(HttpServerExchange exchange) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("running", fleet.jobs().current().orElse(null));
        body.put("finished", fleet.jobs().finished());
        ControlHttp.send(exchange, 200, body);
    }

    private void job(HttpServerExchange exchange) {
        String id = exchange.getAttachment(PathTemplateMatch.ATTACHMENT_KEY).getParameters().get("id");
        LocalJob job = fleet.jobs().get(id).orElseThrow(() -> new ApiException(404, "not_found",
                "no job " + id + " (the last " + LocalJobs.HISTORY + " finished jobs are kept)"));
        ControlHttp.send(exchange, 200, job);
    }

    private static Request read(HttpServerExchange exchange) {
        try (InputStream in = exchange.getInputStream()) {
            byte[] body = in.readNBytes(MAX_BODY + 1);
            if (body.length > MAX_BODY) {
                throw new ApiException(413, "body_too_large", "a control request is at most " + MAX_BODY + " bytes");
            }
            return JSON.readValue(body, Request.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ApiException(400, "malformed_json", "the body must be {\"kind\": ..., \"repository\": ...,"
                    + " \"version\": ..., \"replica\": ...}: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ApiException(400, "bad_request", "cannot read the body: " + e.getMessage());
        }
    }

    private static String kind(Request request) {
        if (request == null || request.kind() == null) {
            throw new ApiException(400, "bad_request", "kind is required: snapshot, refresh, rollback or restart");
        }
        return request.kind();
    }

    private static ApiException unknownKind(String kind) {
        return new ApiException(400, "bad_request", "unknown kind '" + kind
                + "': use snapshot, refresh, rollback or restart");
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new ApiException(400, "bad_request", field + " is required");
        }
        return value;
    }

    @Override
    public void close() {
        server.stop();
    }
}
