package dev.graphfleet.node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.graphfleet.repo.RepositoryName;
import dev.graphfleet.repo.Version;
import dev.graphfleet.shared.RepositoryRefresher;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.PathTemplateMatch;
import java.io.IOException;
import java.time.Duration;
import java.util.Iterator;
import java.util.Set;

/**
 * {@code POST /repositories/{repository}/refresh}: moves a shared repository to another version in place.
 * The body is optional: none (or {@code {}}, or {@code {"follow": true}}) moves to the store's current
 * version and unpins; {@code {"version": "v3"}} moves to that version and pins it. 202 when a move
 * started, 200 when the repository already serves the target; the move runs in the background (poll
 * {@code GET /attachments}). 404 for a repository the node does not serve or a version the store lacks,
 * 409 while a move of it runs, 503 {@code store_unavailable} when the store cannot be read. Names and
 * the body are checked before anything else: only what is recognised passes.
 */
final class RefreshRoute implements HttpHandler {

    private static final Set<String> KEYS = Set.of("version", "follow");

    /** @param state {@code moving} (202) or {@code serving} (200) */
    record Answer(String repository, String from, String to, String state, boolean pinned) {
    }

    private final RepositoryRefresher refresher;
    private final ObjectMapper mapper;
    private final Duration retryAfter;

    /** @param refresher null on a node without shared repositories: every refresh is a 404 */
    RefreshRoute(RepositoryRefresher refresher, ObjectMapper mapper, Duration retryAfter) {
        this.refresher = refresher;
        this.mapper = mapper;
        this.retryAfter = retryAfter;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        String repository = exchange.getAttachment(PathTemplateMatch.ATTACHMENT_KEY).getParameters().get("repository");
        if (!RepositoryName.isValid(repository)) {
            throw new ApiException(400, "invalid_repository", "invalid repository name in the path: use 1 to 63"
                    + " characters, a lowercase ASCII letter first, then lowercase letters, digits or '_' (e.g. 'sec')");
        }
        String version = version(exchange.getAttachment(RequestBodyReader.BODY));
        if (refresher == null) {
            throw new ApiException(404, "repository_not_found", "this node serves no shared repositories (it is a "
                    + "writer or has no store): there is nothing to refresh");
        }
        RepositoryRefresher.Move move;
        try {
            move = refresher.refresh(repository, version);
        } catch (RepositoryRefresher.NotFound e) {
            throw new ApiException(404, e.isVersion() ? "version_not_found" : "repository_not_found", e.getMessage());
        } catch (RepositoryRefresher.MoveRunning e) {
            throw new ApiException(409, "move_in_progress", e.getMessage());
        } catch (RepositoryRefresher.StoreUnavailable e) {
            throw new ApiException(503, "store_unavailable", e.getMessage(), retryAfter);
        }
        boolean started = move.outcome() == RepositoryRefresher.Outcome.STARTED;
        HttpJson.send(exchange, mapper, started ? 202 : 200,
                new Answer(move.repository(), move.from(), move.to(), move.state(), move.pinned()));
    }

    /** The version the body names, or null to follow the store; anything unrecognised is a 400. */
    private String version(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        JsonNode json;
        try {
            json = mapper.readTree(body);
        } catch (IOException e) {
            throw new ApiException(400, "invalid_body", "the body is not JSON; send {\"version\": \"v3\"} to move to and"
                    + " pin a version, {\"follow\": true} or nothing to follow the store");
        }
        if (json == null || json.isMissingNode()) {
            return null;
        }
        if (!json.isObject()) {
            throw new ApiException(400, "invalid_body", "the body must be a JSON object such as {\"version\": \"v3\"}");
        }
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!KEYS.contains(name)) {
                throw new ApiException(400, "invalid_body", "unknown field in the body (only \"version\" and"
                        + " \"follow\" are read); remove it");
            }
        }
        JsonNode follow = json.get("follow");
        if (follow != null && !follow.isBoolean()) {
            throw new ApiException(400, "invalid_body", "\"follow\" must be true or false");
        }
        JsonNode version = json.get("version");
        if (version == null || version.isNull()) {
            if (follow != null && !follow.booleanValue()) {
                throw new ApiException(400, "invalid_body", "\"follow\": false needs a \"version\" to pin; send"
                        + " {\"version\": \"v3\"}");
            }
            return null;
        }
        if (!version.isTextual() || !Version.isValid(version.textValue())) {
            throw new ApiException(400, "invalid_version", "\"version\" must be 'v' followed by a positive number,"
                    + " e.g. \"v3\"");
        }
        if (follow != null && follow.booleanValue()) {
            throw new ApiException(400, "invalid_body", "\"follow\": true and a \"version\" contradict each other:"
                    + " a version pins the repository; send one of them");
        }
        return version.textValue();
    }
}
