package dev.graphfleet.console.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphfleet.console.testing.ConsoleHarness;
import dev.graphfleet.console.testing.Fleets;
import dev.graphfleet.console.testing.NodeServer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/** Issue 15's smaller items, each read from the rendered scene. */
class SmallFixesTest {

    private static final String LONG_MOUNT = "/mnt/graphfleet/volumes/customer-data-2";
    private ConsoleHarness console;

    @BeforeEach
    void open() throws Exception {
        var master = Fleets.master().attachmentVersion("sec", "v3")
                .attachment("industry", "attached", 1_000L, 1_000L, 1, null).attachmentVersion("industry", "v2");
        console = ConsoleHarness.open(List.of(NodeServer.start(Fleets.writer().volume(500, 210, LONG_MOUNT)),
                NodeServer.start(master), NodeServer.start(Fleets.replica("replica-a").attachmentVersion("sec", "v3")),
                NodeServer.start(Fleets.replica("replica-b").attachmentVersion("sec", "v3"))), List.of(), false);
        console.openTab("fleet"); // the Overview is the first view; these cases read the Fleet table
        console.refresh();
    }

    @AfterEach
    void close() throws Exception {
        console.close();
    }

    @Test
    void theSelectedRowsHealthyIsLegible() throws Exception {
        TableView<?> table = console.find("#instance-table", TableView.class);
        console.robot().clickOn(table); // focus in the table (the tab's header had it), as an operator's click
        WaitForAsyncUtils.asyncFx(() -> {
            table.requestFocus();
            table.getSelectionModel().select(1);
        }).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        console.screenshot("fleet-selected-row");

        double contrast = WaitForAsyncUtils.waitForAsyncFx(10_000, () -> {
            TableRow<?> row = console.robot().lookup(".table-row-cell").queryAllAs(TableRow.class).stream()
                    .filter(r -> r.isSelected() && r.getTableView() == table).findFirst().orElseThrow();
            TableCell<?, ?> health = row.getChildrenUnmodifiable().stream().filter(TableCell.class::isInstance)
                    .map(n -> (TableCell<?, ?>) n).filter(c -> "healthy".equals(c.getText())).findFirst().orElseThrow();
            Color text = (Color) drawn(health).getFill();
            var fills = row.getBackground().getFills();
            Color background = (Color) fills.get(fills.size() - 1).getFill();
            return contrast(text, background);
        });
        assertThat(contrast).as("WCAG AA for text: 4.5:1").isGreaterThanOrEqualTo(4.5);
    }

    @Test
    void theVersionColumnShowsEveryRepository() {
        assertThat(drawnTexts("instance-table", "col-version")).contains("industry@v2 sec@v3", "sec@v3");
    }

    @Test
    void theMountColumnShowsTheEndOfThePathAndVolumesHasAFilter() throws Exception {
        console.openTab("volumes");
        console.refresh();
        console.screenshot("volumes-long-mount");

        String mount = drawnTexts("volumes-table", "col-mount").stream().filter(t -> t.endsWith("data-2"))
                .findFirst().orElseThrow();
        assertThat(mount).as("cut at the start").startsWith("...").isNotEqualTo(LONG_MOUNT);
        assertThat(console.find("#volumes-filter", TextField.class)).isNotNull();

        console.robot().clickOn("#volumes-filter").write("replica");
        assertThat(console.find("#volumes-count", Label.class).getText()).isEqualTo("2 of 4");
    }

    @Test
    void aFilteredTableSaysHowManyRowsItShows() {
        assertThat(console.find("#fleet-count", Label.class).isVisible()).as("no filter, no count").isFalse();

        console.robot().clickOn("#fleet-filter").write("replica");

        Label count = console.find("#fleet-count", Label.class);
        assertThat(count.isVisible()).isTrue();
        assertThat(count.getText()).isEqualTo("2 of 4");
        console.screenshot("fleet-filtered-count");
    }

    private List<String> drawnTexts(String tableId, String columnId) {
        return WaitForAsyncUtils.waitForAsyncFx(10_000, () -> console.robot().lookup("#" + tableId + " .table-cell")
                .queryAllAs(TableCell.class).stream()
                .filter(c -> !c.isEmpty() && columnId.equals(c.getTableColumn().getId()))
                .map(c -> drawn(c).getText()).toList());
    }

    private static Text drawn(TableCell<?, ?> cell) {
        for (Node n : cell.lookupAll(".text")) {
            if (n instanceof Text t) {
                return t;
            }
        }
        throw new AssertionError("no text drawn in " + cell);
    }

    private static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    private static double linear(double v) {
        return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }
}
