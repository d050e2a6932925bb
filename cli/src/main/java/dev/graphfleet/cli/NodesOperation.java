package dev.graphfleet.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.graphfleet.fleet.nodes.NodeProbe;
import dev.graphfleet.fleet.nodes.NodeRoll;
import dev.graphfleet.repo.Version;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code fleet snapshot --nodes} and {@code fleet rollback --nodes}: rolls a repository across plain nodes
 * one at a time through their refresh endpoint ({@link NodeRoll}), printing each step as it happens.
 * Exit 0 when every node serves the version and is ready, 1 when the roll stopped (the message names
 * what moved and what was not touched).
 */
final class NodesOperation {

    /** Between reads of a moving node: a person watches the lines come. */
    private static final Duration POLL_EVERY = Duration.ofMillis(200);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final List<URI> nodes;
    private final String apiKey;
    private final Duration requestTimeout;
    private final Duration stepTimeout;
    private final HttpClient http;

    NodesOperation(List<String> nodes, String apiKeyEnv, Function<String, String> env, long timeoutMs, long stepTimeoutS) {
        this.nodes = urls(nodes);
        this.apiKey = apiKey(apiKeyEnv, env);
        TimeoutMsOption.checked(timeoutMs);
        if (stepTimeoutS < 1) {
            throw new UsageException("--step-timeout-s must be at least 1 (found " + stepTimeoutS + ")");
        }
        this.requestTimeout = Duration.ofMillis(timeoutMs);
        this.stepTimeout = Duration.ofSeconds(stepTimeoutS);
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(requestTimeout).build();
    }

    List<URI> nodes() {
        return nodes;
    }

    /** Rolls and reports; {@code before} lines (e.g. what was published) go first into the JSON too. */
    int roll(String repository, String version, NodeRoll.Mode mode, Map<String, Object> before, boolean json,
             PrintWriter out, PrintWriter err) throws InterruptedException {
        NodeRoll roll = new NodeRoll(http, apiKey, requestTimeout, stepTimeout, POLL_EVERY);
        Map<String, Object> report = new LinkedHashMap<>(before);
        report.put("repository", repository);
        report.put("version", version);
        try {
            NodeRoll.Result result = roll.roll(nodes, repository, version, mode, line -> {
                if (!json) {
                    out.println("  " + line);
                    out.flush();
                }
            });
            report.put("moved", result.moved());
            report.put("already_serving", result.alreadyServing());
            report.put("result", result.verification());
            if (json) {
                out.println(write(report));
            } else {
                out.println("done: " + result.verification() + (mode == NodeRoll.Mode.PIN ? " (pinned to " + version
                        + "; fleet snapshot --nodes, or a refresh without a version, follows the store again)" : ""));
            }
            return GraphfleetCli.EXIT_OK;
        } catch (NodeRoll.Stopped stopped) {
            report.put("moved", stopped.moved());
            report.put("not_touched", stopped.untouched());
            report.put("error", stopped.getMessage());
            if (json) {
                out.println(write(report));
            }
            err.println("graphfleet: " + stopped.getMessage());
            return GraphfleetCli.EXIT_FAILURE;
        }
    }

    /** The version before the one the first node serves, for a rollback without {@code --to}. */
    String previousVersion(String repository) throws InterruptedException {
        URI first = nodes.get(0);
        JsonNode attachments = get(first, "/attachments");
        for (JsonNode attachment : attachments.path("attachments")) {
            if (repository.equals(attachment.path("repository").asText())) {
                String serving = attachment.path("version").asText(null);
                if (!Version.isValid(serving)) {
                    throw new UsageException(first + " serves no version of " + repository + " yet: pass --to vN");
                }
                long number = Version.parse(serving).number();
                if (number < 2) {
                    throw new UsageException(first + " serves " + repository + " " + serving
                            + ", its first version: nothing to roll back to");
                }
                return "v" + (number - 1);
            }
        }
        throw new UsageException(first + " does not serve " + repository + " (GET /attachments does not list it)");
    }

    /** Checkpoints {@code repository} on the master before its file is published ({@code POST .../cleanup}). */
    void checkpoint(URI master, String repository, PrintWriter out, boolean json) throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(master.resolve("/databases/" + repository + "/cleanup"))
                .timeout(stepTimeout).POST(HttpRequest.BodyPublishers.noBody());
        if (apiKey != null) {
            request.header(NodeProbe.API_KEY_HEADER, apiKey);
        }
        try {
            HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new UsageException("checkpointing " + repository + " on " + master + " failed: HTTP "
                        + answer.statusCode() + (answer.statusCode() == 401 ? " (pass the key with --api-key-env)" : "")
                        + "; nothing was published");
            }
        } catch (IOException e) {
            throw new UsageException("checkpointing " + repository + " on " + master + " failed: " + e.getMessage()
                    + "; nothing was published");
        }
        if (!json) {
            out.println("checkpointed " + repository + " on " + master);
        }
    }

    private JsonNode get(URI node, String path) throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(node.resolve(path)).timeout(requestTimeout).GET();
        if (apiKey != null) {
            request.header(NodeProbe.API_KEY_HEADER, apiKey);
        }
        try {
            HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new UsageException("GET " + path + " on " + node + " answered HTTP " + answer.statusCode()
                        + (answer.statusCode() == 401 ? ": pass the nodes' key with --api-key-env" : ""));
            }
            return JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new UsageException("cannot read " + path + " of " + node + ": " + e.getMessage());
        }
    }

    private static List<URI> urls(List<String> values) {
        List<URI> urls = new ArrayList<>();
        for (String value : values) {
            if (!value.isBlank()) {
                urls.add(FleetStatusCommand.url("--nodes", value.trim()));
            }
        }
        if (urls.isEmpty()) {
            throw new UsageException("--nodes needs at least one URL, e.g. --nodes http://10.0.1.5:8001");
        }
        return urls;
    }

    private static String apiKey(String apiKeyEnv, Function<String, String> env) {
        return EnvironmentKey.nonEmpty(apiKeyEnv, env, "--api-key-env " + apiKeyEnv + ": the environment variable "
                + apiKeyEnv + " is not set; export it with the nodes' API key");
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
