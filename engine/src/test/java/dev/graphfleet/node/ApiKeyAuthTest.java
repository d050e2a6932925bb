package dev.graphfleet.node;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.graphfleet.testing.Http;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class ApiKeyAuthTest {

    private static final String KEY = "k3y-that-must-never-leak-7f2c";

    @TempDir
    Path dataDir;
    GraphNode node;
    Http anonymous;
    ListAppender<ILoggingEvent> logs;
    Logger graphfleetLogger;

    @BeforeEach
    void start() {
        graphfleetLogger = (Logger) LoggerFactory.getLogger("dev.graphfleet");
        logs = new ListAppender<>();
        logs.start();
        graphfleetLogger.addAppender(logs);
        graphfleetLogger.setLevel(Level.DEBUG); // the key must stay out even of debug logs
        graphfleetLogger.setAdditive(false);
        TestNodes.seed(dataDir);
        node = GraphNode.builder(TestNodes.settings(dataDir).withApiKey(KEY)).resources(FixedResources.idle()).start();
        anonymous = new Http(node.uri());
    }

    @AfterEach
    void stop() {
        node.stop();
        graphfleetLogger.detachAppender(logs);
        graphfleetLogger.setLevel(null);
        graphfleetLogger.setAdditive(true);
    }

    @Test
    void everyEndpointButHealthNeedsTheKey() {
        assertThat(anonymous.get("/health").status()).isEqualTo(200);
        for (String path : List.of("/metrics", "/metrics/prometheus", "/databases", "/pool", "/attachments")) {
            NodeApiTest.assertError(anonymous.get(path), 401, "unauthorized", "needs the X-Graph-API-Key header");
            NodeApiTest.assertError(anonymous.withKey("wrong").get(path), 401, "unauthorized", "does not match");
            NodeApiTest.assertError(anonymous.withKey(KEY + "x").get(path), 401, "unauthorized", "does not match");
            assertThat(anonymous.withKey(KEY).get(path).status()).as(path).isEqualTo(200);
        }
        NodeApiTest.assertError(anonymous.query("people", "RETURN 1"), 401, "unauthorized", "X-Graph-API-Key");
        assertThat(anonymous.withKey(KEY).query("people", "RETURN 1").status()).isEqualTo(200);
        // Unknown paths are not revealed to callers without the key either.
        assertThat(anonymous.get("/nowhere").status()).isEqualTo(401);
    }

    @Test
    void theKeyAlsoPassesAsABearerTokenUnderTheSameRules() {
        for (String path : List.of("/metrics", "/metrics/prometheus", "/pool")) {
            assertThat(withAuthorization(path, "Bearer " + KEY).status()).as(path).isEqualTo(200);
            assertThat(withAuthorization(path, "bearer " + KEY).status()).as("scheme is case-insensitive").isEqualTo(200);
            assertThat(withAuthorization(path, "Bearer  " + KEY).status()).as("1*SP after the scheme").isEqualTo(200);
            Http.Response wrong = withAuthorization(path, "Bearer " + KEY + "x");
            NodeApiTest.assertError(wrong, 401, "unauthorized", "bearer token in the Authorization header does not match");
            assertThat(wrong.header("WWW-Authenticate")).isEqualTo("Bearer");
            NodeApiTest.assertError(withAuthorization(path, "Bearer " + KEY.toUpperCase()), 401, "unauthorized", "does not match");
        }
        // Malformed: another scheme, no token, a token with spaces: refused, never taken as "no header".
        for (String malformed : List.of("Basic " + java.util.Base64.getEncoder().encodeToString(("u:" + KEY).getBytes()),
                "Bearer", "Bearer ", "Bearer " + KEY + " extra", KEY, "Token " + KEY)) {
            Http.Response refused = withAuthorization("/metrics", malformed);
            assertThat(refused.status()).as("Authorization: %s", malformed.replace(KEY, "<key>")).isEqualTo(401);
            NodeApiTest.assertError(refused, 401, "unauthorized", "must be exactly one 'Bearer <API key>'");
        }
        // A right X-Graph-API-Key does not excuse a wrong or malformed bearer token: every key presented must match.
        NodeApiTest.assertError(anonymous.withKey(KEY).send(anonymous.withKey(KEY).request("/metrics")
                .header("Authorization", "Bearer nope").GET().build()), 401, "unauthorized", "bearer token");
        NodeApiTest.assertError(anonymous.withKey("nope").send(anonymous.withKey("nope").request("/metrics")
                .header("Authorization", "Bearer " + KEY).GET().build()), 401, "unauthorized", "X-Graph-API-Key header does not match");
        assertThat(anonymous.withKey(KEY).send(anonymous.withKey(KEY).request("/metrics")
                .header("Authorization", "Bearer " + KEY).GET().build()).status()).isEqualTo(200);
        NodeApiTest.assertError(anonymous.get("/metrics"), 401, "unauthorized", "Authorization: Bearer <API key>");
        node.stop();
        logs.list.forEach(event -> assertThat(event.getFormattedMessage()).doesNotContain(KEY));
        assertThat(logs.list).anyMatch(event -> event.getFormattedMessage().contains("a malformed Authorization header"));
    }

    private Http.Response withAuthorization(String path, String authorization) {
        return anonymous.send(anonymous.request(path).header("Authorization", authorization).GET().build());
    }

    /** The route list comes from the node itself (its 404 names every endpoint), so a new route is covered too. */
    @Test
    void everyRouteTheNodeNamesNeedsTheKeyOnEveryMethod() {
        String detail = anonymous.withKey(KEY).get("/no-such-route").json().get("detail").asText();
        java.util.regex.Matcher listed = java.util.regex.Pattern.compile("(/[a-z{}/]+)").matcher(
                detail.substring(detail.indexOf("the endpoints are")));
        List<String> routes = new java.util.ArrayList<>();
        while (listed.find()) {
            routes.add(listed.group(1).replaceAll("\\{[a-z]+\\}", "people"));
        }
        assertThat(routes).contains("/health", "/metrics", "/databases/people/query").hasSizeGreaterThanOrEqualTo(7);
        for (String route : routes) {
            for (String method : List.of("GET", "POST", "PUT", "DELETE")) {
                java.net.http.HttpRequest.Builder request = anonymous.request(route)
                        .method(method, java.net.http.HttpRequest.BodyPublishers.ofString("{\"cypher\": \"RETURN 1\"}"));
                int status = anonymous.send(request.build()).status();
                if (route.equals("/health")) {
                    assertThat(status).as(method + " " + route).isNotEqualTo(401);
                } else {
                    assertThat(status).as(method + " " + route + " without a key").isEqualTo(401);
                    int wrong = anonymous.withKey(KEY.toUpperCase()).send(anonymous.withKey(KEY.toUpperCase()).request(route)
                            .method(method, java.net.http.HttpRequest.BodyPublishers.noBody()).build()).status();
                    assertThat(wrong).as(method + " " + route + " with a wrong key").isEqualTo(401);
                }
            }
        }
    }

    @Test
    void theKeyNeverAppearsInAnswersLogsOrSettings() {
        Http keyed = anonymous.withKey(KEY);
        List<Http.Response> answers = List.of(anonymous.get("/metrics"), anonymous.withKey("wrong").get("/pool"),
                keyed.get("/metrics"), keyed.get("/metrics/prometheus"), keyed.query("people", "RETURN $k", 
                        java.util.Map.of("k", 1)), keyed.query("people", "MATCH (x:Nope) RETURN x"), keyed.get("/health"));
        for (Http.Response answer : answers) {
            assertThat(answer.body()).doesNotContain(KEY);
            answer.headers().map().values().forEach(values -> assertThat(values.toString()).doesNotContain(KEY));
        }
        node.stop();
        assertThat(logs.list).isNotEmpty();
        logs.list.forEach(event -> assertThat(event.getFormattedMessage()).doesNotContain(KEY));
        assertThat(node.settings().toString()).doesNotContain(KEY).contains("apiKey=(set)");
    }
}
