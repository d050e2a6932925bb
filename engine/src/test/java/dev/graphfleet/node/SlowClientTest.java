package dev.graphfleet.node;

import dev.graphfleet.testing.Http;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No slow client can stall a node (issue 13): the key is checked before any body is read, bodies
 * are read without a worker thread under a deadline, slow headers are cut off, and {@code /health}
 * is answered on the IO thread however many slow connections are open. Real node, real sockets.
 */
class SlowClientTest {

    private static final String KEY = "slow-client-test-key";

    @TempDir
    Path dataDir;
    GraphNode node;

    private Http start(Duration bodyReadTimeout) {
        TestNodes.seed(dataDir);
        node = GraphNode.builder(TestNodes.settings(dataDir).withApiKey(KEY)
                        .withQueryLimits(QueryLimits.DEFAULTS.withBodyReadTimeout(bodyReadTimeout)))
                .resources(FixedResources.idle()).start();
        return new Http(node.uri(), KEY);
    }

    @AfterEach
    void stop() {
        if (node != null) {
            node.stop();
        }
    }

    @Test
    void aRequestWithoutTheKeyIs401AtOnceWithoutReadingItsBody() throws Exception {
        start(Duration.ofSeconds(10));
        try (Socket socket = new Socket(node.uri().getHost(), node.port())) {
            long started = System.nanoTime();
            send(socket, headers(null, 1000) + "{"); // 999 bytes announced and never sent
            String answer = readToEnd(socket, Duration.ofSeconds(5));
            long elapsedMs = (System.nanoTime() - started) / 1_000_000;
            assertThat(answer).startsWith("HTTP/1.1 401");
            assertThat(answer.toLowerCase(Locale.ROOT)).contains("connection: close").contains("\"error\":\"unauthorized\"");
            assertThat(elapsedMs).as("answered and closed after %d ms", elapsedMs).isLessThan(1_000);
        }
    }

    @Test
    void aBodyThatDoesNotArriveInTimeIs408AndTheConnectionIsClosed() throws Exception {
        start(Duration.ofSeconds(1));
        try (Socket socket = new Socket(node.uri().getHost(), node.port())) {
            long started = System.nanoTime();
            send(socket, headers(KEY, 1000) + "{");
            String answer = readToEnd(socket, Duration.ofSeconds(5));
            long elapsedMs = (System.nanoTime() - started) / 1_000_000;
            assertThat(answer).startsWith("HTTP/1.1 408");
            assertThat(answer).contains("\"error\":\"body_read_timeout\"").contains("node.api.body_read_timeout_s");
            assertThat(elapsedMs).as("answered after %d ms", elapsedMs).isBetween(900L, 2_500L);
        }
        assertThat(new Http(node.uri(), KEY).query("people", "RETURN 1").status()).isEqualTo(200);
    }

    @Test
    void headersTrickledByteByByteAreCutOffAtTheReadTimeout() throws Exception {
        start(Duration.ofSeconds(1));
        try (Socket socket = new Socket(node.uri().getHost(), node.port())) {
            socket.setSoTimeout(100);
            long started = System.nanoTime();
            send(socket, "POST /databases/people/query HTTP/1.1\r\nHost: localhost\r\nX-Slow: ");
            boolean closed = false;
            while (!closed && System.nanoTime() - started < Duration.ofSeconds(8).toNanos()) {
                try {
                    send(socket, "a");
                    closed = socket.getInputStream().read() == -1;
                } catch (SocketTimeoutException stillOpen) {
                    // nothing yet; one more byte
                } catch (IOException reset) {
                    closed = true;
                }
            }
            long elapsedMs = (System.nanoTime() - started) / 1_000_000;
            assertThat(closed).as("the node closed the connection").isTrue();
            assertThat(elapsedMs).as("closed after %d ms", elapsedMs).isLessThan(3_000);
        }
    }

    @Test
    void expectContinueIsAnsweredOnlyOnceTheKeyPassed() throws Exception {
        start(Duration.ofSeconds(5));
        String body = "{\"cypher\": \"RETURN 1\"}";
        try (Socket socket = new Socket(node.uri().getHost(), node.port())) {
            socket.setSoTimeout(3_000);
            send(socket, headers(KEY, body.length()).replace("\r\n\r\n", "\r\nExpect: 100-continue\r\n\r\n"));
            byte[] interim = socket.getInputStream().readNBytes("HTTP/1.1 100 Continue\r\n\r\n".length());
            assertThat(new String(interim, StandardCharsets.ISO_8859_1)).isEqualTo("HTTP/1.1 100 Continue\r\n\r\n");
            send(socket, body);
            byte[] answer = new byte[12];
            assertThat(socket.getInputStream().readNBytes(answer, 0, 12)).isEqualTo(12);
            assertThat(new String(answer, StandardCharsets.ISO_8859_1)).isEqualTo("HTTP/1.1 200");
        }
        try (Socket socket = new Socket(node.uri().getHost(), node.port())) {
            send(socket, headers(null, body.length()).replace("\r\n\r\n", "\r\nExpect: 100-continue\r\n\r\n"));
            assertThat(readToEnd(socket, Duration.ofSeconds(5))).startsWith("HTTP/1.1 401").doesNotContain("100 Continue");
        }
    }

    @Test
    void headHealthIs200WithoutABodyAndWithoutAKey() {
        start(Duration.ofSeconds(10));
        Http anonymous = new Http(node.uri());
        Http.Response head = anonymous.send(anonymous.request("/health")
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.header("Content-Type")).startsWith("application/json");
        assertThat(anonymous.get("/health").json().get("status").asText()).isEqualTo("ready");
    }

