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
 * one to EC2; when given, CloudWatch's RPC v2 CBOR paths ({@code /service/GraniteServiceVersion20100801/...}) go to
 * CloudWatch and an SNS {@code Action=Publish} to SNS. Headers and bodies pass unchanged.
 */
public final class AwsRouter implements AutoCloseable {

    private static final List<String> PASSED = List.of("Content-Type", "X-Amz-Target", "Authorization", "X-Amz-Date",
            "Smithy-Protocol", "Accept");

    private final HttpServer server;
    private final HttpClient http = HttpClient.newHttpClient();
    private final URI ec2;
    private final URI ssm;
    private final URI dynamoDb;
    private volatile URI cloudWatch;
    private volatile URI sns;

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

    /** Routes CloudWatch's requests to this endpoint (e.g. {@link FakeCloudWatch}). */
    public AwsRouter withCloudWatch(URI endpoint) {
        this.cloudWatch = endpoint;
        return this;
    }

    /** Routes SNS Publish requests to this endpoint (e.g. a {@link QueryProtocolServer}). */
    public AwsRouter withSns(URI endpoint) {
        this.sns = endpoint;
        return this;
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            byte[] body = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getRawPath();
            URI base = target != null && target.startsWith("AmazonSSM.") ? ssm
                    : target != null && target.startsWith("DynamoDB_") && dynamoDb != null ? dynamoDb
                    : cloudWatch != null && path.startsWith("/service/GraniteServiceVersion20100801/") ? cloudWatch
                    : sns != null && new String(body, java.nio.charset.StandardCharsets.ISO_8859_1).contains("Action=Publish")
                    ? sns : ec2;
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
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
