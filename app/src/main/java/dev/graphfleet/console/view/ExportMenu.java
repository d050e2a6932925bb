package dev.graphfleet.console.view;

import dev.graphfleet.console.viewmodel.CsvTable;
import dev.graphfleet.console.viewmodel.ExportViewModel;
import dev.graphfleet.console.viewmodel.Gauge;
import java.io.File;
import java.nio.IntBuffer;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyCodeCombination;
import javafx.stage.FileChooser;

/**
 * Export ▾ in the header: each table of the view on screen as CSV (Shortcut+E: the first one), and the
 * view as PNG (Shortcut+Shift+E), each to a file chosen in a save dialog.
 */
final class ExportMenu extends MenuButton {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final ExportViewModel model;
    private final Supplier<Node> currentView;
    private final Supplier<String> currentName;

    ExportMenu(ExportViewModel model, Supplier<Node> currentView, Supplier<String> currentName) {
        super("Export");
        this.model = model;
        this.currentView = currentView;
        this.currentName = currentName;
        setId("export-menu");
        // the items depend on the tables of the view on screen: built when the menu opens
        setOnShowing(e -> getItems().setAll(items()));
        getItems().setAll(items());
    }

    private List<MenuItem> items() {
        List<MenuItem> items = new ArrayList<>();
        List<TableView<?>> tables = tables(currentView.get());
        for (int i = 0; i < tables.size(); i++) {
            TableView<?> table = tables.get(i);
            MenuItem item = new MenuItem(describe(table) + " as CSV…");
            item.setId("export-csv-" + i);
            if (i == 0) {
                item.setAccelerator(new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN));
            }
            item.setOnAction(e -> chooseAndExportCsv(table));
            items.add(item);
        }
        if (!items.isEmpty()) {
            items.add(new SeparatorMenuItem());
        }
        MenuItem png = new MenuItem("View as PNG…");
        png.setId("export-png");
        png.setAccelerator(new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        png.setOnAction(e -> chooseAndExportPng());
        items.add(png);
        return items;
    }

    private void chooseAndExportCsv(TableView<?> table) {
        File file = choose(describe(table).toLowerCase(Locale.ROOT).replace(' ', '-'), "CSV", "*.csv");
        if (file != null) {
            model.csv(file, describe(table), table(table));
        }
    }

    private void chooseAndExportPng() {
        File file = choose("view", "PNG image", "*.png");
        if (file != null) {
            exportPng(model, currentView.get(), currentName.get() + " view", file);
        }
    }

    private File choose(String what, String kind, String pattern) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export " + currentName.get() + " " + what);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind, pattern));
        chooser.setInitialFileName("graphfleet-" + currentName.get().toLowerCase(Locale.ROOT).replace(' ', '-') + "-"
                + what + "-" + STAMP.format(LocalDateTime.now()) + pattern.substring(1));
        return chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
    }

    /** The tables in {@code view}, in scene order. */
    static List<TableView<?>> tables(Node view) {
        List<TableView<?>> out = new ArrayList<>();
        if (view != null) {
            view.lookupAll(".table-view").forEach(n -> out.add((TableView<?>) n));
        }
        return out;
    }

    /** "Volumes table" from the id {@code volumes-table}. */
    static String describe(TableView<?> table) {
        String id = table.getId() == null ? "table" : table.getId().replace('-', ' ');
        return Character.toUpperCase(id.charAt(0)) + id.substring(1);
    }

    /** What the table shows: its visible columns' titles and every row's cell texts (bars as their text). */
    static <R> CsvTable table(TableView<R> table) {
        List<TableColumn<R, ?>> columns = table.getVisibleLeafColumns();
        List<String> headers = columns.stream().map(TableColumn::getText).toList();
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < table.getItems().size(); i++) {
            List<String> row = new ArrayList<>();
            for (TableColumn<R, ?> column : columns) {
                Object value = column.getCellData(i);
                row.add(value == null ? "" : value instanceof Gauge g ? g.text() : value.toString());
            }
            rows.add(row);
        }
        return new CsvTable(headers, rows);
    }

    /** A snapshot of {@code view} as PNG. */
    static boolean exportPng(ExportViewModel model, Node view, String what, File file) {
        WritableImage image = view.snapshot(null, null);
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] argb = new int[w * h];
        image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), IntBuffer.wrap(argb), w);
        return model.png(file, what, w, h, argb);
    }
}
