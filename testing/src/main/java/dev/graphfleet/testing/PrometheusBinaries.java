package dev.graphfleet.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the real {@code prometheus} and {@code promtool} are (the Debian package {@code prometheus},
 * which {@code .ci/run} installs). Off CI a missing binary skips the test; in CI ({@code CI} set) it fails it.
 */
public final class PrometheusBinaries {

    public static final Path PROMETHEUS = Path.of("/usr/bin/prometheus");
    public static final Path PROMTOOL = Path.of("/usr/bin/promtool");

    private PrometheusBinaries() {
    }

    /** Fails in CI, skips elsewhere, when the binary is not installed. */
    public static Path require(Path binary) {
        boolean ci = System.getenv("CI") != null && !System.getenv("CI").isBlank();
        if (ci) {
            assertThat(Files.isExecutable(binary)).as(binary + " in CI (.ci/run installs the prometheus package)").isTrue();
        }
        assumeTrue(Files.isExecutable(binary), binary + " is not installed (apt-get install prometheus)");
        return binary;
    }
}
