package dev.graphfleet.console.view;

import dev.graphfleet.console.viewmodel.Trend;
import javafx.geometry.Pos;
import javafx.scene.control.TableCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/** A table cell drawing a {@link Trend}: the gauge as a bar, its recent history as a sparkline beside it. */
final class TrendCell<R> extends TableCell<R, Trend> {

    private final UsageBar bar = new UsageBar(0);
    private final Sparkline spark = new Sparkline();
    private final HBox graphic = new HBox(6, bar, spark);

    TrendCell() {
        graphic.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(bar, Priority.ALWAYS);
        bar.setMaxWidth(Double.MAX_VALUE);
    }

    @Override
    protected void updateItem(Trend item, boolean empty) {
        super.updateItem(item, empty);
        if (empty || item == null) {
            setGraphic(null);
        } else {
            bar.set(item.gauge().fraction(), item.gauge().level(), item.gauge().text());
            spark.set(item.recent());
            setGraphic(graphic);
        }
    }
}
