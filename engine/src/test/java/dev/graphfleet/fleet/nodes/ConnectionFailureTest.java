package dev.graphfleet.fleet.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphfleet.fleet.Health;
import dev.graphfleet.testing.SilentNodes;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.NoRouteToHostException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.Test;

/**
 * A node that cannot be read is described by what went wrong: refused, no answer, TLS and DNS on loopback
 * (each produced for real); network and host unreachable, which no loopback setup produces reliably, by
 * classifying the exceptions the JDK raises for them.
 */
class ConnectionFailureTest {

    static final Duration TIMEOUT = Duration.ofMillis(500);
    final NodeProbe probe = NodeProbe.create(new ProbeOptions(TIMEOUT, 4, null));
    /** For TLS and DNS: the first TLS handshake of a JVM alone can take a second on a busy machine. */
    final NodeProbe patient = NodeProbe.create(new ProbeOptions(Duration.ofSeconds(5), 4, null));

    @Test
    void aClosedPortIsConnectionRefused() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        NodeReport report = read(URI.create("http://127.0.0.1:" + closedPort));
        assertThat(report.health()).isEqualTo(Health.UNREACHABLE);
        assertThat(report.healthDetail()).isEqualTo("/health: connection refused (nothing listens on that port: is the"
                + " node running?)");
    }

    @Test
    void aServerThatAcceptsAndNeverAnswersIsNoAnswerNotRefused() throws Exception {
        try (SilentNodes silent = new SilentNodes()) {
            NodeReport report = read(silent.add("hung"));
            assertThat(report.healthDetail()).isEqualTo("/health: no answer within 500 ms");
        }
    }

    @Test
    void httpsToAPlainHttpServerIsATlsFailure() throws Exception {
        try (ServerSocket plain = new ServerSocket(0, 8, InetAddress.getLoopbackAddress())) {
            Thread server = new Thread(() -> answerPlainHttp(plain), "plain-http");
            server.setDaemon(true);
            server.start();
            NodeReport report = patient.probe(URI.create("https://127.0.0.1:" + plain.getLocalPort()), Instant.now())
                    .get(20, TimeUnit.SECONDS);
            assertThat(report.healthDetail()).startsWith("/health: TLS failed: ")
                    .contains("(http vs https? an untrusted certificate?)").doesNotContain("refused");
        }
    }

    @Test
    void aNameThatDoesNotResolveIsDns() throws Exception {
        // .invalid never resolves (RFC 6761)
        NodeReport report = patient.probe(URI.create("http://graphfleet-node.invalid:8001"), Instant.now())
                .get(20, TimeUnit.SECONDS);
        assertThat(report.healthDetail()).isEqualTo("/health: host name not resolved (DNS)");
    }

    @Test
    void theJdksExceptionsAreClassifiedByWhatTheyMean() {
        // what a failed connect of the JDK's HTTP client looks like: the reason is lost
        ConnectException bare = (ConnectException) new ConnectException().initCause(new ClosedChannelException());
        assertThat(ConnectionFailure.classify(new CompletionException(bare))).isEqualTo(ConnectionFailure.Kind.CONNECT_FAILED);
        // what a direct connect says (errno ECONNREFUSED, ENETUNREACH, EHOSTUNREACH)
        assertThat(ConnectionFailure.classify(new ConnectException("Connection refused")))
                .isEqualTo(ConnectionFailure.Kind.REFUSED);
        assertThat(ConnectionFailure.classify(new SocketException("Network is unreachable")))
                .isEqualTo(ConnectionFailure.Kind.NETWORK_UNREACHABLE);
        assertThat(ConnectionFailure.classify(new ConnectException("Network is unreachable")))
                .isEqualTo(ConnectionFailure.Kind.NETWORK_UNREACHABLE);
        assertThat(ConnectionFailure.classify(new NoRouteToHostException("No route to host")))
                .isEqualTo(ConnectionFailure.Kind.HOST_UNREACHABLE);
        assertThat(ConnectionFailure.classify(new ConnectException("Host is unreachable")))
                .isEqualTo(ConnectionFailure.Kind.HOST_UNREACHABLE);
        assertThat(ConnectionFailure.classify(new CompletionException(new HttpConnectTimeoutException("HTTP connect timed out"))))
                .isEqualTo(ConnectionFailure.Kind.CONNECT_TIMEOUT);
        assertThat(ConnectionFailure.classify(new HttpTimeoutException("request timed out")))
                .isEqualTo(ConnectionFailure.Kind.NO_ANSWER);
        assertThat(ConnectionFailure.classify(new ConnectException().initCause(new UnresolvedAddressException())))
                .isEqualTo(ConnectionFailure.Kind.DNS);
        assertThat(ConnectionFailure.classify(new SSLException("Unrecognized SSL message")))
                .isEqualTo(ConnectionFailure.Kind.TLS);

        assertThat(ConnectionFailure.describe(new SocketException("Network is unreachable"), TIMEOUT))
                .startsWith("network unreachable (no route to the node's network");
        assertThat(ConnectionFailure.describe(new NoRouteToHostException("No route to host"), TIMEOUT))
                .startsWith("host unreachable (no route to the host");
        assertThat(ConnectionFailure.describe(new HttpConnectTimeoutException("HTTP connect timed out"), TIMEOUT))
                .isEqualTo("connect timed out after 500 ms (the host is down, or a firewall or security group drops the"
                        + " packets)");
    }

    @Test
    void theDiagnosticConnectFindsTheReasonTheHttpClientLost() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        ConnectException bare = (ConnectException) new ConnectException().initCause(new ClosedChannelException());
        assertThat(ConnectionFailure.diagnose(bare, URI.create("http://127.0.0.1:" + closedPort), TIMEOUT)
                .get(5, TimeUnit.SECONDS)).startsWith("connection refused");
        try (ServerSocket open = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThat(ConnectionFailure.diagnose(bare, URI.create("http://127.0.0.1:" + open.getLocalPort()), TIMEOUT)
                    .get(5, TimeUnit.SECONDS)).isEqualTo("connection failed (the port accepts connections again now)");
        }
    }

    private NodeReport read(URI node) throws Exception {
        return probe.probe(node, Instant.now()).get(10, TimeUnit.SECONDS);
    }

    private static void answerPlainHttp(ServerSocket plain) {
        while (!plain.isClosed()) {
            try (Socket client = plain.accept(); OutputStream out = client.getOutputStream()) {
                out.write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException e) {
                return;
            }
        }
    }
}
