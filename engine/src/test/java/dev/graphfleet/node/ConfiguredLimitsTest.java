package dev.graphfleet.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphfleet.config.GraphfleetConfig;
import dev.graphfleet.pool.GraphPool;
import dev.graphfleet.testing.Http;
import dev.graphfleet.testing.engine.TestPools;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tier's max_db_size_mb and checkpoint thresholds reach the engine of a node started from config. */
class ConfiguredLimitsTest {

    @TempDir
    Path dir;

    private GraphfleetConfig writerConfig(int maxDbSizeMb) {
        return GraphfleetConfig.parse("""
                environment: local
                tiers:
                  writers:
                    instance:
                      max_memory_mb: 512
                      memory_per_db_mb: 256
                      max_db_size_mb: %d
                      checkpoint_threshold_mb: 7
                      checkpoint_threshold_mb_by_database: {big: 3}
                node:
                  id: writer-limits
                  type: writer
                  tier: writers
                  data_dir: %s
                  api: {host: 127.0.0.1, port: 0}
                  admission: {cpu_percent: 100, memory_percent: 100, ingestion_cpu_percent: 100}
                """.formatted(maxDbSizeMb, dir.resolve("data")));
    }

    @Test
    void theEngineOpensEachDatabaseWithTheTiersCheckpointThreshold() {
        seed("people", "big");
        try (ConfiguredNode node = ConfiguredNode.start(writerConfig(1024), Map.of())) {
            GraphPool pool = node.node().pool();
            assertThat(pool.query("people", "CALL current_setting('checkpoint_threshold') RETURN *"))
                    .isEqualTo(List.of(List.of(String.valueOf(7L << 20))));
            assertThat(pool.query("big", "CALL current_setting('checkpoint_threshold') RETURN *"))
                    .isEqualTo(List.of(List.of(String.valueOf(3L << 20))));
        }
    }

    @Test
    void aWritePastATinyMaxDatabaseSizeFailsWithAnErrorNamingTheKey() {
        seed("people");
        try (ConfiguredNode small = ConfiguredNode.start(writerConfig(16), Map.of())) {
            assertThat(small.node().settings().databases().maxDbSizeBytes()).isEqualTo(16L << 20);
            Http http = new Http(small.node().uri());
            Http.Response full = http.query("people", BULK_WRITE);
            assertThat(full.status()).as(full.body()).isEqualTo(500);
            assertThat(full.json().get("error").asText()).isEqualTo("engine_error");
            assertThat(full.json().get("detail").asText()).contains("maximum size").contains("max_db_size_mb");
        }
        // The same write fits the default size: the limit was the tiny one, not the write itself.
        try (ConfiguredNode roomy = ConfiguredNode.start(writerConfig(1 << 20), Map.of())) {
            Http.Response fits = new Http(roomy.node().uri()).query("people", BULK_WRITE.replace("T {", "U {"));
            assertThat(fits.status()).as(fits.body()).isEqualTo(200);
        }
    }

    /** 100,000 rows of ~60 bytes: about 20 MB of pages, past 16 MB. */
    private static final String BULK_WRITE = "UNWIND range(1, 100000) AS i CREATE (:T {id: i, s: "
            + "'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx' + CAST(i AS STRING)})";

    private void seed(String... databases) {
        try (GraphPool pool = TestPools.writer(dir.resolve("data"), 1)) {
            for (String database : databases) {
                pool.query(database, "CREATE NODE TABLE T(id INT64, s STRING, PRIMARY KEY(id))");
                pool.query(database, "CREATE NODE TABLE U(id INT64, s STRING, PRIMARY KEY(id))");
            }
        }
    }
}
