package dev.graphfleet.console.viewmodel;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * What one row shows, as one immutable texts value prepared off the FX thread, and the columns a cell
 * or a caller asked for ({@link RowValue}), made on first request. Showing new texts is one assignment
 * for a row no cell shows: at 10,000 rows a refresh that changes every row no longer sets every
 * property of every row, only those of the few rows on screen, and only the columns that changed.
 *
 * @param <T> the row's texts
 */
final class RowValues<T> {

    private final Object bean;
    private T shown;
    /** The columns asked for so far (a handful at most): null until the first. */
    private List<RowValue<T, ?>> columns;
    /** How many of them have listeners: none for a row off screen, which then costs one assignment. */
    private int listened;

    RowValues(Object bean) {
        this.bean = bean;
    }

    /** On the FX thread: shows {@code now}; the columns someone listens to fire if their value changed. */
    void show(T now) {
        T was = shown;
        if (now == was) {
            return;
        }
        shown = now;
        if (listened > 0) {
            for (RowValue<T, ?> column : columns) {
                column.moved(was, now);
            }
        }
    }

    /** A column got its first listener (+1) or lost its last (-1). */
    void listened(int change) {
        listened += change;
    }

    T shown() {
        return shown;
    }

    Object bean() {
        return bean;
    }

    /** The column {@code name} of this row, the same object on every call: {@code field} reads it from the texts. */
    @SuppressWarnings("unchecked")
    <V> RowValue<T, V> column(String name, Function<T, V> field) {
        if (columns == null) {
            columns = new ArrayList<>(4);
        }
        for (RowValue<T, ?> column : columns) {
            if (column.getName().equals(name)) {
                return (RowValue<T, V>) column;
            }
        }
        RowValue<T, V> column = new RowValue<>(this, name, field);
        columns.add(column);
        return column;
    }
}