    /** The attack at its scale, short enough for every build (about 12 s). */
    @Test
    void aThousandSlowConnectionsDoNotSlowHealthNorStopQueries() {
        Http http = start(Duration.ofSeconds(3));
        Figures figures = underAttack(http, 1_000, Duration.ofSeconds(8));
        figures.assertHeld();
        System.out.println("SLOW CLIENTS " + figures);
    }

    /** The same for ten minutes, connections reopened as the node closes them. */
    @Test
    @Tag("soak")
    void aThousandSlowConnectionsForTenMinutes() {
        Http http = start(Duration.ofSeconds(10));
        Figures figures = underAttack(http, 1_000, Duration.ofMinutes(10));
        figures.assertHeld();
        System.out.println("SOAK SLOW CLIENTS " + figures);
    }

    record Figures(int connections, Duration duration, List<Long> healthMicros, int queries, int queriesOk,
                   Map<String, Integer> answers, int reconnects) {

        long percentileMs(double p) {
            List<Long> sorted = new ArrayList<>(healthMicros);
            Collections.sort(sorted);
            return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1)) / 1_000;
        }

        void assertHeld() {
            assertThat(healthMicros.size()).as(toString()).isGreaterThan(100);
            assertThat(percentileMs(0.99)).as(toString()).isLessThan(100);
            assertThat(queriesOk).as(toString()).isEqualTo(queries).isGreaterThan(10);
            assertThat(answers.getOrDefault("401", 0)).as(toString()).isGreaterThan(0);
            assertThat(answers.getOrDefault("408", 0)).as(toString()).isGreaterThan(0);
        }

        @Override
        public String toString() {
            return connections + " slow connections (half with the key) for " + duration.toSeconds() + " s after "
                    + WARM_UP.toSeconds() + " s of warm-up: /health "
                    + healthMicros.size() + " checks, p50 " + percentileMs(0.5) + " ms, p99 " + percentileMs(0.99)
                    + " ms, max " + percentileMs(1.0) + " ms; queries " + queriesOk + "/" + queries + " answered 200; "
                    + "answers to the slow clients " + answers + ", " + reconnects + " reconnects";
        }
    }

    /** The attack runs this long before /health is measured: a serving node is warm (JIT), a fresh test JVM is not. */
    static final Duration WARM_UP = Duration.ofSeconds(2);

    /**
     * Opens {@code connections} slow clients (half with the key) and trickles their bodies on one
     * thread for {@code duration}, while another runs a query every 100 ms and this one checks
     * /health every 10 ms.
     */
    static Figures underAttack(Http http, int connections, Duration duration) {
        return underAttack(http, connections, connections / 2, duration);
    }

    static Figures underAttack(Http http, int connections, int keyed, Duration duration) {
        List<Long> health = new ArrayList<>();
        AtomicInteger queries = new AtomicInteger();
        AtomicInteger queriesOk = new AtomicInteger();
        AtomicBoolean running = new AtomicBoolean(true);
        HealthProbe probe = new HealthProbe(http.uri("/"));
        assertThat(probe.check()).isEqualTo(200); // connected before the attack, like a load balancer's check
        try (probe; SlowClients attack = new SlowClients(http.uri("/"), KEY, connections, keyed)) {
            Thread attacker = new Thread(() -> {
                while (running.get()) {
                    attack.tick();
                    pause(Duration.ofMillis(200));
                }
            }, "slow-clients");
            Thread querier = new Thread(() -> {
                while (running.get()) {
                    queries.incrementAndGet();
                    if (http.query("people", "MATCH (p:Person) RETURN count(p)").status() == 200) {
                        queriesOk.incrementAndGet();
                    }
                    pause(Duration.ofMillis(100));
                }
            }, "queries");
            attacker.start();
            querier.start();
            long measureFrom = System.nanoTime() + WARM_UP.toNanos();
            long end = measureFrom + duration.toNanos();
            while (System.nanoTime() < end) {
                long started = System.nanoTime();
                int status = probe.check();
                long micros = (System.nanoTime() - started) / 1_000;
                if (started >= measureFrom) {
                    health.add(status == 200 ? micros : Long.MAX_VALUE / 2); // a failed check counts as the slowest
                }
                pause(Duration.ofMillis(10));
            }
            running.set(false);
            join(attacker);
            join(querier);
            return new Figures(connections, duration, List.copyOf(health), queries.get(), queriesOk.get(),
                    attack.answers(), attack.reconnects());
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join(Duration.ofSeconds(30).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        assertThat(thread.isAlive()).as(thread.getName() + " stopped").isFalse();
    }

    /** Paces the load (not a synchronisation: nothing is awaited). */
    private static void pause(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String headers(String key, int contentLength) {
        return "POST /databases/people/query HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + contentLength + "\r\n" + (key == null ? "" : "X-Graph-API-Key: " + key + "\r\n") + "\r\n";
    }

    private static void send(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Everything until the node closes the connection; fails if it is still open after {@code limit}. */
    private static String readToEnd(Socket socket, Duration limit) throws IOException {
        socket.setSoTimeout((int) limit.toMillis());
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        try {
            int n;
            while ((n = in.read(buffer)) != -1) {
                received.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the node kept the connection open for " + limit.toSeconds() + " s; received: "
                    + received.toString(StandardCharsets.ISO_8859_1), e);
        }
        return received.toString(StandardCharsets.ISO_8859_1);
    }
}
