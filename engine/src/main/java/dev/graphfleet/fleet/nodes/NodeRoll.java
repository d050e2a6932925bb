package dev.graphfleet.fleet.nodes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.graphfleet.fleet.refresh.Member;
import dev.graphfleet.fleet.refresh.Verification;
import dev.graphfleet.repo.RepositoryName;
import dev.graphfleet.repo.Version;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Rolls a repository across plain nodes one at a time through their refresh endpoint
 * ({@code POST /repositories/{repository}/refresh}): ask a node, wait until it serves the version and is
 * ready, then the next. The first node that is down, refuses or does not get there stops the roll; the
 * report names the nodes that moved and those not touched. At the end every node is verified like the
 * members of an instance refresh.
 */
public final class NodeRoll {

    /** How the roll moves each node. */
    public enum Mode {
        /** To the store's current version, unpinned (after a publish; it must be the expected version). */
        FOLLOW,
        /** To the version, pinned there (a rollback). */
        PIN
    }

    /** A finished roll: every node serves {@code version} and is ready. */
    public record Result(String repository, String version, List<String> moved, List<String> alreadyServing,
                         String verification) {
    }

    /** A roll that stopped: what moved, where it stopped and why, and what was not touched. */
    public static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final List<String> moved;
        private final List<String> untouched;

        Stopped(String message, List<String> moved, List<String> untouched) {
            super(message);
            this.moved = List.copyOf(moved);
            this.untouched = List.copyOf(untouched);
        }

        public List<String> moved() {
            return moved;
        }

