package dev.graphfleet.node;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Requires the API key on everything but the open paths (/health): in header {@code X-Graph-API-Key},
 * or as {@code Authorization: Bearer <key>} (what a stock Prometheus sends). The keys are compared
 * as SHA-256 digests with {@link MessageDigest#isEqual}: constant time, and the length of the key does
 * not leak either. Every key a request presents must match; an Authorization header that is not one
 * bearer token is refused, not ignored. The key never reaches a log or an answer.
 *
 * <p>Runs on the IO thread, before any body is read or a worker thread is taken: a refused request
 * gets its 401 at once and its connection is closed without reading what it still sends.
 */
final class ApiKeyAuth implements HttpHandler {

    static final HttpString HEADER = new HttpString("X-Graph-API-Key");
    private static final String BEARER = "Bearer ";
    private static final Logger log = LoggerFactory.getLogger(ApiKeyAuth.class);

    /** Made once: a flood of refusals costs no stack traces. */
    private static final ApiException MISSING = new ApiException(401, "unauthorized",
            "this endpoint needs the X-Graph-API-Key header (or Authorization: Bearer <API key>)");
    private static final ApiException WRONG = new ApiException(401, "unauthorized",
            "the X-Graph-API-Key header does not match this node's API key");
    private static final ApiException WRONG_BEARER = new ApiException(401, "unauthorized",
            "the bearer token in the Authorization header does not match this node's API key");
    private static final ApiException MALFORMED = new ApiException(401, "unauthorized",
            "the Authorization header must be exactly one 'Bearer <API key>' (other schemes such as Basic are"
                    + " not accepted); or send the key in the X-Graph-API-Key header");

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
        ApiException refused = check(exchange);
        if (refused != null) {
            log.debug("refused {} {} from {}: {}", exchange.getRequestMethod(), exchange.getRequestPath(),
                    exchange.getSourceAddress(), reasonForLog(refused));
            exchange.getResponseHeaders().put(Headers.WWW_AUTHENTICATE, "Bearer");
            refusal.send(exchange, refused);
            return;
        }
        next.handleRequest(exchange);
    }

    /** Null when the request presents the key and nothing that disagrees with it; else the refusal. */
    private ApiException check(HttpServerExchange exchange) {
        String headerKey = exchange.getRequestHeaders().getFirst(HEADER);
        HeaderValues authorization = exchange.getRequestHeaders().get(Headers.AUTHORIZATION);
        String bearer = null;
        if (authorization != null && !authorization.isEmpty()) {
            bearer = bearerToken(authorization);
            if (bearer == null) {
                return MALFORMED;
            }
        }
        if (headerKey == null && bearer == null) {
            return MISSING;
        }
        if (headerKey != null && !matches(headerKey)) {
            return WRONG;
        }
        if (bearer != null && !matches(bearer)) {
            return WRONG_BEARER;
        }
        return null;
    }

    /** The token of one {@code Bearer <token>} header (scheme case-insensitive, RFC 7235); null when malformed. */
    static String bearerToken(HeaderValues authorization) {
        if (authorization.size() != 1) {
            return null;
        }
        String value = authorization.getFirst();
        if (value.length() <= BEARER.length() || !value.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        String token = value.substring(BEARER.length()).stripLeading(); // "Bearer" 1*SP token (RFC 6750)
        return token.isEmpty() || token.chars().anyMatch(Character::isWhitespace) ? null : token;
    }

    private boolean matches(String presented) {
        return MessageDigest.isEqual(expectedDigest, digest(presented));
    }

    private static String reasonForLog(ApiException refused) {
        if (refused == MISSING) {
            return "no API key";
        }
        return refused == MALFORMED ? "a malformed Authorization header" : "a wrong API key";
    }

    private static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
