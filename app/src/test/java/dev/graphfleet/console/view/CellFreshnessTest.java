package dev.graphfleet.console.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.graphfleet.console.testing.ConsoleHarness;
import dev.graphfleet.console.testing.Fleets;
import dev.graphfleet.console.testing.NodeServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What the tables draw, read from the rendered scene (not the model): a value that changes in place
 * across refreshes, and rows after a resize with a row selected. Issue 15: the Attachments view kept
 * showing sec v1 after a snapshot moved both replicas to v2; after a resize some rows stayed at the old
 * column positions with a frozen uptime.
 */
class CellFreshnessTest {

    private NodeServer master;
    private NodeServer replicaA;
    private NodeServer replicaB;
    private ConsoleHarness console;

    @BeforeEach
    void fleet() throws Exception {
        master = NodeServer.start(Fleets.master().attachmentVersion("sec", "v1"));
        replicaA = NodeServer.start(Fleets.replica("replica-a").attachmentVersion("sec", "v1"));
        replicaB = NodeServer.start(Fleets.replica("replica-b").attachmentVersion("sec", "v1"));
        console = ConsoleHarness.open(List.of(master, replicaA, replicaB), List.of(), false);
        console.openTab("fleet"); // the Overview is the first view; these cases read the Fleet table
    }

    @AfterEach
    void close() throws Exception {
        console.close();
    }

    @Test
    void attachmentsDrawTheVersionEachRefreshBrings() throws Exception {
        console.openTab("attachments");
        for (String version : List.of("v1", "v2", "v1", "v2")) {
            for (NodeServer node : List.of(master, replicaA, replicaB)) {
                node.serve(node.document().attachmentVersion("sec", version));
            }
            console.refresh();
            console.screenshot("attachments-version-" + version);

            assertThat(drawn(table("attachments-table"), "col-version")).as("version cells after moving to " + version)
                    .containsExactly(version, version, version);
        }
    }

    @Test
    void fleetDrawsTheVersionAndUptimeEachRefreshBrings() throws Exception {
        for (String version : List.of("v1", "v2", "v1")) {
            long uptime = version.equals("v2") ? 60 : 7 * 3600;
            for (NodeServer node : List.of(master, replicaA, replicaB)) {
                node.serve(node.document().attachmentVersion("sec", version).uptime(uptime));
            }
            console.refresh();
            console.screenshot("fleet-version-" + version);

            TableView<?> instances = table("instance-table");
            assertThat(drawn(instances, "col-version")).as("version cells after moving to " + version)
                    .containsExactly("sec@" + version, "sec@" + version, "sec@" + version);
            assertThat(drawn(instances, "col-uptime")).as("uptime cells")
                    .containsOnly(version.equals("v2") ? "1 min" : "7 h 00 min");
        }
    }

    @Test
    void aResizeWithARowSelectedKeepsEveryRowInLineWithTheHeaders() throws Exception {
        resize(1600, 1000);
        console.refresh();
        TableView<?> instances = table("instance-table");
        WaitForAsyncUtils.asyncFx(() -> instances.getSelectionModel().select(1)).get(10, TimeUnit.SECONDS);
        console.refresh();
        assertInLine(instances);

        resize(1024, 700);
        for (NodeServer node : List.of(master, replicaA, replicaB)) {
            node.serve(node.document().uptime(2 * 3600));
        }
        console.refresh();
        console.screenshot("fleet-resized-1024x700");

        assertInLine(instances);
        assertThat(drawn(instances, "col-uptime")).as("uptime after the resize").containsOnly("2 h 00 min");

        console.openTab("volumes");
        resize(1600, 1000);
        TableView<?> volumes = table("volumes-table");
        WaitForAsyncUtils.asyncFx(() -> volumes.getSelectionModel().select(0)).get(10, TimeUnit.SECONDS);
        console.refresh();
        resize(1024, 700);
        console.refresh();
        console.screenshot("volumes-resized-1024x700");
        assertInLine(volumes);
    }