        public List<String> untouched() {
            return untouched;
        }
    }

    private final HttpClient http;
    private final String apiKey;
    private final Duration requestTimeout;
    private final Duration stepTimeout;
    private final Duration pollEvery;
    private final ObjectMapper json = new ObjectMapper();

    /**
     * @param apiKey         sent as {@code X-Graph-API-Key}; null for nodes without a key
     * @param requestTimeout each HTTP request, connect to last byte
     * @param stepTimeout    how long one node may take to serve the version and be ready
     * @param pollEvery      between reads of a moving node's {@code /attachments}
     */
    public NodeRoll(HttpClient http, String apiKey, Duration requestTimeout, Duration stepTimeout, Duration pollEvery) {
        this.http = Objects.requireNonNull(http, "http");
        this.apiKey = apiKey;
        this.requestTimeout = requestTimeout;
        this.stepTimeout = stepTimeout;
        this.pollEvery = pollEvery;
    }

    /**
     * Moves {@code repository} on each node in order to {@code version}.
     *
     * @throws Stopped at the first node that does not get there
     */
    public Result roll(List<URI> nodes, String repository, String version, Mode mode, Consumer<String> progress)
            throws InterruptedException {
        RepositoryName.of(repository);
        Version.parse(version);
        List<String> moved = new ArrayList<>();
        List<String> already = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            URI node = nodes.get(i);
            List<String> after = nodes.subList(i + 1, nodes.size()).stream().map(URI::toString).toList();
            String why = step(node, repository, version, mode, progress, already);
            if (why != null) {
                throw stopped(node, repository, version, moved, after, why);
            }
            moved.add(node.toString());
        }
        List<Member> members = new ArrayList<>();
        for (URI node : nodes) {
            members.add(member(node, repository));
        }
        Verification verification = Verification.of(members, version, nodes.size());
        if (!verification.ok()) {
            throw new Stopped("every node was moved, but the check afterwards failed for " + repository + " "
                    + version + ": " + problems(verification), moved, List.of());
        }
        return new Result(repository, version, moved, already,
                "all " + nodes.size() + " nodes serve " + repository + " " + version + " and are ready");
    }

    /** Moves one node; null when it serves the version and is ready, else why not. */
    private String step(URI node, String repository, String version, Mode mode, Consumer<String> progress,
                        List<String> already) throws InterruptedException {
        Answer health = send(node, "GET", "/health", null);
        if (health.status != 200) {
            return "it is not serving (" + health.describe() + ")";
        }
        String body = mode == Mode.PIN ? "{\"version\": \"" + version + "\"}" : "{\"follow\": true}";
        Answer asked = send(node, "POST", "/repositories/" + repository + "/refresh", body);
        if (asked.status != 200 && asked.status != 202) {
            return "it refused the refresh (" + asked.describe() + ")";
        }
        String to = asked.json == null ? null : asked.json.path("to").asText(null);
        if (!version.equals(to)) {
            return "it moves to " + to + ", not " + version + " (the store's current version changed meanwhile?)";
        }
        if (asked.status == 200) {
            already.add(node.toString());
            progress.accept(node + " already serves " + repository + " " + version);
        } else {
            progress.accept(node + " moves " + repository + " from " + asked.json.path("from").asText("nothing") + " to "
                    + version);
        }
        String why = awaitServing(node, repository, version);
        if (why == null) {
            progress.accept(node + " serves " + repository + " " + version);
        }
        return why;
    }

    /** Polls {@code /attachments} and {@code /health} until the node serves the version and is ready. */
    private String awaitServing(URI node, String repository, String version) throws InterruptedException {
        long deadline = System.nanoTime() + stepTimeout.toNanos();
        boolean started = false;
        String last = "no answer yet";
        while (true) {
            Answer attachments = send(node, "GET", "/attachments", null);
            JsonNode attachment = attachments.status == 200 ? find(attachments.json, repository) : null;
            if (attachment == null) {
                last = attachments.status == 200 ? "it does not list " + repository : attachments.describe();
            } else {
                String phase = attachment.path("phase").asText();
                String serving = attachment.path("version").asText(null);
                if ("failed".equals(phase) && started) {
                    return "moving it failed: " + attachment.path("error").asText("no error given")
                            + "; it still serves " + serving;
                }
                started |= !"failed".equals(phase);
                if (version.equals(serving) && "attached".equals(phase)) {
                    Answer health = send(node, "GET", "/health", null);
                    if (health.status == 200) {
                        return null;
                    }
                    last = "it serves " + version + " but is not ready (" + health.describe() + ")";
                } else {
                    last = "it serves " + serving + ", " + phase + ("failed".equals(phase)
                            ? ": " + attachment.path("error").asText("") : "");
                }
            }
            if (System.nanoTime() > deadline) {
                return "it did not serve " + version + " within " + stepTimeout.toSeconds() + " s (" + last + ")";
            }
            Thread.sleep(pollEvery.toMillis()); // the node moves on its own; this only paces the reads
        }
    }

    private Member member(URI node, String repository) throws InterruptedException {
        Answer attachments = send(node, "GET", "/attachments", null);
        JsonNode attachment = attachments.status == 200 ? find(attachments.json, repository) : null;
        String version = attachment == null ? null : attachment.path("version").asText(null);
        boolean ready = send(node, "GET", "/health", null).status == 200;
        return new Member(node.toString(), version, ready ? Member.State.SERVING : Member.State.FAILED);
    }

    private static String problems(Verification verification) {
        List<String> problems = new ArrayList<>();
        verification.offTarget().forEach((node, v) -> problems.add(node + " serves " + v));
        verification.unknownVersion().forEach(node -> problems.add(node + " did not say what it serves"));
        verification.notServing().forEach(node -> problems.add(node + " is not ready"));
        return String.join("; ", problems) + "; run the roll again once they serve";
    }

    private static JsonNode find(JsonNode attachments, String repository) {
        if (attachments == null) {
            return null;
        }
        for (JsonNode attachment : attachments.path("attachments")) {
            if (repository.equals(attachment.path("repository").asText())) {
                return attachment;
            }
        }
        return null;
    }

    /** The wording of the local fleet's rolling refresh: where it stopped, what moved, what was not touched. */
    private static Stopped stopped(URI node, String repository, String version, List<String> moved, List<String> after,
                                   String why) {
        return new Stopped("rolling refresh of " + repository + " to " + version + " stopped at " + node + ": " + why
                + "; " + (moved.isEmpty() ? "no node was moved" : String.join(", ", moved) + " serve(s) " + version)
                + (after.isEmpty() ? "" : "; not touched: " + String.join(", ", after)), moved,
                after);
    }

    private record Answer(int status, JsonNode json, String error) {
        String describe() {
            if (status == 0) {
                return error;
            }
            String code = json == null ? null : json.path("error").asText(null);
            String detail = json == null ? null : json.path("detail").asText(null);
            if (status == 401) {
                return "401: the API key is missing or wrong; pass the nodes' key with --api-key-env";
            }
            return "HTTP " + status + (code == null ? "" : " " + code) + (detail == null ? "" : ": " + detail);
        }
    }

    private Answer send(URI node, String method, String path, String body) throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(node.resolve(path)).timeout(requestTimeout)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (apiKey != null) {
            request.header(NodeProbe.API_KEY_HEADER, apiKey);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode parsed;
            try {
                parsed = response.body().isEmpty() ? null : json.readTree(response.body());
            } catch (IOException e) {
                parsed = null;
            }
            return new Answer(response.statusCode(), parsed, null);
        } catch (IOException e) {
            return new Answer(0, null, "no answer to " + method + " " + path + ": " + (e.getMessage() == null
                    ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage()));
        }
    }
}
