package dev.graphfleet.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback HTTP endpoint speaking the AWS Query protocol (EC2, Auto Scaling, ELBv2): it reads the
 * form-encoded POST the SDK sends (Action, Version, Filter.1.Name, …), records it with the service
 * named in the SigV4 credential scope, and answers with the XML the test scripts per action. Unknown
 * actions get the services' own error shape.
 */
public final class QueryProtocolServer implements AutoCloseable {

    /** One request as the service would see it. */
    public record Call(String service, String action, Map<String, String> params, String contentType) {
        /** The values of a list parameter: {@code prefix.1}, {@code prefix.2}, … */
        public List<String> list(String prefix) {
            return params.entrySet().stream().filter(e -> e.getKey().matches(Pattern.quote(prefix) + "\\.\\d+"))
                    .sorted(Map.Entry.comparingByKey()).map(Map.Entry::getValue).toList();
        }
    }

    public record Answer(int status, String xml) {
        public static Answer ok(String xml) {
            return new Answer(200, xml);
        }
    }

    private static final Pattern SCOPE = Pattern.compile("Credential=[^/]+/\\d{8}/([^/]+)/([^/]+)/aws4_request");

    private final HttpServer server;
    private final Map<String, Function<Call, Answer>> scripts = new ConcurrentHashMap<>();
    public final List<Call> calls = new CopyOnWriteArrayList<>();

    public QueryProtocolServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public QueryProtocolServer on(String action, Function<Call, Answer> script) {
        scripts.put(action, script);
        return this;
    }

    public QueryProtocolServer on(String action, String xml) {
        return on(action, call -> Answer.ok(xml));
    }

    public List<Call> calls(String action) {
        return calls.stream().filter(c -> c.action().equals(action)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (!pair.isEmpty()) {
                int eq = pair.indexOf('=');
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                params.put(key, value);
            }
        }
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        Matcher scope = SCOPE.matcher(auth == null ? "" : auth);
        String service = scope.find() ? scope.group(2) : null;
        Call call = new Call(service, params.getOrDefault("Action", ""), params,
                exchange.getRequestHeaders().getFirst("Content-Type"));
        calls.add(call);
        Function<Call, Answer> script = scripts.get(call.action());
        Answer answer = script != null ? script.apply(call) : unknownAction(call);
        byte[] bytes = answer.xml().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/xml;charset=UTF-8");
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Answer unknownAction(Call call) {
        return "ec2".equals(call.service()) ? ec2Error(400, "InvalidAction", "The action " + call.action() + " is not valid")
                : queryError(400, "http://autoscaling.amazonaws.com/doc/2011-01-01/", "InvalidAction",
                        "Could not find operation " + call.action());
    }

    /** EC2's error shape. */
    public static Answer ec2Error(int status, String code, String message) {
        return new Answer(status, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Errors><Error><Code>" + code
                + "</Code><Message>" + message + "</Message></Error></Errors>"
                + "<RequestID>ea966190-f9aa-478e-9ede-example</RequestID></Response>");
    }

    /** The Query services' error shape (Auto Scaling, ELBv2). */
    public static Answer queryError(int status, String namespace, String code, String message) {
        return new Answer(status, "<ErrorResponse xmlns=\"" + namespace + "\"><Error><Type>Sender</Type><Code>" + code
                + "</Code><Message>" + message + "</Message></Error>"
                + "<RequestId>b1c9b3f2-0000-4d3e-9b8e-example</RequestId></ErrorResponse>");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
