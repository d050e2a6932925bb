package dev.graphfleet.console.viewmodel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Function;
import javafx.beans.property.Property;
import javafx.collections.ObservableList;

/**
 * Brings a list of rows up to date with new data without rebuilding it: a row whose key is still
 * there is updated in place (only the properties whose value changed fire), new keys get new rows,
 * gone keys are dropped. The list itself changes only when the keys or their order change, so a
 * steady fleet costs the table nothing but the cells whose text changed.
 */
final class RowSync {

    private RowSync() {
    }

    /**
     * @param rows   the observable rows, changed in place
     * @param items  the new data, in display order
     * @param key    an item's key
     * @param rowKey a row's key (the same as its item's)
     * @param create a row for an item not shown yet
     * @param update copies an item into its existing row
     */
    static <T, R> void sync(ObservableList<R> rows, List<T> items, Function<T, String> key, Function<R, String> rowKey,
                            Function<T, R> create, BiConsumer<R, T> update) {
        Map<String, R> existing = new HashMap<>(rows.size() * 2);
        for (R row : rows) {
            existing.put(rowKey.apply(row), row);
        }
        List<R> next = new ArrayList<>(items.size());
        for (T item : items) {
            R row = existing.remove(key.apply(item));
            if (row == null) {
                row = create.apply(item);
            } else {
                update.accept(row, item);
            }
            next.add(row);
        }
        if (!sameRows(rows, next)) {
            rows.setAll(next);
        }
    }

    /** Sets {@code property} only when the value really changes, so no listener fires for nothing. */
    static <V> void set(Property<V> property, V value) {
        if (!Objects.equals(property.getValue(), value)) {
            property.setValue(value);
        }
    }

    private static <R> boolean sameRows(List<R> rows, List<R> next) {
        if (rows.size() != next.size()) {
            return false;
        }
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i) != next.get(i)) {
                return false;
            }
        }
        return true;
    }
}
