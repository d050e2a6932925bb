package dev.graphfleet.node.statement;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.graphfleet.pool.GraphPool;
import dev.graphfleet.testing.CypherFuzz;
import dev.graphfleet.testing.ServedNode;
import dev.graphfleet.testing.cli.Databases;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fuzz campaign: generated queries ({@link CypherFuzz}) sent over HTTP to a real node in a child
 * JVM whose threads have 4 MiB stacks (an eighth of the node's query threads), asserting it never
 * dies: after every batch the process is alive and {@code /health} answers 200. A refused form that
 * the node answered 200 is a bypass. A short run in every build on a fixed seed, a long one in
 * {@code -Psoak} on a new seed it prints; a failure shows the seed, the statement's index and the batch.
 */
class QueryFuzzCampaignTest {

    private static final int BATCH = 25;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** Fixed, so a build never goes red at random: a slower machine runs a prefix of the same sequence. */
    private static final long SHORT_SEED = 20_261_207L;

    @Test
    void aShortCampaignNeverKillsTheNode() throws Exception {
        campaign(Duration.ofSeconds(40), SHORT_SEED);
    }

    /** A new seed each run, to look where no run has; {@code -Dfuzz.seed=N} replays one. */
    @Test
    @Tag("soak")
    void aLongCampaignNeverKillsTheNode() throws Exception {
        campaign(Duration.ofSeconds(Long.getLong("fuzz.seconds", 1_200)),
                Long.getLong("fuzz.seed", new java.security.SecureRandom().nextLong()));
    }

    private void campaign(Duration length, long seed) throws Exception {
        System.out.printf("fuzz campaign: seed %d (replay with -Dfuzz.seed=%d)%n", seed, seed);
        java.util.Iterator<CypherFuzz.Query> generator = CypherFuzz.queries(CypherTokenizer.engineWhitespace()).samples(seed).iterator();
        Path dataDir = dir.resolve("data");
        try (GraphPool pool = Databases.writer(dataDir, 1)) {
            pool.query("db", "CREATE NODE TABLE N(id INT64, name STRING, PRIMARY KEY(id))");
            pool.query("db", "CREATE REL TABLE E(FROM N TO N)");
            pool.query("db", "UNWIND range(1, 50) AS i CREATE (:N {id: i, name: 'n' + CAST(i AS STRING)})");
            pool.query("db", "MATCH (a:N), (b:N) WHERE b.id = a.id + 1 CREATE (a)-[:E]->(b)");
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Map<String, Integer> answers = new TreeMap<>();
        long generated = 0;
        long bypasses = 0;
        long slowestMillis = 0;
        long deadline = System.nanoTime() + length.toNanos();
        try (ServedNode node = ServedNode.start(dataDir, "4m")) {
            URI query = URI.create(node.uri() + "/databases/db/query");
            while (System.nanoTime() < deadline) {
                List<String> batch = new ArrayList<>();
                for (int i = 0; i < BATCH; i++) {
                    CypherFuzz.Query next = generator.next();
                    batch.add(next.cypher());
                    generated++;
                    long started = System.nanoTime();
                    HttpResponse<String> answer;
                    try {
                        answer = client.send(HttpRequest.newBuilder(query).timeout(Duration.ofSeconds(60))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("cypher", next.cypher()))))
                                .build(), HttpResponse.BodyHandlers.ofString());
                    } catch (java.io.IOException e) {
                        throw new AssertionError(failure("no answer (" + e + ")", batch, seed, generated, node), e);
                    }
                    slowestMillis = Math.max(slowestMillis, (System.nanoTime() - started) / 1_000_000);
                    answers.merge(answer.statusCode() + " " + errorOf(answer), 1, Integer::sum);
                    if (next.mustBeRefused() && answer.statusCode() == 200) {
                        bypasses++;
                        throw new AssertionError(failure("bypass: answered 200", List.of(next.cypher()), seed, generated, node));
                    }
                }
                assertThat(node.isAlive()).as(failure("the node died", batch, seed, generated, node)).isTrue();
                HttpResponse<String> health = client.send(HttpRequest.newBuilder(node.uri().resolve("/health"))
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(health.statusCode()).as(failure("/health", batch, seed, generated, node)).isEqualTo(200);
            }
            assertThat(node.isAlive()).isTrue();
        }
        System.out.printf("fuzz campaign (%d s, seed %d): %d statements generated, 0 crashes, %d bypasses, slowest "
                + "answer %d ms, answers %s%n", length.toSeconds(), seed, generated, bypasses, slowestMillis, answers);
        assertThat(generated).isGreaterThan(BATCH);
    }

    private static String errorOf(HttpResponse<String> answer) {
        if (answer.statusCode() == 200) {
            return "ok";
        }
        try {
            return JSON.readTree(answer.body()).path("error").asText("?");
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    private static String failure(String what, List<String> batch, long seed, long generated, ServedNode node) {
        StringBuilder text = new StringBuilder(what + " (exit " + node.exitCode() + ") at statement " + generated
                + " of seed " + seed + " (-Dfuzz.seed=" + seed + "); the batch:\n");
        for (String cypher : batch) {
            String shown = shown(cypher);
            text.append("  ").append(shown.length() > 300 ? shown.substring(0, 300) + "..." : shown).append('\n');
        }
        String output = node.output();
        return text.append("node output (end):\n").append(output.substring(Math.max(0, output.length() - 3_000))).toString();
    }

    /** The statement with everything outside printable ASCII escaped, for a readable failure message. */
    private static String shown(String text) {
        StringBuilder shown = new StringBuilder();
        text.chars().forEach(c -> shown.append(c >= 32 && c < 127 ? String.valueOf((char) c) : String.format("\\u%04x", c)));
        return shown.toString();
    }
}
