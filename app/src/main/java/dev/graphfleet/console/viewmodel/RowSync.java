package dev.graphfleet.console.viewmodel;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
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
        // after the loop below, what is left in here are the rows whose keys are gone
        for (R row : rows) {
            existing.put(rowKey.apply(row), row);
        }
        List<R> next = new ArrayList<>(items.size());
        Set<R> created = Collections.newSetFromMap(new IdentityHashMap<>());
        for (T item : items) {
            R row = existing.remove(key.apply(item));
            if (row == null) {
                row = create.apply(item);
                created.add(row);
            } else {
                update.accept(row, item);
            }
            next.add(row);
        }
        if (!sameRows(rows, next)) {
            edit(rows, next, existing.values(), created);
        }
    }

    /**
     * Turns {@code rows} into {@code next} by removing the gone rows and inserting the new ones
     * where they belong, so the table re-renders only what moved; {@code setAll} would make it
     * rebuild every visible cell (and redo their CSS). Falls back to {@code setAll} when surviving
     * rows changed order.
     */
    private static <R> void edit(ObservableList<R> rows, List<R> next, Collection<R> gone, Set<R> created) {
        if (!gone.isEmpty()) {
            Set<R> goneRows = Collections.newSetFromMap(new IdentityHashMap<>());
            goneRows.addAll(gone);
            for (int i = rows.size() - 1; i >= 0; i--) {
                if (goneRows.contains(rows.get(i))) {
                    int end = i + 1;
                    while (i > 0 && goneRows.contains(rows.get(i - 1))) {
                        i--;
                    }
                    rows.remove(i, end);
                }
            }
        }
        for (int i = 0; i < next.size(); i++) {
            R wanted = next.get(i);
            if (i < rows.size() && rows.get(i) == wanted) {
                continue;
            }
            if (!created.contains(wanted)) { // a surviving row moved: reorder once
                rows.setAll(next);
                return;
            }
            rows.add(i, wanted);
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
