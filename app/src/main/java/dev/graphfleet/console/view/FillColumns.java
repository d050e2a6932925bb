package dev.graphfleet.console.view;

import java.util.List;
import javafx.scene.control.ConstrainedColumnResizeBase;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.util.Callback;

/**
 * The tables' column resize policy: the visible columns fill the table's width in proportion to their
 * preferred widths (never below their minimum), whole pixels, the last column taking the remainder.
 *
 * <p>Why not JavaFX's constrained policies: they start from the columns' current widths, so the result
 * depends on the order of earlier layouts (a column shown after the data arrived, a theme change); the
 * same window showed columns a few pixels apart from run to run. Here the widths are a function of the
 * table's width and the preferred widths only. Dragging a column border moves preferred width from the
 * next column to the dragged one, so a user's resize survives every later layout.
 */
final class FillColumns extends ConstrainedColumnResizeBase
        implements Callback<TableView.ResizeFeatures, Boolean> {

    static final FillColumns POLICY = new FillColumns();

    private FillColumns() {
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public Boolean call(TableView.ResizeFeatures features) {
        List<? extends TableColumn<?, ?>> columns = features.getTable().getVisibleLeafColumns();
        if (columns.isEmpty()) {
            return false;
        }
        TableColumn<?, ?> dragged = features.getColumn();
        if (dragged != null && !moveBorder(columns, dragged, features.getDelta())) {
            return false;
        }
        double[] widths = widths(columns, Math.floor(features.getContentWidth()));
        for (int i = 0; i < columns.size(); i++) {
            features.setColumnWidth(columns.get(i), widths[i]);
        }
        return true;
    }

    /** Moves {@code delta} of preferred width from the column after {@code dragged} to it; false when it cannot. */
    private static boolean moveBorder(List<? extends TableColumn<?, ?>> columns, TableColumn<?, ?> dragged, double delta) {
        int index = columns.indexOf(dragged);
        if (index < 0 || index == columns.size() - 1 || delta == 0) {
            return false;
        }
        TableColumn<?, ?> next = columns.get(index + 1);
        double scale = dragged.getWidth() / Math.max(1, dragged.getPrefWidth());
        double prefDelta = delta / Math.max(scale, 0.01);
        double grown = Math.max(dragged.getMinWidth(), dragged.getPrefWidth() + prefDelta);
        double moved = grown - dragged.getPrefWidth();
        double shrunk = next.getPrefWidth() - moved;
        if (shrunk < next.getMinWidth()) {
            return false;
        }
        dragged.setPrefWidth(grown);
        next.setPrefWidth(shrunk);
        return true;
    }

    /** Whole-pixel widths that fill {@code available}: preferred widths scaled, minimums held, the remainder last. */
    static double[] widths(List<? extends TableColumn<?, ?>> columns, double available) {
        int n = columns.size();
        double[] widths = new double[n];
        double preferred = 0;
        for (TableColumn<?, ?> column : columns) {
            preferred += column.getPrefWidth();
        }
        double scale = preferred <= 0 ? 1 : available / preferred;
        double used = 0;
        for (int i = 0; i < n - 1; i++) {
            TableColumn<?, ?> column = columns.get(i);
            widths[i] = Math.max(column.getMinWidth(), Math.floor(column.getPrefWidth() * scale));
            used += widths[i];
        }
        widths[n - 1] = Math.max(columns.get(n - 1).getMinWidth(), available - used);
        return widths;
    }
}
