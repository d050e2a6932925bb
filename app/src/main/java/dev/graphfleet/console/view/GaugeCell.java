package dev.graphfleet.console.view;

import dev.graphfleet.console.viewmodel.Gauge;
import javafx.scene.control.TableCell;

/** A table cell drawing a {@link Gauge} as a bar, with optional threshold markers. */
final class GaugeCell<R> extends TableCell<R, Gauge> {

    private final UsageBar bar;
    private final double[] thresholds;

    GaugeCell(double... thresholds) {
        this.thresholds = thresholds;
        this.bar = new UsageBar(thresholds.length);
    }

    @Override
    protected void updateItem(Gauge item, boolean empty) {
        super.updateItem(item, empty);
        if (empty || item == null) {
            setGraphic(null);
        } else {
            bar.set(item.fraction(), item.level(), item.text(), thresholds);
            setGraphic(bar);
        }
    }
}
