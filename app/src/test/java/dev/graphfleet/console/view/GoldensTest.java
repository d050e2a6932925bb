package dev.graphfleet.console.view;

import static dev.graphfleet.console.testing.NodeDocument.gib;
import static org.assertj.core.api.Assertions.assertThat;

import dev.graphfleet.console.testing.ConsoleHarness;
import dev.graphfleet.console.testing.Fleets;
import dev.graphfleet.console.testing.Goldens;
import dev.graphfleet.console.testing.NodeServer;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableCell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The goldens see what matters (issue 15): erasing a replica's red over-budget segment and its "over
 * budget" label, or changing one figure, fails; anti-aliasing-sized differences pass.
 */
class GoldensTest {

    private ConsoleHarness console;

    @AfterEach
    void close() throws Exception {
        if (console != null) {
            console.close();
        }
    }

    private void openOverBudget() throws Exception {
        var replica = Fleets.replica("replica-a").bufferPool(gib(10), Map.of("sec", gib(10)), gib(6.8));
        console = ConsoleHarness.open(List.of(NodeServer.start(Fleets.writer()), NodeServer.start(replica)), List.of(),
                false);
        console.openTab("buffer-pools");
        console.refresh();
    }

    @Test
    void erasingTheOverBudgetSegmentAndItsLabelFails() throws Exception {
        openOverBudget();
        assertThat(Goldens.differences(console.scene(), console.screenshot("goldens-untouched"), "memory-over-budget"))
                .as("the view as approved").isEmpty();

        WaitForAsyncUtils.asyncFx(() -> {
            console.robot().lookup(".mem-over").queryAll().forEach(n -> n.setVisible(false));
            console.robot().lookup(".mem-beyond-ram").queryAll().forEach(n -> n.setVisible(false));
            console.robot().lookup(".table-cell").queryAllAs(TableCell.class).stream()
                    .filter(c -> "over budget".equals(c.getText())).forEach(c -> c.setText(""));
        }).get(10, TimeUnit.SECONDS);
        List<String> problems = Goldens.differences(console.scene(), console.screenshot("goldens-erased"),
                "memory-over-budget");

        assertThat(problems).anyMatch(p -> p.startsWith("drawn no more: mem-beyond-ram"))
                .anyMatch(p -> p.startsWith("drawn no more: text") && p.endsWith("\"over budget\""));
    }

    @Test
    void oneChangedFigureFails() throws Exception {
        openOverBudget();
        WaitForAsyncUtils.asyncFx(() -> console.robot().lookup(".table-cell").queryAllAs(TableCell.class).stream()
                .filter(c -> "6.8 GiB".equals(c.getText())).findFirst().orElseThrow().setText("6.9 GiB"))
                .get(10, TimeUnit.SECONDS);

        assertThat(Goldens.differences(console.scene(), console.screenshot("goldens-one-figure"), "memory-over-budget"))
                .anyMatch(p -> p.startsWith("drawn now:") && p.endsWith("\"6.9 GiB\""));
    }

    @Test
    void antiAliasingSizedDifferencesPass() throws Exception {
        openOverBudget();
        BufferedImage png = console.screenshot("goldens-noise");
        // every channel of every pixel off by up to 16 (smoothing, gamma), and 100 pixels off entirely
        var random = new java.util.Random(15);
        for (int y = 0; y < png.getHeight(); y++) {
            for (int x = 0; x < png.getWidth(); x++) {
                int rgb = png.getRGB(x, y);
                int shift = random.nextInt(33) - 16;
                int r = clamp((rgb >> 16 & 0xff) + shift);
                int g = clamp((rgb >> 8 & 0xff) + shift);
                int b = clamp((rgb & 0xff) + shift);
                png.setRGB(x, y, 0xff000000 | r << 16 | g << 8 | b);
            }
        }
        for (int i = 0; i < 100; i++) {
            png.setRGB(random.nextInt(png.getWidth()), random.nextInt(png.getHeight() - 40), 0xffff00ff);
        }

        assertThat(Goldens.differences(console.scene(), png, "memory-over-budget")).isEmpty();
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

}
