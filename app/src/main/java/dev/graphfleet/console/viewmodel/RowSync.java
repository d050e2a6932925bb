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
 * steady fleet costs the table nothing but the cells whose text changed; a new order is one
 * permutation of the rows that moved.
 */
final class RowSync {

    /** Beyond this many runs of gone and new rows, one edit for them all ({@link #editAtOnce}) is cheaper. */
    private static final int SCATTERED_RUNS = 2;

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
        if (sameKeys(rows, items, key, rowKey)) { // the usual refresh: no map, no list change
            for (int i = 0; i < items.size(); i++) {
                update.accept(rows.get(i), items.get(i));
            }
            return;
        }
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

    private static <T, R> boolean sameKeys(List<R> rows, List<T> items, Function<T, String> key,
                                           Function<R, String> rowKey) {
        if (rows.size() != items.size()) {
            return false;
        }
        for (int i = 0; i < rows.size(); i++) {
            if (!rowKey.apply(rows.get(i)).equals(key.apply(items.get(i)))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Turns {@code rows} into {@code next} by removing the gone rows, putting the surviving ones in
     * their new order (one permutation, for a {@link RowList}) and inserting the new ones where they
     * belong, so the table re-renders only what moved; {@code setAll} would make the filter, the sort
     * and the table rebuild everything. A plain observable list that must reorder falls back to
     * {@code setAll}.
     */
    private static <R> void edit(ObservableList<R> rows, List<R> next, Collection<R> gone, Set<R> created) {
        Set<R> goneRows = Collections.newSetFromMap(new IdentityHashMap<>());
        goneRows.addAll(gone);
        if (rows instanceof RowList<R> list && runs(rows, goneRows) + runs(next, created) > SCATTERED_RUNS) {
            editAtOnce(list, next, goneRows, created);
            return;
        }
        if (!gone.isEmpty()) {
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
        List<R> survivors = created.isEmpty() ? next : next.stream().filter(r -> !created.contains(r)).toList();
        if (!sameRows(rows, survivors)) {
            if (!(rows instanceof RowList<R> list)) {
                rows.setAll(next);
                return;
            }
            list.arrange(survivors);
        }
        // only new rows are out of place now: each run of them goes in as one change
        for (int i = 0; i < next.size(); i++) {
            if (i < rows.size() && rows.get(i) == next.get(i)) {
                continue;
            }
            int end = i + 1;
            while (end < next.size() && created.contains(next.get(end))) {
                end++;
            }
            rows.addAll(i, next.subList(i, end));
            i = end - 1;
        }
    }

    /**
     * Many gone and new rows scattered through the list (nodes dropping out and coming back all over a
     * 10,000-row table) would be one change per run, and the filtered and sorted lists above walk every
     * row for each. Instead four changes, however many runs: the gone rows move behind the survivors (one
     * permutation), go as one range, the new rows come as one range at the end, and one permutation puts
     * every row in its place. Selection follows the permutations.
     */
    private static <R> void editAtOnce(RowList<R> list, List<R> next, Set<R> gone, Set<R> created) {
        List<R> survivorsThenGone = new ArrayList<>(list.size());
        for (R row : next) {
            if (!created.contains(row)) {
                survivorsThenGone.add(row);
            }
        }
        int survivors = survivorsThenGone.size();
        for (R row : list) {
            if (gone.contains(row)) {
                survivorsThenGone.add(row);
            }
        }
        list.arrange(survivorsThenGone);
        if (survivors < list.size()) {
            list.remove(survivors, list.size());
        }
        if (!created.isEmpty()) {
            list.addAll(next.stream().filter(created::contains).toList());
        }
        list.arrange(next);
    }

    /** How many runs of consecutive {@code rows} are in {@code marked}. */
    private static <R> int runs(List<R> rows, Set<R> marked) {
        if (marked.isEmpty()) {
            return 0;
        }
        int runs = 0;
        boolean inRun = false;
        for (R row : rows) {
            boolean in = marked.contains(row);
            runs += in && !inRun ? 1 : 0;
            inRun = in;
        }
        return runs;
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
