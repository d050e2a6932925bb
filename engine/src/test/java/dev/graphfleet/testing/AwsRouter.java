package dev.graphfleet.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

/**
 * One loopback endpoint in front of several fakes, for commands that take a single {@code --endpoint}: a request
 * with {@code X-Amz-Target: AmazonSSM.*} goes to SSM, {@code DynamoDB_*} to DynamoDB (when given), every other
 * one to EC2. Headers and bodies pass unchanged.
 */
public final class AwsRouter implements AutoCloseable {

    private static final List<String> PASSED = List.of("Content-Type", "X-Amz-Target", "Authorization", "X-Amz-Date");

    private final HttpServer server;
    private final HttpClient http = HttpClient.newHttpClient();
    private final URI ec2;
    private final URI ssm;
    private final URI dynamoDb;

    public AwsRouter(URI ec2, URI ssm) throws IOException {
        this(ec2, ssm, null);
    }

    public AwsRouter(URI ec2, URI ssm, URI dynamoDb) throws IOException {
        this.ec2 = ec2;
        this.ssm = ssm;
        this.dynamoDb = dynamoDb;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::forward);
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            URI base = target != null && target.startsWith("AmazonSSM.") ? ssm
                    : target != null && target.startsWith("DynamoDB_") && dynamoDb != null ? dynamoDb : ec2;
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(exchange.getRequestURI().getRawPath()))
                    .method(exchange.getRequestMethod(),
                            HttpRequest.BodyPublishers.ofByteArray(exchange.getRequestBody().readAllBytes()));
            for (String h : PASSED) {
                String v = exchange.getRequestHeaders().getFirst(h);
                if (v != null) {
                    request.header(h, v);
                }
            }
            HttpResponse<byte[]> response;
            try {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            response.headers().firstValue("Content-Type")
                    .ifPresent(v -> exchange.getResponseHeaders().set("Content-Type", v));
            exchange.sendResponseHeaders(response.statusCode(), response.body().length == 0 ? -1
                    : response.body().length);
            exchange.getResponseBody().write(response.body());
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
