package dev.graphfleet.console.view;

import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;

/**
 * A table row whose cells lay themselves out. The tables have a fixed cell size and column widths
 * that do not follow the content, so a cell's new text cannot change its row; yet a managed cell
 * asks its row for a new layout on every text change, and a row needing layout makes the table's
 * VirtualFlow re-lay out every visible row and redo their CSS ({@code applyCss} per changed row):
 * most of the FX thread's work per refresh. An unmanaged cell is its own layout root, so a refresh
 * lays out only the cells whose content changed. The row still sizes and places every cell.
 */
final class QuietRow<R> extends TableRow<R> {

    QuietRow() {
        getChildren().addListener((ListChangeListener<Node>) change -> {
            while (change.next()) {
                for (Node added : change.getAddedSubList()) {
                    if (added instanceof TableCell<?, ?>) {
                        added.setManaged(false);
                    }
                }
            }
        });
    }
}
