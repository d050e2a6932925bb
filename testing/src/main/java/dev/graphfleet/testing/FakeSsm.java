package dev.graphfleet.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback SSM endpoint speaking AWS JSON 1.1 ({@code X-Amz-Target: AmazonSSM.<Op>}): SendCommand records the
 * command; GetCommandInvocation answers the statuses queued with {@link #willReport} one per call (the last
 * repeats), or InvocationDoesNotExist before any.
 */
public final class FakeSsm implements AutoCloseable {

    private final HttpServer server;
    private final ObjectMapper json = new ObjectMapper();
    private final List<JsonNode> sent = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedDeque<String[]> statuses = new ConcurrentLinkedDeque<>();

    public FakeSsm() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Queues what GetCommandInvocation answers: a status and the standard error. */
    public void willReport(String status, String stderr) {
        statuses.add(new String[] {status, stderr});
    }

    /** The SendCommand requests received. */
    public List<JsonNode> sentCommands() {
        return List.copyOf(sent);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            JsonNode request = json.readTree(exchange.getRequestBody().readAllBytes());
            if ("AmazonSSM.SendCommand".equals(target)) {
                sent.add(request);
                ObjectNode answer = json.createObjectNode();
                answer.putObject("Command").put("CommandId", "cmd-" + sent.size())
                        .put("DocumentName", request.path("DocumentName").asText()).put("Status", "Pending");
                send(exchange, 200, answer);
            } else if ("AmazonSSM.GetCommandInvocation".equals(target)) {
                String[] next = statuses.size() > 1 ? statuses.poll() : statuses.peek();
                if (next == null) {
                    ObjectNode error = json.createObjectNode().put("__type", "InvocationDoesNotExist")
                            .put("message", "no invocation yet");
                    send(exchange, 400, error);
                    return;
                }
                ObjectNode answer = json.createObjectNode()
                        .put("CommandId", request.path("CommandId").asText())
                        .put("InstanceId", request.path("InstanceId").asText())
                        .put("Status", next[0]).put("StatusDetails", next[0])
                        .put("StandardErrorContent", next[1]);
                send(exchange, 200, answer);
            } else {
                send(exchange, 400, json.createObjectNode().put("__type", "UnknownOperationException"));
            }
        }
    }

    private void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