    private void resize(double width, double height) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            Window window = console.scene().getWindow();
            // at the screen's corner: Monocle's headless painter overflows for a window past the screen's edge
            window.setX(0);
            window.setY(0);
            window.setWidth(width);
            window.setHeight(height);
        }).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        console.screenshot("resize-" + (int) width + "x" + (int) height);
        assertThat(console.scene().getWidth()).as("scene width").isEqualTo(width, within(40.0));
    }

    private TableView<?> table(String id) {
        return console.find("#" + id, TableView.class);
    }

    /** The texts the rows of {@code table} draw in column {@code columnId}, top to bottom. */
    private List<String> drawn(TableView<?> table, String columnId) {
        return WaitForAsyncUtils.waitForAsyncFx(10_000, () -> {
            Map<Double, String> byY = new TreeMap<>();
            for (TableRow<?> row : rows(table)) {
                if (row.isEmpty() || row.getItem() == null || !row.isVisible()) {
                    continue;
                }
                for (TableCell<?, ?> cell : cells(row)) {
                    if (columnId.equals(cell.getTableColumn().getId()) && cell.isVisible()) {
                        byY.put(row.localToScene(0, 0).getY(), drawnText(cell));
                    }
                }
            }
            return new ArrayList<>(byY.values());
        });
    }

    /** Every row (the filler rows too) has each cell under its column's header, as wide as the header. */
    private void assertInLine(TableView<?> table) {
        List<String> problems = WaitForAsyncUtils.waitForAsyncFx(10_000, () -> {
            List<String> out = new ArrayList<>();
            Map<Object, Bounds> headers = new java.util.HashMap<>();
            for (Node n : table.lookupAll(".column-header")) {
                if (n instanceof TableColumnHeader h && h.getTableColumn() != null && h.isVisible()) {
                    headers.put(h.getTableColumn(), h.localToScene(h.getLayoutBounds()));
                }
            }
            Bounds tableBounds = table.localToScene(table.getLayoutBounds());
            int checked = 0;
            for (TableRow<?> row : rows(table)) {
                Bounds rowBounds = row.localToScene(row.getLayoutBounds());
                if (!row.isVisible() || rowBounds.getMinY() >= tableBounds.getMaxY()) {
                    continue;
                }
                for (TableCell<?, ?> cell : cells(row)) {
                    Bounds header = headers.get(cell.getTableColumn());
                    if (header == null || !cell.isVisible()) {
                        continue;
                    }
                    Bounds at = cell.localToScene(cell.getLayoutBounds());
                    checked++;
                    if (Math.abs(at.getMinX() - header.getMinX()) > 1 || Math.abs(at.getWidth() - header.getWidth()) > 1) {
                        out.add(String.format("row %d (%s) column %s: cell x=%.0f w=%.0f, header x=%.0f w=%.0f",
                                row.getIndex(), row.isEmpty() ? "filler" : "item", cell.getTableColumn().getText(),
                                at.getMinX(), at.getWidth(), header.getMinX(), header.getWidth()));
                    }
                }
            }
            if (checked == 0) {
                out.add("no cell checked");
            }
            return out;
        });
        assertThat(problems).as("cells out of line with their headers in " + table.getId()).isEmpty();
    }

    private static List<TableRow<?>> rows(TableView<?> table) {
        List<TableRow<?>> out = new ArrayList<>();
        for (Node n : table.lookupAll(".table-row-cell")) {
            if (n instanceof TableRow<?> row) {
                out.add(row);
            }
        }
        return out;
    }

    private static List<TableCell<?, ?>> cells(TableRow<?> row) {
        List<TableCell<?, ?>> out = new ArrayList<>();
        for (Node n : row.getChildrenUnmodifiable()) {
            if (n instanceof TableCell<?, ?> cell) {
                out.add(cell);
            }
        }
        return out;
    }

    /** The text a cell's skin draws (its Text node), not the cell's text property. */
    private static String drawnText(TableCell<?, ?> cell) {
        for (Node n : cell.lookupAll(".text")) {
            if (n instanceof javafx.scene.text.Text text && text.isVisible()) {
                return text.getText();
            }
        }
        return "";
    }
}
