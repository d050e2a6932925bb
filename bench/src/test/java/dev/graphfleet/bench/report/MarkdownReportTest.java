package dev.graphfleet.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphfleet.bench.results.Curve;
import dev.graphfleet.bench.results.Goal;
import dev.graphfleet.bench.results.Hotspot;
import dev.graphfleet.bench.results.Results;
import dev.graphfleet.bench.results.Section;
import dev.graphfleet.bench.results.Table;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarkdownReportTest {

    private static final Results.Machine MACHINE = new Results.Machine("Test CPU", 2, 1024, "Linux", "JDK 17",
            "Kùzu 0.11.2", 0.5);

    @TempDir
    Path dir;

    @Test
    void everyGoalIsListedWithItsVerdictAndAMissedOneWithItsProfile() {
        Goal met = Goal.atLeast("pooled ≥ 0.97 × direct", "0.99", 0.99, 0.97, "× direct", "direct", 0.99);
        Goal missed = Goal.atMost("p99 ≤ 10 ms", "p99 12 ms", 12, 10, "ms", "quiet p99", 1.5);
        Section section = new Section("metrics", "/metrics", "workload", Map.of("files", "100"),
                List.of(Table.builder("latency", "case", "p99").row("quiet", "8").build()), List.of(met, missed),
                List.of(new Curve("metrics-files", "t", "x", "y", false, false, List.of())), List.of("a note"),
                List.of(new Hotspot("Foo.bar", 0.42, "top frame")), 12, "2026-11-22T00:00:00Z", false);

        String md = MarkdownReport.render(new Results(MACHINE, "now", false, "./graphfleet bench", 100,
                List.of(section)));

        assertThat(md).startsWith("<!-- GENERATED");
        assertThat(md).contains("| /metrics | pooled ≥ 0.97 × direct | 0.99 | 0.990 ≥ 0.970 × direct |");
        assertThat(md).contains("**met**").contains("**MISSED**");
        assertThat(md).contains("**Goal missed: JFR profile of this run**").contains("| top frame | `Foo.bar` | 42.0 % |");
        assertThat(md).contains("![t](benchmarks/metrics-files.png)").contains("| quiet | 8 |").contains("Test CPU, 2 cores");
        assertThat(md).doesNotContain("QUICK RUN");
    }

    @Test
    void aQuickRunSaysSoAtTheTop() {
        Section quick = new Section("volume", "Volume", "w", Map.of(), List.of(), List.of(), List.of(), List.of(),
                null, 1, "t", true);
        assertThat(MarkdownReport.render(new Results(MACHINE, "now", true, "./graphfleet bench --quick", 1,
                List.of(quick)))).contains("**QUICK RUN**");
    }

    @Test
    void aCurveBecomesAPngOfTheChartSize() throws Exception {
        Curve curve = new Curve("c", "title", "threads", "q/s", true, false, List.of(
                new Curve.Series("a", List.of(new Curve.Point(1, 10, 9, 11), new Curve.Point(16, 20, 18, 22))),
                new Curve.Series("b", List.of(Curve.Point.exact(1, 5), Curve.Point.exact(16, 7)))));
        Path png = dir.resolve("c.png");

        LineChart.write(curve, png);

        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(760);
        assertThat(image.getHeight()).isEqualTo(440);
    }
}
