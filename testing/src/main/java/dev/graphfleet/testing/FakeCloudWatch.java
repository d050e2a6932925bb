package dev.graphfleet.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback CloudWatch endpoint speaking what SDK 2.54's CloudWatch client sends: Smithy RPC v2 CBOR
 * ({@code POST /service/GraniteServiceVersion20100801/operation/<Op>}, CBOR bodies, timestamps as CBOR tag 1
 * epoch seconds). It serves ListMetrics and GetMetricData over the metrics put into it, and records PutMetricData.
 */
public final class FakeCloudWatch implements AutoCloseable {

    static final String PREFIX = "/service/GraniteServiceVersion20100801/operation/";

    /** One stored series. */
    public record Series(String namespace, String name, Map<String, String> dimensions,
                         List<Instant> timestamps, List<Double> values) {
    }

    private final HttpServer server;
    private final CBORMapper cbor = new CBORMapper();
    private final List<Series> series = new CopyOnWriteArrayList<>();
    private final List<String> operations = new CopyOnWriteArrayList<>();
    private final List<JsonNode> putMetricData = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresToInject = new AtomicInteger();

    public FakeCloudWatch() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Operations received, in order ("ListMetrics", "GetMetricData"). */
    public List<String> operations() {
        return List.copyOf(operations);
    }

    /** The PutMetricData requests received, as decoded from CBOR (Namespace, MetricData[...]). */
    public List<JsonNode> putMetricDataRequests() {
        return List.copyOf(putMetricData);
    }

    public void put(String namespace, String name, Map<String, String> dimensions, Instant at, double value) {
        for (Series s : series) {
            if (s.namespace.equals(namespace) && s.name.equals(name) && s.dimensions.equals(dimensions)) {
                s.timestamps.add(at);
                s.values.add(value);
                return;
            }
        }
        series.add(new Series(namespace, name, new TreeMap<>(dimensions), new CopyOnWriteArrayList<>(List.of(at)),
                new CopyOnWriteArrayList<>(List.of(value))));
    }

    /** The next {@code n} requests answer 400 with an AWS-style error. */
    public void failNext(int n) {
        failuresToInject.set(n);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            boolean cborRequest = "rpc-v2-cbor".equals(exchange.getRequestHeaders().getFirst("smithy-protocol"));
            if (!"POST".equals(exchange.getRequestMethod()) || !path.startsWith(PREFIX) || !cborRequest) {
                send(exchange, 400, error("UnknownOperationException", "expected an rpc-v2-cbor POST to " + PREFIX));
                return;
            }
            String op = path.substring(PREFIX.length());
            operations.add(op);
            JsonNode request = cbor.readTree(readAll(exchange.getRequestBody()));
            if (failuresToInject.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                send(exchange, 400, error("InvalidParameterValue", "injected failure"));
                return;
            }
            switch (op) {
                case "ListMetrics" -> send(exchange, 200, listMetrics(request));
                case "GetMetricData" -> send(exchange, 200, getMetricData(request));
                case "PutMetricData" -> {
                    putMetricData.add(request);
                    send(exchange, 200, write(g -> {
                        g.writeStartObject();
                        g.writeEndObject();
                    }));
                }
                default -> send(exchange, 400, error("UnknownOperationException", op));
            }
        }
    }

    private byte[] listMetrics(JsonNode request) throws IOException {
        String namespace = request.path("Namespace").asText(null);
        String name = request.path("MetricName").asText(null);
        List<Series> matches = new ArrayList<>();
        for (Series s : series) {
            if (namespace != null && !namespace.equals(s.namespace)) continue;
            if (name != null && !name.equals(s.name)) continue;
            boolean all = true;
            for (JsonNode filter : request.path("Dimensions")) {
                String dn = filter.path("Name").asText();
                String dv = filter.hasNonNull("Value") ? filter.get("Value").asText() : null;
                if (!s.dimensions.containsKey(dn) || (dv != null && !dv.equals(s.dimensions.get(dn)))) {
                    all = false;
                }
            }
            if (all) matches.add(s);
        }
        return write(g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("Metrics");
            for (Series s : matches) {
                g.writeStartObject();
                g.writeStringField("Namespace", s.namespace);
                g.writeStringField("MetricName", s.name);
                writeDimensions(g, s.dimensions);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    private byte[] getMetricData(JsonNode request) throws IOException {
        double start = request.path("StartTime").asDouble();
        double end = request.path("EndTime").asDouble();
        boolean descending = !"TimestampAscending".equals(request.path("ScanBy").asText("TimestampDescending"));
        return write(g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("MetricDataResults");
            for (JsonNode q : request.path("MetricDataQueries")) {
                JsonNode metric = q.path("MetricStat").path("Metric");
                Map<String, String> dims = new TreeMap<>();
                for (JsonNode d : metric.path("Dimensions")) {
                    dims.put(d.path("Name").asText(), d.path("Value").asText());
                }
                List<double[]> points = new ArrayList<>();
                for (Series s : series) {
                    if (s.namespace.equals(metric.path("Namespace").asText())
                            && s.name.equals(metric.path("MetricName").asText()) && s.dimensions.equals(dims)) {
                        for (int i = 0; i < s.timestamps.size(); i++) {
                            double t = s.timestamps.get(i).getEpochSecond();
                            if (t >= start && t < end) points.add(new double[] {t, s.values.get(i)});
                        }
                    }
                }
                Comparator<double[]> byTime = Comparator.comparingDouble(p -> p[0]);
                points.sort(descending ? byTime.reversed() : byTime);
                g.writeStartObject();
                g.writeStringField("Id", q.path("Id").asText());
                g.writeStringField("Label", metric.path("MetricName").asText());
                g.writeArrayFieldStart("Timestamps");
                for (double[] p : points) {
                    g.writeTag(1);
                    g.writeNumber((long) p[0]);
                }
                g.writeEndArray();
                g.writeArrayFieldStart("Values");
                for (double[] p : points) g.writeNumber(p[1]);
                g.writeEndArray();
                g.writeStringField("StatusCode", "Complete");
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    private static void writeDimensions(CBORGenerator g, Map<String, String> dims) throws IOException {
        g.writeArrayFieldStart("Dimensions");
        for (Map.Entry<String, String> d : dims.entrySet()) {
            g.writeStartObject();
            g.writeStringField("Name", d.getKey());
            g.writeStringField("Value", d.getValue());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private byte[] error(String code, String message) throws IOException {
        return write(g -> {
            g.writeStartObject();
            g.writeStringField("__type", "com.amazonaws.cloudwatch#" + code);
            g.writeStringField("message", message);
            g.writeEndObject();
        });
    }

    private interface Body {
        void write(CBORGenerator g) throws IOException;
    }

    private byte[] write(Body body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CBORGenerator g = cbor.getFactory().createGenerator(out)) {
            body.write(g);
        }
        return out.toByteArray();
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/cbor");
        exchange.getResponseHeaders().set("smithy-protocol", "rpc-v2-cbor");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    private static byte[] readAll(InputStream in) throws IOException {
        return in.readAllBytes();
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
