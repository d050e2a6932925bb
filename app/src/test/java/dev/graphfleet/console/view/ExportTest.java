package dev.graphfleet.console.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphfleet.console.testing.ConsoleHarness;
import dev.graphfleet.console.testing.Fleets;
import dev.graphfleet.console.testing.NodeServer;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TableView;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/** Export: the table on screen as CSV and the view as PNG, through the view-model, to files in a temp folder. */
class ExportTest {

    @TempDir
    Path dir;

    private ConsoleHarness console;

    @AfterEach
    void close() throws Exception {
        if (console != null) {
            console.close();
        }
    }

    @Test
    void theVolumesTableExportsAsCsvWithUnitsInTheHeaders() throws Exception {
        console = ConsoleHarness.open(List.of(NodeServer.start(Fleets.writer()),
                NodeServer.start(Fleets.replica("replica-a").volume(500, 431, "/data"))), List.of(), false);
        console.openTab("volumes");
        console.refresh();
        Path file = dir.resolve("volumes.csv");

        boolean written = WaitForAsyncUtils.asyncFx(() -> {
            TableView<?> table = ExportMenu.tables(console.find("#volumes-view", Node.class)).get(0);
            return console.model().exports().csv(file.toFile(), ExportMenu.describe(table), ExportMenu.table(table));
        }).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(written).isTrue();
        List<String> lines = List.of(Files.readString(file, StandardCharsets.UTF_8).split("\r\n"));
        assertThat(lines.get(0)).isEqualTo("Node,Mount,Size (GB),Used (GB),Free (GB),Usage,Measured by,Modification,"
                + "Forecast,Status");
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).isEqualTo("replica-a,/data,500,431,69.0,86 % used,node,,collecting history (1 of 3),"
                + "over the 80 % expansion threshold: due to expand");
        assertThat(lines.get(2)).startsWith("writer-1,/mnt/lbug-data,500,210,290,42 % used,node,");
        assertThat(console.find("#export-outcome", Label.class).getText())
                .isEqualTo("Exported Volumes table (2 rows) to " + file);
    }

    @Test
    void theViewOnScreenExportsAsPng() throws Exception {
        console = ConsoleHarness.open(List.of(NodeServer.start(Fleets.writer())), List.of(), false);
        console.openTab("fleet"); // the Overview is the first view
        console.refresh();
        Path file = dir.resolve("fleet.png");

        Node view = console.find("#fleet-view", Node.class);
        boolean written = WaitForAsyncUtils.asyncFx(() ->
                ExportMenu.exportPng(console.model().exports(), view, "Fleet view", file.toFile()))
                .get(10, TimeUnit.SECONDS);

        assertThat(written).isTrue();
        BufferedImage png = ImageIO.read(file.toFile());
        assertThat(png.getWidth()).isEqualTo((int) Math.ceil(view.getLayoutBounds().getWidth()));
        assertThat(png.getHeight()).isEqualTo((int) Math.ceil(view.getLayoutBounds().getHeight()));
        assertThat(png.getRGB(png.getWidth() / 2, png.getHeight() - 5) & 0xffffff).as("painted, not blank")
                .isNotZero();
        assertThat(Files.list(dir)).as("no partial file left").containsExactly(file);
    }

    @Test
    void aFolderThatIsNotThereIsSaidAndNothingIsWritten() throws Exception {
        console = ConsoleHarness.open(List.of(NodeServer.start(Fleets.writer())), List.of(), false);
        console.openTab("fleet"); // the Overview is the first view
        console.refresh();
        Path file = dir.resolve("gone").resolve("fleet.csv");

        boolean written = WaitForAsyncUtils.asyncFx(() -> {
            TableView<?> table = ExportMenu.tables(console.find("#fleet-view", Node.class)).get(0);
            return console.model().exports().csv(file.toFile(), "Fleet table", ExportMenu.table(table));
        }).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(written).isFalse();
        assertThat(console.find("#export-outcome", Label.class).getText())
                .isEqualTo("Export to " + file + " failed: no folder " + file.getParent());
        assertThat(file.getParent()).doesNotExist();
    }

    @Test
    void theMenuOffersEveryTableOfTheViewAndThePicture() throws Exception {
        console = ConsoleHarness.open(List.of(NodeServer.start(Fleets.writer())), List.of(), false);
        console.openTab("fleet"); // the Overview is the first view
        console.refresh();
        MenuButton menu = console.find("#export-menu", MenuButton.class);
        console.robot().clickOn(menu);
        WaitForAsyncUtils.waitForFxEvents();
        List<String> items = menu.getItems().stream().map(i -> i.getText()).filter(t -> t != null).toList();
        console.robot().press(javafx.scene.input.KeyCode.ESCAPE).release(javafx.scene.input.KeyCode.ESCAPE);
        assertThat(items).contains("View as PNG…").anyMatch(t -> t.endsWith(" as CSV…"));
    }
}
