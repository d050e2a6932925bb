package dev.graphfleet.bench.attach;

import dev.graphfleet.bench.harness.BenchPools;
import dev.graphfleet.graph.GraphEngines;
import dev.graphfleet.pool.GraphPool;
import dev.graphfleet.pool.MonotonicClock;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * A repository database of about a given size: Fact nodes with a concept, a value and a 200-character
 * pseudo-random payload (so the file is as large on disk as in bytes to move), bulk-loaded by COPY.
 */
final class GeneratedRepository {

    /** What one row costs on disk, measured on Kùzu 0.11.2: the row count aims at the size asked for. */
    private static final int BYTES_PER_ROW = 310;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private GeneratedRepository() {
    }

    /** Builds {@code dir/repo.kuzu} of about {@code bytes}; returns its path. */
    static Path generate(Path dir, long bytes) throws IOException {
        long rows = Math.max(1_000, bytes / BYTES_PER_ROW);
        Path csv = Files.createDirectories(dir).resolve("facts.csv");
        SplittableRandom random = new SplittableRandom(7);
        char[] payload = new char[200];
        try (BufferedWriter out = Files.newBufferedWriter(csv)) {
            for (long i = 1; i <= rows; i++) {
                for (int c = 0; c < payload.length; c++) {
                    payload[c] = HEX[random.nextInt(16)];
                }
                out.write(i + ",us-gaap:Revenue-" + (i % 997) + "," + (i * 1.5) + ",");
                out.write(payload);
                out.write('\n');
            }
        }
        try (GraphPool writer = BenchPools.writer(GraphEngines.load(), dir,
                BenchPools.smallDefaults(1).withBufferPoolBytes(1024L << 20), BenchPools.manualMaintenance(),
                MonotonicClock.SYSTEM)) {
            writer.query("repo", "CREATE NODE TABLE Fact(id INT64, concept STRING, value DOUBLE, payload STRING, "
                    + "PRIMARY KEY(id))");
            writer.query("repo", "COPY Fact FROM '" + csv + "' (header=false)");
            writer.forceCleanup("repo");
        }
        Files.delete(csv);
        return dir.resolve("repo.kuzu");
    }
}
