package dev.graphfleet.node;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HttpString;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Requires header {@code X-Graph-API-Key} on everything but the open paths (/health). The keys are
 * compared as SHA-256 digests with {@link MessageDigest#isEqual}: constant time, and the length of
 * the key does not leak either. The key never reaches a log or an answer.
 *
 * <p>Runs on the IO thread, before any body is read or a worker thread is taken: a refused request
 * gets its 401 at once and its connection is closed without reading what it still sends.
 */
final class ApiKeyAuth implements HttpHandler {

    static final HttpString HEADER = new HttpString("X-Graph-API-Key");
    private static final Logger log = LoggerFactory.getLogger(ApiKeyAuth.class);

    /** Made once: a flood of refusals costs no stack traces. */
    private static final ApiException MISSING = new ApiException(401, "unauthorized",
            "this endpoint needs the X-Graph-API-Key header");
    private static final ApiException WRONG = new ApiException(401, "unauthorized",
            "the X-Graph-API-Key header does not match this node's API key");

    private final HttpHandler next;
    private final byte[] expectedDigest;
    private final Set<String> openPaths;
    private final ClosingRefusal refusal;

    /** @param apiKey the key; null lets every request through */
    ApiKeyAuth(HttpHandler next, String apiKey, Set<String> openPaths, ClosingRefusal refusal) {
        this.next = next;
        this.expectedDigest = apiKey == null ? null : digest(apiKey);
        this.openPaths = Set.copyOf(openPaths);
        this.refusal = refusal;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        if (expectedDigest == null || openPaths.contains(exchange.getRelativePath())) {
            next.handleRequest(exchange);
            return;
        }
        String presented = exchange.getRequestHeaders().getFirst(HEADER);
        if (presented == null || !MessageDigest.isEqual(expectedDigest, digest(presented))) {
            log.debug("refused {} {} from {}: {} API key", exchange.getRequestMethod(), exchange.getRequestPath(),
                    exchange.getSourceAddress(), presented == null ? "no" : "a wrong");
            refusal.send(exchange, presented == null ? MISSING : WRONG);
            return;
        }
        next.handleRequest(exchange);
    }

    private static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
